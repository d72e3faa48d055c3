import { describe, expect, it } from 'vitest';
import { InboxError } from '../../shared/errors';
import type { InboxApi } from '../../shared/api';
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
    } as unknown as InboxApi;
    const api = fromBridge(bridge);
    const error = await api.getConversation({ id: 'x:1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InboxError);
    expect(error).toMatchObject({ code: 'not_found', message: 'No conversation x:1' });
    expect(await api.listAccounts({})).toEqual([]);
    const odd = { ...bridge, listAccounts: () => Promise.reject('boom') } as unknown as InboxApi;
    await expect(fromBridge(odd).listAccounts({})).rejects.toMatchObject({ code: 'internal' });
  });
});
