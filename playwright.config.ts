import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8799);
/** The demo writes its agents' sign-in tokens here; e2e/pages/team.ts reads them. */
export const agentsFile = join(tmpdir(), `social-inbox-e2e-agents-${port}.json`);
process.env.E2E_AGENTS_FILE = agentsFile;

/** e2e runs Debian's Chromium against the demo stack (`npm run web`): emulator + hub + built UI. */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // The UI follows the browser's language unless the user chose one: tests read English.
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'web', testIgnore: '**/electron-*.spec.ts' },
    { name: 'electron', testMatch: '**/electron-*.spec.ts' },
  ],
  webServer: {
    // Every browser context signs in from 127.0.0.1: more than the hub's default per-address
    // limit over the whole run.
    // The demo from the hub's bundle, as `npm run web` runs it (`npm run build:hub` makes it).
    command: `node out/hub/demo.mjs --port ${port} --poll 5000 --sign-in-limit 600 --agents-file ${agentsFile}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
