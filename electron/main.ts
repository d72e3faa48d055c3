// The Electron main process, kept thin: lifecycle, the one window, and the wiring of the pieces
// (config, app page, guards, inbox, IPC) that live in their own modules and are tested in Node.
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, dialog, ipcMain, session, shell } from 'electron';
import { resolveAppPage } from './app-page';
import type { AppPage } from './app-page';
import { ConfigError, DESKTOP_ENVIRONMENT, parseDesktopConfig } from './config';
import type { DesktopConfig } from './config';
import { createAppWindow, guardWebContents, hardenSession } from './guards';
import { openInbox } from './inbox';
import type { OpenInbox } from './inbox';
import { deferredClient, openingEvents } from './opening';
import { withSystemBrowserSignIn } from './sign-in-browser';
import { TeamHubLink, hubSettingsFile, withTeamHub } from './team-hub';
import { KeychainSecretStore } from '../src/core/secrets/keychain-store';
import { createIpcDispatcher, createSenderCheck, forwardEvents, registerIpcHandlers } from './ipc';

const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, '../preload/index.cjs');
const RENDERER_INDEX = join(here, '../renderer/index.html');

let appWindow: BrowserWindow | null = null;

function fail(title: string, message: string): void {
  console.error(`${title}\n${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function createWindow(page: AppPage): BrowserWindow {
  const window = createAppWindow(BrowserWindow, PRELOAD);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (appWindow === window) appWindow = null;
  });
  window.loadURL(page.url).catch((err: unknown) => {
    console.error(`The app page could not be loaded: ${(err as Error).message}`);
  });
  return window;
}

function showWindow(page: AppPage): void {
  if (!appWindow || appWindow.isDestroyed()) {
    appWindow = createWindow(page);
    return;
  }
  if (appWindow.isMinimized()) appWindow.restore();
  appWindow.show();
  appWindow.focus();
}

async function start(config: DesktopConfig): Promise<void> {
  const page = resolveAppPage({
    indexFile: RENDERER_INDEX,
    devServerUrl: app.isPackaged ? null : process.env.ELECTRON_RENDERER_URL,
  });

  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, page, (url) => shell.openExternal(url)),
  );
  await app.whenReady();
  hardenSession(session.defaultSession, page);

  const clientName = `desktop:${hostname()}`;
  // The team hub this desktop works in, if any: its address in a file, the agent's token in the keychain.
  const teamHub = new TeamHubLink(
    hubSettingsFile(app.getPath('userData')),
    new KeychainSecretStore(),
  );
  const appContents = () => (appWindow && !appWindow.isDestroyed() ? appWindow.webContents : null);
  // The window shows at once: while the inbox opens (a data folder moved into the store once, which
  // takes minutes when large), its calls wait and it shows how far the move is.
  const opening = new EventEmitter();
  const stopOpening = forwardEvents(
    {
      onEvent: (listener) => (opening.on('event', listener), () => opening.off('event', listener)),
    },
    appContents,
    page,
  );
  const opened: Promise<OpenInbox> = openInbox({
    config,
    dataDir: join(app.getPath('userData'), 'data'),
    scenarioPath: join(app.getAppPath(), 'resources', 'demo-scenario.json'),
    clientName,
    teamHub,
    onOpenProgress: openingEvents(
      (event) => opening.emit('event', event),
      () => performance.now(),
    ),
  });
  // Sign-ins open in the user's own browser, never in an app window.
  // Joining or leaving a hub reopens the app in the other inbox, once the answer has reached the window.
  const restart = () =>
    setTimeout(() => {
      app.relaunch();
      app.quit();
    }, 300);
  const api = opened.then((inbox) => {
    console.log(`Social Inbox: ${inbox.description}`);
    stopOpening();
    return withTeamHub(
      withSystemBrowserSignIn(inbox.service, (url) => shell.openExternal(url)),
      teamHub,
      { client: clientName, restart },
    );
  });
  const service = opened.then((inbox) => inbox.service);
  // A failed opening is told below (start fails); the calls waiting on it fail with it.
  for (const waited of [api, service]) waited.catch(() => undefined);
  const dispatch = createIpcDispatcher(deferredClient(api), createSenderCheck(page), {
    onInternalError: (method, err) => console.error(`${method} failed:`, err),
  });
  const removeHandlers = registerIpcHandlers(ipcMain, dispatch, appContents);
  const stopEvents = forwardEvents(deferredClient(service), appContents, page);
  showWindow(page);

  let closed = false;
  let closing = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    stopEvents();
    removeHandlers();
    opened
      .then((inbox) => inbox.close())
      .catch((err: unknown) => console.error('The inbox did not close cleanly:', err))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  app.on('second-instance', () => showWindow(page));
  app.on('activate', () => showWindow(page));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // The window's calls fail while opening failed; the user is told why, and the app ends.
  await opened;
}

function readConfig(): DesktopConfig | null {
  try {
    return parseDesktopConfig(process.argv, process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    fail('Social Inbox: invalid settings', `${err.message}\n\n${DESKTOP_ENVIRONMENT}`);
    return null;
  }
}

const config = readConfig();
if (config) {
  if (config.userDataDir) app.setPath('userData', config.userDataDir);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    start(config).catch((err: unknown) =>
      fail('Social Inbox could not start', (err as Error)?.message ?? String(err)),
    );
  }
}
