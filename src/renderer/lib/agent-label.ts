import type { Agent } from '../../shared/model';

/** An agent's name for display: the signed-in agent is "you"; an unknown id shows as it is. */
export function agentLabel(
  id: string,
  agents: readonly Agent[] | undefined,
  me: Agent | null,
): string {
  if (me != null && id === me.id) return me.id === 'local' ? 'You' : `${me.name} (you)`;
  return agents?.find((a) => a.id === id)?.name ?? id;
}
