import type { Agent } from '../../shared/model';
import type { Translate } from '../i18n/translate';

/**
 * An agent's name for display: the signed-in agent is "you"; an unknown id shows as it is. Without
 * `t`, in English.
 */
export function agentLabel(
  id: string,
  agents: readonly Agent[] | undefined,
  me: Agent | null,
  t?: Translate,
): string {
  if (me != null && id === me.id) {
    if (t == null) return me.id === 'local' ? 'You' : `${me.name} (you)`;
    return me.id === 'local' ? t('labels.you') : t('labels.meNamed', { values: { name: me.name } });
  }
  return agents?.find((a) => a.id === id)?.name ?? id;
}

/**
 * Whom a conversation can be given to: the agents still on the team (removed ones keep their name
 * in history but take no work), with the signed-in agent first when the list lacks them.
 */
export function assignableAgents(agents: readonly Agent[] | undefined, me: Agent | null): Agent[] {
  const team = (agents ?? []).filter((a) => a.removedAt == null);
  return me != null && !team.some((a) => a.id === me.id) ? [me, ...team] : team;
}
