import { createQuery } from '@tanstack/svelte-query';
import type { InboxApi } from '../../shared/api';
import type { Agent } from '../../shared/model';
import { queryKeys } from './query-keys';

/** The team, one cached query for every place that shows an agent's name. */
export function createAgentsQuery(api: Pick<InboxApi, 'listAgents'>) {
  return createQuery(() => ({
    queryKey: queryKeys.agents,
    queryFn: () => api.listAgents({}),
    staleTime: 60_000,
  }));
}

/** An agent's name for display: the signed-in agent is "you"; an unknown id shows as it is. */
export function agentLabel(
  id: string,
  agents: readonly Agent[] | undefined,
  me: Agent | null,
): string {
  if (me != null && id === me.id) return me.id === 'local' ? 'You' : `${me.name} (you)`;
  return agents?.find((a) => a.id === id)?.name ?? id;
}
