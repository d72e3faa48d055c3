import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { EVENTS_CHANNEL, apiMethods } from '../src/shared';
import type { InboxEvent } from '../src/shared';
import { resolveAppPage } from './app-page';
import {
  createIpcDispatcher,
  createSenderCheck,
  forwardEvents,
  ipcChannels,
  registerIpcHandlers,
  senderInfoOf,
} from './ipc';
import type { SenderInfo } from './ipc';
import { FakeService, account, asApi, conversation } from './test/fake-service';

const page = resolveAppPage({ indexFile: '/opt/social-inbox/out/renderer/index.html' });
const APP_URL = 'file:///opt/social-inbox/out/renderer/index.html';
const trusted: SenderInfo = { appWindowMainFrame: true, url: APP_URL };

function setup() {
  const service = new FakeService();
  const internal: unknown[] = [];
  const dispatch = createIpcDispatcher(asApi(service), createSenderCheck(page), {
    onInternalError: (_method, err) => internal.push(err),
  });
  return { service, dispatch, internal };
}

describe('the IPC dispatcher', () => {
  it('passes a valid call through, with its input parsed, and answers with the result', async () => {
    const { service, dispatch } = setup();
    const reply = await dispatch('conversations:list', trusted, { platform: 'x', limit: 20 });
    expect(reply).toEqual({
      ok: true,
      result: { items: [conversation], nextCursor: null, total: 1 },
    });
    // The schema's defaults are filled in before the service sees the input.
    expect(service.calls).toEqual([{ platform: 'x', limit: 20, sort: 'newest' }]);
  });

  it('takes a missing argument as {} for calls without parameters', async () => {
    const { dispatch } = setup();
    const reply = await dispatch('accounts:list', trusted, undefined);
    expect(reply.ok).toBe(true);
  });

  it('strips what the output schema does not know, so nothing extra leaves main', async () => {
    const { dispatch } = setup();
    const reply = await dispatch('accounts:list', trusted, {});
    expect(reply).toEqual({ ok: true, result: [account] });
    expect(JSON.stringify(reply)).not.toContain('EAAsecret');
  });

  it('rejects bad input with bad_request naming each field, without calling the service', async () => {
    const { service, dispatch } = setup();
    const reply = await dispatch('conversations:list', trusted, {
      limit: 0,
      platform: 'myspace',
    });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('bad_request');
    expect(reply.error.message).toBe('Invalid input');
    const fields = (reply.error.details as { path: string }[]).map((d) => d.path);
    expect(fields).toEqual(expect.arrayContaining(['limit', 'platform']));
    expect(JSON.stringify(reply)).not.toMatch(/\bat .*\.ts:\d+|node_modules/);
    expect(service.calls).toEqual([]);
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['an unknown field', { id: 'x:100', extra: true }],
  ])('rejects %s as bad_request', async (_what, input) => {
    const { dispatch } = setup();
    const reply = await dispatch('conversations:get', trusted, input);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it.each<[string, SenderInfo]>([
    ['a sub-frame of the app window', { appWindowMainFrame: false, url: APP_URL }],
    ['another origin', { appWindowMainFrame: true, url: 'https://evil.example/' }],
    ['another local file', { appWindowMainFrame: true, url: 'file:///tmp/index.html' }],
    ['a frame that is gone', { appWindowMainFrame: true, url: '' }],
  ])('refuses calls from %s with forbidden', async (_who, sender) => {
    const { service, dispatch } = setup();
    const reply = await dispatch('conversations:list', sender, {});
    expect(reply).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.any(String) },
    });
    expect(service.calls).toEqual([]);
  });

  it('trusts the dev server origin in development, and only it', async () => {
    const dev = resolveAppPage({
      indexFile: '/x/index.html',
      devServerUrl: 'http://localhost:5173',
    });
    const dispatch = createIpcDispatcher(asApi(new FakeService()), createSenderCheck(dev));
    const from = (url: string) => dispatch('accounts:list', { appWindowMainFrame: true, url }, {});
    expect((await from('http://localhost:5173/#/inbox')).ok).toBe(true);
    expect(await from('http://localhost:5174/')).toMatchObject({ error: { code: 'forbidden' } });
    expect(await from(APP_URL)).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('keeps the code and message of an InboxError the service throws', async () => {
    const { dispatch, internal } = setup();
    const reply = await dispatch('conversations:get', trusted, { id: 'x:404' });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No conversation x:404' },
    });
    expect(internal).toEqual([]);
  });

  it('turns any other error into internal, without its message', async () => {
    const { service, dispatch, internal } = setup();
    const leak = new Error('token=EAAsecret at /home/user/.config/app.js:12');
    service.failWith = leak;
    const reply = await dispatch('conversations:list', trusted, {});
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    expect(JSON.stringify(reply)).not.toContain('EAAsecret');
    // Main's log is told, the renderer is not.
    expect(internal).toEqual([leak]);
  });

  it('answers internal when the service returns something the contract does not allow', async () => {
    const { service, dispatch, internal } = setup();
    service.page = { items: [{ ...conversation, status: 'lost' }], nextCursor: null, total: 1 };
    const reply = await dispatch('conversations:list', trusted, {});
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    expect(internal).toHaveLength(1);
  });

  it('answers nothing but not_found on a channel outside the table', async () => {
    const { dispatch } = setup();
    expect(await dispatch('fs:read', trusted, {})).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('binding to Electron', () => {
  it('registers exactly one handler per call of the table, and removes them', () => {
    const handle = vi.fn();
    const removeHandler = vi.fn();
    const remove = registerIpcHandlers({ handle, removeHandler }, vi.fn(), () => null);
    const channels = Object.values(apiMethods).map((m) => m.channel);
    expect(handle.mock.calls.map(([channel]) => channel as string).sort()).toEqual(
      [...channels].sort(),
    );
    expect([...ipcChannels].sort()).toEqual([...channels].sort());
    remove();
    expect(removeHandler.mock.calls.map(([channel]) => channel as string).sort()).toEqual(
      [...channels].sort(),
    );
  });

  it('hands the dispatcher the channel, the sender, the argument and the options only', async () => {
    const handle = vi.fn();
    const dispatch = vi.fn().mockResolvedValue({ ok: true, result: [] });
    const { contents, mainFrame } = fakeWindow();
    registerIpcHandlers({ handle, removeHandler: vi.fn() }, dispatch, () => contents);
    const handler = handle.mock.calls.find(([c]) => c === 'accounts:list')![1] as (
      ...args: unknown[]
    ) => Promise<unknown>;
    const options = { idempotencyKey: 'action-key-0001' };
    await handler({ sender: contents, senderFrame: mainFrame }, {}, options, 'third');
    expect(dispatch).toHaveBeenCalledWith('accounts:list', trusted, {}, options);
  });

  describe('senderInfoOf', () => {
    it('recognises the main frame of the app window', () => {
      const { contents, mainFrame } = fakeWindow();
      expect(senderInfoOf({ sender: contents, senderFrame: mainFrame as never }, contents)).toEqual(
        trusted,
      );
    });

    it('does not trust a sub-frame, another window, a detached frame or no window', () => {
      const { contents, mainFrame } = fakeWindow();
      const sub = { ...mainFrame, frameTreeNodeId: 8, parent: mainFrame };
      const other = fakeWindow(2);
      const detached = { ...mainFrame, detached: true };
      const info = (event: object, appContents: unknown) =>
        senderInfoOf(event as never, appContents as WebContents | null);
      expect(info({ sender: contents, senderFrame: sub }, contents).appWindowMainFrame).toBe(false);
      expect(
        info({ sender: other.contents, senderFrame: other.mainFrame }, contents).appWindowMainFrame,
      ).toBe(false);
      expect(info({ sender: contents, senderFrame: detached }, contents).appWindowMainFrame).toBe(
        false,
      );
      expect(info({ sender: contents, senderFrame: mainFrame }, null).appWindowMainFrame).toBe(
        false,
      );
      expect(info({ sender: contents, senderFrame: null }, contents)).toEqual({
        appWindowMainFrame: false,
        url: '',
      });
    });
  });

  it('forwards service events to the app window while it shows the app page', () => {
    const service = new FakeService();
    const { contents } = fakeWindow();
    const stop = forwardEvents(asApi(service), () => contents as unknown as WebContents, page);
    const event: InboxEvent = { type: 'conversation.changed', conversation };
    service.events.emit('event', event);
    expect(contents.send).toHaveBeenCalledWith(EVENTS_CHANNEL, event);

    contents.url = 'https://evil.example/';
    service.events.emit('event', event);
    expect(contents.send).toHaveBeenCalledTimes(1);

    contents.url = APP_URL;
    stop();
    service.events.emit('event', event);
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});

function fakeWindow(id = 1) {
  const mainFrame = {
    url: APP_URL,
    parent: null,
    detached: false,
    frameTreeNodeId: id * 10,
    processId: id,
    isDestroyed: () => false,
  };
  const contents = {
    id,
    mainFrame,
    url: APP_URL,
    isDestroyed: () => false,
    getURL() {
      return this.url;
    },
    send: vi.fn(),
  };
  return { contents: contents as typeof contents & WebContents, mainFrame };
}
