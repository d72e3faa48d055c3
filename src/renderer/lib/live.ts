import type { QueryClient } from '@tanstack/svelte-query';
import type { InboxApi, Unsubscribe } from '../../shared/api';
import type { SyncProgress } from '../../shared/events';
import type { Account } from '../../shared/model';
import { createCoalescer } from './coalesce';
import { queryKeys } from './query-keys';

export interface LiveHandlers {
  onAccount?(account: Account): void;
  onProgress?(progress: SyncProgress): void;
  /** A conversation was folded into another (its parent arrived later), or deleted (`into` null). */
  onRemoved?(id: string, into: string | null): void;
}

export interface LiveOptions {
  /** Shortest gap between two refreshes of the lists (default 500 ms: at most 2 per second). */
  minIntervalMs?: number;
}

type Client = Pick<QueryClient, 'invalidateQueries' | 'setQueryData'>;

/** Replaces (or adds) an account in the cached account list. */
export function upsertAccount(
  list: Account[] | undefined,
  account: Account,
): Account[] | undefined {
  if (list == null) return list;
  const index = list.findIndex((a) => a.id === account.id);
  if (index === -1) return [...list, account];
  const next = list.slice();
  next[index] = account;
  return next;
}

/**
 * Subscribes once to the inbox's events and keeps the query cache fresh: changed conversations
 * invalidate the lists and their own detail (coalesced, so a big sync refreshes at most ~2 times a
 * second), account changes update the account list in place, sync progress goes to the handler.
 */
export function startLiveUpdates(
  api: Pick<InboxApi, 'onEvent'>,
  client: Client,
  handlers: LiveHandlers = {},
  options: LiveOptions = {},
): Unsubscribe {
  const changed = new Set<string>();
  const refresh = createCoalescer(async () => {
    const ids = [...changed];
    changed.clear();
    await Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.lists }),
      ...ids.map((id) => client.invalidateQueries({ queryKey: queryKeys.conversation(id) })),
    ]);
  }, options.minIntervalMs ?? 500);

  const unsubscribe = api.onEvent((event) => {
    switch (event.type) {
      case 'conversation.changed':
        changed.add(event.conversation.id);
        refresh.request();
        break;
      case 'conversation.removed':
        changed.add(event.id);
        if (event.into != null) changed.add(event.into);
        refresh.request();
        handlers.onRemoved?.(event.id, event.into);
        break;
      case 'account.status':
        client.setQueryData<Account[]>(queryKeys.accounts, (list) =>
          upsertAccount(list, event.account),
        );
        handlers.onAccount?.(event.account);
        break;
      case 'account.removed':
        client.setQueryData<Account[]>(queryKeys.accounts, (list) =>
          list?.filter((a) => a.id !== event.accountId),
        );
        break;
      case 'sync.progress':
        handlers.onProgress?.(event.progress);
        break;
      case 'presence':
        break;
      case 'tags.changed':
        void client.invalidateQueries({ queryKey: queryKeys.tags });
        break;
      case 'reply.changed':
        changed.add(event.conversationId);
        refresh.request();
        break;
      case 'rules.changed':
        client.setQueryData(queryKeys.rules, event.rules);
        break;
      case 'team.settings':
        client.setQueryData(queryKeys.teamSettings, event.settings);
        break;
    }
  });

  return () => {
    refresh.cancel();
    unsubscribe();
  };
}

/** After the event stream was down, anything may have changed: refresh everything. */
export function refreshAll(client: Pick<QueryClient, 'invalidateQueries'>): Promise<void> {
  return client.invalidateQueries();
}
