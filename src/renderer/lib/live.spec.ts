import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxEvent } from '../../shared/events';
import type { Account } from '../../shared/model';
import { startLiveUpdates, upsertAccount } from './live';
import { queryKeys } from './query-keys';
import { account, conversation } from '../../shared/test-fixtures';

function fakeApi() {
  const listeners = new Set<(e: InboxEvent) => void>();
  return {
    onEvent: vi.fn((listener: (e: InboxEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    emit: (event: InboxEvent) => listeners.forEach((l) => l(event)),
    get listening() {
      return listeners.size;
    },
  };
}

function fakeClient() {
  let accounts: Account[] | undefined = [account(), account({ id: 'facebook:2' })];
  const invalidated: unknown[][] = [];
  return {
    invalidated,
    invalidateQueries: vi.fn((filters?: { queryKey?: readonly unknown[] }) => {
      invalidated.push([...(filters?.queryKey ?? [])]);
      return Promise.resolve();
    }),
    setQueryData: vi.fn((_key: unknown, updater: (old: Account[] | undefined) => unknown) => {
      accounts = updater(accounts) as Account[] | undefined;
      return accounts;
    }),
    get accounts() {
      return accounts;
    },
  };
}
let client: ReturnType<typeof fakeClient>;

beforeEach(() => {
  vi.useFakeTimers();
  client = fakeClient();
});
afterEach(() => {
  vi.useRealTimers();
});

const changed = (id: string): InboxEvent => ({
  type: 'conversation.changed',
  conversation: conversation({ id }),
});

describe('startLiveUpdates', () => {
  it('subscribes once and unsubscribes on stop', () => {
    const api = fakeApi();
    const stop = startLiveUpdates(api, client as never);
    expect(api.onEvent).toHaveBeenCalledOnce();
    expect(api.listening).toBe(1);
    stop();
    expect(api.listening).toBe(0);
  });

  it('invalidates the lists and each changed conversation, coalesced during a burst', async () => {
    const api = fakeApi();
    startLiveUpdates(api, client as never, {}, { minIntervalMs: 500 });
    for (let i = 0; i < 50; i++) api.emit(changed(`x:${i % 3}`));
    await vi.advanceTimersByTimeAsync(0);
    expect(client.invalidated).toEqual([
      [...queryKeys.lists],
      [...queryKeys.conversation('x:0')],
      [...queryKeys.conversation('x:1')],
      [...queryKeys.conversation('x:2')],
    ]);

    client.invalidated.length = 0;
    for (let i = 0; i < 1000; i++) api.emit(changed('x:7'));
    await vi.advanceTimersByTimeAsync(400);
    expect(client.invalidated).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(client.invalidated).toEqual([[...queryKeys.lists], [...queryKeys.conversation('x:7')]]);
  });

  it('refreshes both sides of a folded conversation and tells the screen', async () => {
    const api = fakeApi();
    const onRemoved = vi.fn();
    startLiveUpdates(api, client as never, { onRemoved });
    api.emit({ type: 'conversation.removed', id: 'x:child', into: 'x:parent' });
    await vi.advanceTimersByTimeAsync(0);
    expect(onRemoved).toHaveBeenCalledWith('x:child', 'x:parent');
    expect(client.invalidated).toContainEqual([...queryKeys.conversation('x:child')]);
    expect(client.invalidated).toContainEqual([...queryKeys.conversation('x:parent')]);
  });

  it('updates an account in the cached list and passes progress on', () => {
    const api = fakeApi();
    const onProgress = vi.fn();
    const onAccount = vi.fn();
    startLiveUpdates(api, client as never, { onProgress, onAccount });
    const limited = account({
      sync: {
        state: 'rate-limited',
        until: '2026-11-23T14:05:00.000Z',
        lastSyncAt: null,
        message: 'Too many requests',
        fetched: 10,
      },
    });
    api.emit({ type: 'account.status', account: limited });
    expect(client.accounts?.[0]).toEqual(limited);
    expect(client.accounts).toHaveLength(2);
    expect(onAccount).toHaveBeenCalledWith(limited);

    const progress = {
      accountId: 'x:1',
      stream: 'mentions',
      phase: 'backfill' as const,
      fetched: 10,
      estimated: 100,
      done: false,
    };
    api.emit({ type: 'sync.progress', progress });
    expect(onProgress).toHaveBeenCalledWith(progress);
    expect(client.invalidateQueries).not.toHaveBeenCalled();
  });
});

describe('upsertAccount', () => {
  it('replaces by id, appends a new one, leaves an unloaded list alone', () => {
    const list = [account(), account({ id: 'facebook:2' })];
    const renamed = account({ name: 'Renamed' });
    expect(upsertAccount(list, renamed)).toEqual([renamed, list[1]]);
    expect(upsertAccount(list, account({ id: 'x:3' }))).toHaveLength(3);
    expect(upsertAccount(undefined, renamed)).toBeUndefined();
  });
});
