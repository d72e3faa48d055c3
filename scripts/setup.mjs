// `npm run setup`: installs dependencies when they are missing and builds the UI. `npm run web` runs
// it first, so a fresh clone needs no other command.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(what, command, args, env = {}) {
  console.log(`> ${what}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    console.error(`\n${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

export function setup({ force = false } = {}) {
  if (force || !existsSync(`${root}/node_modules/.package-lock.json`)) {
    // The Electron binary is fetched from outside the npm registry; skipped unless asked for.
    step('Installing dependencies (npm ci)', npm, ['ci', '--no-audit', '--no-fund'], {
      ELECTRON_SKIP_BINARY_DOWNLOAD: process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '1',
    });
  }
  step('Building the UI', npm, ['run', '--silent', 'build:web']);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  setup({ force: process.argv.includes('--force') });
  console.log('Ready: `npm run web` starts the demo, `npm test` runs the tests.');
}
