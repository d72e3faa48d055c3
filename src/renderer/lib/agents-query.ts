import { createQuery } from '@tanstack/svelte-query';
import type { InboxApi } from '../../shared/api';
import { queryKeys } from './query-keys';

/** The team, one cached query for every place that shows an agent's name. */
export function createAgentsQuery(api: Pick<InboxApi, 'listAgents'>) {
  return createQuery(() => ({
    queryKey: queryKeys.agents,
    queryFn: () => api.listAgents({}),
    staleTime: 60_000,
  }));
}

export { agentLabel } from './agent-label';
