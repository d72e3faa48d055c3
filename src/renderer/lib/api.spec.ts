import { describe, expect, it } from 'vitest';
import { InboxError } from '../../shared/errors';
import type { InboxClient } from '../../shared/api';
import { fromBridge } from './api';

describe('fromBridge', () => {
  it('turns errors that crossed the contextBridge as data back into InboxErrors', async () => {
    const failing = () =>
      Promise.reject({ name: 'InboxError', code: 'not_found', message: 'No conversation x:1' });
    const bridge = {
      listConversations: failing,
      getConversation: failing,
      listAccounts: () => Promise.resolve([]),
      onEvent: () => () => undefined,
    } as unknown as InboxClient;
    const api = fromBridge(bridge);
    const error = await api.getConversation({ id: 'x:1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InboxError);
    expect(error).toMatchObject({ code: 'not_found', message: 'No conversation x:1' });
    expect(await api.listAccounts({})).toEqual([]);
    const odd = { ...bridge, listAccounts: () => Promise.reject('boom') } as unknown as InboxClient;
    await expect(fromBridge(odd).listAccounts({})).rejects.toMatchObject({ code: 'internal' });
  });

  it('gives each write the key of its action (a new one unless given), and no key to a read', async () => {
    const seen: { name: string; options: unknown }[] = [];
    const record =
      (name: string) =>
      (_input: unknown, options?: unknown): Promise<unknown> => {
        seen.push({ name, options });
        return Promise.resolve({ done: true });
      };
    const bridge = {
      deleteView: record('deleteView'),
      listAccounts: record('listAccounts'),
      onEvent: () => () => undefined,
    } as unknown as InboxClient;
    const api = fromBridge(bridge);
    await api.deleteView({ id: 'v1' });
    await api.deleteView({ id: 'v1' });
    await api.deleteView({ id: 'v1' }, { idempotencyKey: 'action-key-0001' });
    await api.listAccounts({});
    const keys = seen.map(
      (s) => (s.options as { idempotencyKey?: string } | undefined)?.idempotencyKey,
    );
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBe('action-key-0001');
    expect(seen[3]).toEqual({ name: 'listAccounts', options: undefined });
  });
});
