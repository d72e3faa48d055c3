import type { QueryClient } from '@tanstack/svelte-query';
import type { ApiInput, InboxApi } from '../../shared/api';
import type { Conversation } from '../../shared/model';
import { summarizeBulk } from './bulk';
import type { BulkSummary } from './bulk';
import { queryKeys } from './query-keys';

export type TriageFields = Omit<ApiInput<'updateConversation'>, 'id' | 'version'>;

/**
 * One triage change made on each conversation at the version shown, in one call; the lists and
 * each conversation are refreshed after, conflicts included (their fresh state is shown).
 */
export async function applyTriage(
  api: Pick<InboxApi, 'updateConversations'>,
  client: Pick<QueryClient, 'invalidateQueries' | 'setQueryData'>,
  conversations: readonly Conversation[],
  fields: TriageFields,
): Promise<BulkSummary> {
  const { results } = await api.updateConversations({
    changes: conversations.map((c) => ({ id: c.id, version: c.version, ...fields })),
  });
  // The open conversation shows its new version at once, before the refresh.
  for (const r of results) {
    if (r.outcome === 'not_found') continue;
    client.setQueryData(queryKeys.conversation(r.id), (old: unknown) =>
      old && typeof old === 'object' ? { ...old, conversation: r.conversation } : old,
    );
  }
  await Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.lists }),
    ...conversations.map((c) =>
      client.invalidateQueries({ queryKey: queryKeys.conversation(c.id) }),
    ),
  ]);
  return summarizeBulk(results);
}
