import type { Agent, Conversation, Rule } from '../../shared';
import type { TriageChange } from '../queue/triage-change';

/** Text as rules compare it: lower case, no accents, words separated by single spaces. */
export function ruleText(text: string): string {
  return ` ${text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** Whether a keyword or phrase appears as whole words in text prepared by `ruleText`. */
export function mentions(preparedText: string, keyword: string): boolean {
  const phrase = ruleText(keyword);
  return phrase.trim() !== '' && preparedText.includes(phrase);
}

export function matches(rule: Rule, conversation: Conversation, preparedText: string): boolean {
  const c = rule.conditions;
  if (c.languages.length > 0 && !c.languages.includes(conversation.language ?? '')) return false;
  if (c.platforms.length > 0 && !c.platforms.includes(conversation.platform)) return false;
  if (c.accountIds.length > 0 && !c.accountIds.includes(conversation.accountId)) return false;
  if (c.minReach != null && conversation.reach < c.minReach) return false;
  if (c.sentiments.length > 0 && !c.sentiments.some((tone) => tone === conversation.sentiment))
    return false;
  if (c.keywords.length > 0 && !c.keywords.some((k) => mentions(preparedText, k))) return false;
  return true;
}

/** The agents on the team who speak a language, in a stable order (for turns). */
export function speakersOf(language: string | null, agents: readonly Agent[]): Agent[] {
  if (language == null) return [];
  return agents
    .filter((a) => a.removedAt == null && a.languages.includes(language))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Whose turn it is among the speakers, after the one who had the last conversation. */
export function nextInTurn(speakers: readonly Agent[], last: string | undefined): Agent | null {
  if (speakers.length === 0) return null;
  const index = last == null ? -1 : speakers.findIndex((a) => a.id === last);
  return speakers[(index + 1) % speakers.length] ?? null;
}

export interface RuleOutcome {
  change: TriageChange;
  /** The rules that applied, in order, and what each one did. */
  fired: { rule: Rule; did: TriageChange }[];
  /** The last agent given a conversation in each language by turns (to remember). */
  turns: Record<string, string>;
}

/**
 * Runs the enabled rules, in order, on a new conversation. Tags add up; the first rule to assign,
 * to set a priority or to set a status decides it (later ones do not override it). An assignment by
 * turns goes to the next agent who speaks the conversation's language; with no speaker, none.
 */
export function applyRules(
  rules: readonly Rule[],
  conversation: Conversation,
  firstPostText: string,
  agents: readonly Agent[],
  turns: Readonly<Record<string, string>>,
): RuleOutcome {
  const text = ruleText(firstPostText);
  const change: TriageChange = {};
  const fired: RuleOutcome['fired'] = [];
  const nextTurns = { ...turns };
  for (const rule of rules) {
    if (!rule.enabled || !matches(rule, conversation, text)) continue;
    const a = rule.actions;
    const did: TriageChange = {};
    const tags = a.addTags.filter((t) => !(change.addTags ?? []).includes(t));
    if (tags.length > 0) {
      did.addTags = tags;
      change.addTags = [...(change.addTags ?? []), ...tags];
    }
    if (a.assign != null && change.assignee === undefined) {
      const agent =
        a.assign.kind === 'agent'
          ? agents.find(
              (x) => x.id === (a.assign as { agentId: string }).agentId && x.removedAt == null,
            )
          : nextInTurn(
              speakersOf(conversation.language, agents),
              nextTurns[conversation.language ?? ''],
            );
      if (agent != null) {
        did.assignee = agent.id;
        change.assignee = agent.id;
        if (a.assign.kind === 'round-robin' && conversation.language != null)
          nextTurns[conversation.language] = agent.id;
      }
    }
    if (a.priority != null && change.priority === undefined) {
      did.priority = a.priority;
      change.priority = a.priority;
    }
    if (a.status != null && change.status === undefined) {
      did.status = a.status;
      change.status = a.status;
    }
    fired.push({ rule, did });
  }
  return { change, fired, turns: nextTurns };
}
