import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { resolveAppPage } from './app-page';
import { createAppWindow, guardWebContents, hardenSession } from './guards';

const page = resolveAppPage({ indexFile: '/app/out/renderer/index.html' });

/** Web contents as the guards use them: events to emit, a window-open handler to call. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, listener: (...args: unknown[]) => void) => emitter.on(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  } as unknown as WebContents;
  const openExternal = vi.fn(async () => undefined);
  guardWebContents(contents, page, openExternal);
  const fire = (name: string, details: object = {}) => {
    const event = { ...details, preventDefault: vi.fn() };
    emitter.emit(name, event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { fire, open: (url: string) => openHandler!({ url }), openExternal };
}

describe('the window', () => {
  it('is isolated and sandboxed, without Node or webviews', () => {
    const created: BrowserWindowConstructorOptions[] = [];
    class FakeWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        created.push(options);
      }
    }
    expect(createAppWindow(FakeWindow, '/app/out/preload/index.cjs')).toBeInstanceOf(FakeWindow);
    expect(created).toHaveLength(1);
    expect(created[0]!.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });
});

describe('guardWebContents', () => {
  it('refuses webviews', () => {
    expect(fakeContents().fire('will-attach-webview')).toBe(true);
  });

  it('keeps the window on the app page, sending https links to the OS browser', () => {
    const { fire, openExternal } = fakeContents();
    expect(fire('will-navigate', { url: `${page.url}#/x`, isMainFrame: true })).toBe(false);
    expect(fire('will-navigate', { url: 'https://x.com/brand', isMainFrame: true })).toBe(true);
    expect(fire('will-navigate', { url: 'file:///etc/passwd', isMainFrame: true })).toBe(true);
    expect(fire('will-redirect', { url: 'https://evil.example/', isMainFrame: true })).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://x.com/brand']]);
  });

  it('lets no frame navigate', () => {
    const { fire } = fakeContents();
    expect(fire('will-frame-navigate', { url: page.url, isMainFrame: false })).toBe(true);
    expect(fire('will-frame-navigate', { url: page.url, isMainFrame: true })).toBe(false);
  });

  it('opens no window; https links go to the OS browser, others nowhere', () => {
    const { open, openExternal } = fakeContents();
    expect(open('https://www.facebook.com/123')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('http://example.com/')).toEqual({ action: 'deny' });
    expect(open(page.url)).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.facebook.com/123']]);
  });
});

describe('hardenSession', () => {
  it('denies every permission but notifications for the app page, and adds the CSP to it', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
    hardenSession(session as never, page);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      ...args: unknown[]
    ) => void;
    for (const permission of ['media', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (
      ...args: unknown[]
    ) => boolean;
    expect(check()).toBe(false);
    // Notifications: the app's own page only.
    const notify = vi.fn();
    request({}, 'notifications', notify, { requestingUrl: page.url });
    expect(notify).toHaveBeenCalledWith(true);
    const elsewhereNotify = vi.fn();
    request({}, 'notifications', elsewhereNotify, { requestingUrl: 'https://example.com/' });
    expect(elsewhereNotify).toHaveBeenCalledWith(false);
    expect(check({}, 'notifications', 'file://', { requestingUrl: page.url })).toBe(true);
    expect(check({}, 'media', 'file://', { requestingUrl: page.url })).toBe(false);
    expect(check({}, 'notifications', 'https://example.com', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean;
    expect(device()).toBe(false);

    const headers = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      details: object,
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
    const onPage = vi.fn();
    headers({ url: page.url, responseHeaders: {} }, onPage);
    expect(onPage.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toHaveLength(1);
    const elsewhere = vi.fn();
    headers({ url: 'https://example.com/', responseHeaders: { a: ['b'] } }, elsewhere);
    expect(elsewhere).toHaveBeenCalledWith({ responseHeaders: { a: ['b'] } });
  });
});
