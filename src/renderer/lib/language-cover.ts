import type { Agent } from '../../shared/model';
import { UNKNOWN_LANGUAGE } from '../../shared/report';

/**
 * Whether nobody on the team speaks a conversation's language, so it needs attention (a
 * translation, help from outside). Only said when the team declared its languages at all: in a solo
 * inbox, or a team that never said, nothing is flagged.
 */
export function nobodySpeaks(
  language: string | null,
  agents: readonly Agent[] | undefined,
): boolean {
  // No language detected is not a language: nobody can be said not to speak it.
  if (language == null || language === UNKNOWN_LANGUAGE || agents == null) return false;
  const team = agents.filter((a) => a.removedAt == null);
  if (!team.some((a) => a.languages.length > 0)) return false;
  return !team.some((a) => a.languages.includes(language));
}

/**
 * The languages of these conversations that an agent does not speak (each once, in order): what to
 * warn about when they go to that agent. Nothing when the agent declared no language (nothing is
 * known) or a conversation's language is unknown.
 */
export function languagesNotSpoken(
  agent: Pick<Agent, 'languages'> | undefined,
  conversations: readonly { language: string | null }[],
): string[] {
  if (agent == null || agent.languages.length === 0) return [];
  const missing = new Set<string>();
  for (const { language } of conversations)
    if (language != null && language !== 'unknown' && !agent.languages.includes(language))
      missing.add(language);
  return [...missing];
}
