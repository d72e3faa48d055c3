import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { externalLink, withSecurityHeaders } from './app-page';
import type { AppPage } from './app-page';

/** A window class as `createAppWindow` uses it: Electron's `BrowserWindow`, or a test's stand-in. */
export type WindowClass<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Creates the app window: isolated, sandboxed, no Node, no webviews. The options stay written out
 * in the `new BrowserWindow({...})` call itself: Electronegativity (`npm run lint:electron`) reads
 * the webPreferences only there, and reports them missing when they are built elsewhere.
 */
export function createAppWindow<W>(BrowserWindow: WindowClass<W>, preload: string): W {
  return new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Social Inbox',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
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
    },
  });
}

/** Opens a link in the OS browser when it is https; drops it otherwise. */
export function openLinkOutside(url: string, openExternal: (url: string) => Promise<void>): void {
  const target = externalLink(url);
  if (target) openExternal(target).catch(() => undefined);
}

/**
 * Locks down every web contents the app creates: no webviews, no frames, no navigation away from
 * the app page (an https link goes to the OS browser instead), no new windows.
 */
export function guardWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  page: AppPage,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (page.isAppUrl(event.url)) return;
    event.preventDefault();
    if (event.isMainFrame) openLinkOutside(event.url, openExternal);
  });
  // The app has no frames (its CSP allows none; this is the second lock). The main frame is
  // will-navigate's.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!page.isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openLinkOutside(url, openExternal);
    return { action: 'deny' };
  });
}

/**
 * Denies every permission request and check but one: the app's own page may show notifications
 * (assigned to me, mentioned, urgent arrivals). Sends the app page with its CSP header.
 */
export function hardenSession(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  > & { webRequest: Pick<Session['webRequest'], 'onHeadersReceived'> },
  page: AppPage,
): void {
  const allowed = (permission: string, url: string | undefined) =>
    permission === 'notifications' && url != null && page.isAppUrl(url);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details?.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    allowed(permission, details?.requestingUrl),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = withSecurityHeaders(page, details.url, details.responseHeaders);
    callback(responseHeaders ? { responseHeaders } : {});
  });
}
