import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { apiMethods } from '../src/shared';
import { electronBinary } from '../scripts/electron-binary.mjs';
import { InboxPage } from './pages/inbox-page';

const root = resolve(import.meta.dirname, '..');

const binary = electronBinary(root);
const SKIP_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); on a machine with internet, run `node node_modules/electron/install.js` to run this test';
test.skip(binary === null, SKIP_REASON);

const BUILD = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

let app: ElectronApplication;
let appWindow: Page;
let userData: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!BUILD.every((file) => existsSync(join(root, file)))) {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  }
  userData = mkdtempSync(join(tmpdir(), 'social-inbox-electron-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RENDERER_URL' && key !== 'ELECTRON_RUN_AS_NODE') {
      env[key] = value;
    }
  }
  // Chromium refuses to start as root with its OS sandbox (containers, CI).
  const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
  app = await electron.launch({
    executablePath: binary!,
    args: [...(asRoot ? ['--no-sandbox'] : []), root, '--demo'],
    cwd: root,
    env: { ...env, SOCIAL_INBOX_DEMO: '1', SOCIAL_INBOX_USER_DATA: userData },
  });
  appWindow = await app.firstWindow();
  await appWindow.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('the window shows the built app page, isolated from Node', async () => {
  expect(appWindow.url()).toBe(pathToFileURL(join(root, 'out/renderer/index.html')).href);
  const globals = await appWindow.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>).require,
    process: typeof (globalThis as Record<string, unknown>).process,
    module: typeof (globalThis as Record<string, unknown>).module,
    ipcRenderer: typeof (globalThis as Record<string, unknown>).ipcRenderer,
  }));
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    ipcRenderer: 'undefined',
  });
  // New windows are denied (https links would go to the OS browser, so none is used here).
  const opened = await appWindow.evaluate(() =>
    (globalThis as unknown as { open(url: string): unknown }).open('about:blank'),
  );
  expect(opened).toBeNull();
});

test('window.inbox is exactly the InboxApi', async () => {
  const keys = await appWindow.evaluate(() =>
    Object.keys((globalThis as unknown as { inbox: object }).inbox).sort(),
  );
  expect(keys).toEqual([...Object.keys(apiMethods), 'onEvent'].sort());
  const types = await appWindow.evaluate(() =>
    Object.values((globalThis as unknown as { inbox: object }).inbox).map((v) => typeof v),
  );
  expect(new Set(types)).toEqual(new Set(['function']));
});

test('calls are validated in main and fail with their code', async () => {
  const errors = await appWindow.evaluate(async () => {
    const inbox = (
      globalThis as unknown as { inbox: Record<string, (i: unknown) => Promise<unknown>> }
    ).inbox;
    const settle = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e,
      );
    return {
      missing: await settle(inbox.getConversation!({ id: 'x:does-not-exist' })),
      invalid: await settle(inbox.listConversations!({ limit: 0 })),
    };
  });
  expect(errors.missing).toMatchObject({ name: 'InboxError', code: 'not_found' });
  expect(errors.invalid).toMatchObject({ name: 'InboxError', code: 'bad_request' });
  expect(JSON.stringify(errors)).not.toMatch(/\bat \S+:\d+:\d+/);
});

test('the demo inbox lists X mentions and Facebook comments together', async () => {
  const inbox = new InboxPage(appWindow);
  await expect(inbox.list).toBeVisible({ timeout: 30_000 });
  await expect(inbox.rowsOf('x').first()).toBeVisible({ timeout: 30_000 });
  await expect(inbox.rowsOf('facebook').first()).toBeVisible({ timeout: 30_000 });
});
