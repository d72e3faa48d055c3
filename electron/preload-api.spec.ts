import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { EVENTS_CHANNEL, InboxError, apiMethods } from '../src/shared';
import type { InboxEvent } from '../src/shared';
import { createInboxBridge, unwrapEnvelope } from './preload-api';
import type { IpcRendererLike } from './preload-api';

/** ipcRenderer as the bridge sees it: invoke answers from a table, events come from an emitter. */
function fakeIpc(answer: (channel: string, input: unknown) => unknown) {
  const emitter = new EventEmitter();
  const ipc = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => answer(channel, args[0])),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) =>
      emitter.on(channel, listener),
    ),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) =>
      emitter.removeListener(channel, listener),
    ),
  } satisfies IpcRendererLike;
  return { ipc, emitter };
}

describe('the preload bridge', () => {
  it('has exactly the InboxApi: one function per call of the table, plus onEvent', () => {
    const api = createInboxBridge(fakeIpc(() => null).ipc);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(apiMethods), 'onEvent'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('adds the call’s options (its Idempotency-Key) as a second argument, nothing else', async () => {
    const { ipc } = fakeIpc(() => ({ ok: true, result: { done: true } }));
    const api = createInboxBridge(ipc);
    await api.deleteView({ id: 'v1' }, { idempotencyKey: 'action-key-0001' });
    const sneaky = { idempotencyKey: 'action-key-0002', agent: 'manager' };
    await api.deleteView({ id: 'v1' }, sneaky);
    await api.deleteView({ id: 'v1' }, {});
    expect(ipc.invoke.mock.calls).toEqual([
      ['views:delete', { id: 'v1' }, { idempotencyKey: 'action-key-0001' }],
      ['views:delete', { id: 'v1' }, { idempotencyKey: 'action-key-0002' }],
      ['views:delete', { id: 'v1' }],
    ]);
  });

  it('invokes the call’s channel with its one argument and returns the result', async () => {
    const { ipc } = fakeIpc(() => ({ ok: true, result: [] }));
    const api = createInboxBridge(ipc);
    await expect(api.listAccounts({})).resolves.toEqual([]);
    await api.getConversation({ id: 'x:1' });
    expect(ipc.invoke.mock.calls).toEqual([
      ['accounts:list', {}],
      ['conversations:get', { id: 'x:1' }],
    ]);
  });

  it('rejects with the error as plain data, code, message and details kept', async () => {
    const details = [{ path: 'limit', message: 'Too small' }];
    const api = createInboxBridge(
      fakeIpc(() => ({
        ok: false,
        error: { code: 'bad_request', message: 'Invalid input', details },
      })).ipc,
    );
    const error: unknown = await api.listConversations({ limit: 0 }).catch((e: unknown) => e);
    // Plain data survives contextBridge; an Error would arrive with its message only.
    expect(error).toEqual({
      name: 'InboxError',
      code: 'bad_request',
      message: 'Invalid input',
      details,
    });
    expect(Object.getPrototypeOf(error)).toBe(Object.prototype);
    // The page can rebuild the shared error class from it.
    expect(InboxError.fromBody(error as InboxError)).toMatchObject({ code: 'bad_request' });
  });

  it('rejects with internal when main answers something that is not an Envelope', () => {
    for (const reply of [undefined, null, 'ok', { ok: 'yes' }, { ok: false, error: 'x' }]) {
      expect(() => unwrapEnvelope(reply)).toThrow(
        expect.objectContaining({ name: 'InboxError', code: 'internal' }),
      );
    }
  });

  it('hands event listeners the event alone, never the IPC event, until unsubscribed', () => {
    const { ipc, emitter } = fakeIpc(() => null);
    const api = createInboxBridge(ipc);
    const listener = vi.fn();
    const unsubscribe = api.onEvent(listener);
    const event: InboxEvent = {
      type: 'presence',
      agentId: 'a',
      conversationId: null,
      activity: 'idle',
    };
    const ipcEvent = { sender: { invoke: () => undefined } };
    emitter.emit(EVENTS_CHANNEL, ipcEvent, event);
    expect(listener.mock.calls).toEqual([[event]]);
    unsubscribe();
    unsubscribe();
    emitter.emit(EVENTS_CHANNEL, ipcEvent, event);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipc.removeListener).toHaveBeenCalledTimes(1);
    expect(emitter.listenerCount(EVENTS_CHANNEL)).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    const api = createInboxBridge(fakeIpc(() => null).ipc);
    expect(() => api.onEvent('alert(1)' as never)).toThrow(TypeError);
  });
});
