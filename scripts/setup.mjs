// `npm run setup`: installs dependencies when they are missing and builds the UI and the hub.
// `npm run web` runs it first, so a fresh clone needs no other command. It then says which Debian
// packages the tests still need: the demo needs none of them.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HUB_INPUTS } from './build-hub.mjs';

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
  if (force || !uiBuildIsCurrent()) step('Building the UI', npm, ['run', '--silent', 'build:web']);
  else console.log('> The UI is built and current (out/web)');
  if (force || !hubBuildIsCurrent())
    step('Building the hub', npm, ['run', '--silent', 'build:hub']);
  else console.log('> The hub is built and current (out/hub)');
}

/** What the web UI is built from: a change to any of them calls for a new build. */
const UI_INPUTS = [
  'src/renderer',
  'src/shared',
  'vite.web.config.ts',
  'package.json',
  'package-lock.json',
];

function newestChange(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** Whether `output` was written after the last change to any of `inputs`. */
function builtAfter(base, output, inputs) {
  let built;
  try {
    built = statSync(join(base, output)).mtimeMs;
  } catch {
    return false;
  }
  return inputs.every((input) => newestChange(join(base, input)) <= built);
}

/** Whether out/web was built after the last change to what it is built from. */
export function uiBuildIsCurrent(base = root) {
  return builtAfter(base, 'out/web/index.html', UI_INPUTS);
}

/** Whether out/hub was built after the last change to what it is built from. */
export function hubBuildIsCurrent(base = root) {
  return builtAfter(base, 'out/hub/cli.mjs', HUB_INPUTS);
}

/** What the tests need from the system, each with the Debian package that brings it. */
const testTools = [
  {
    what: 'Chromium (e2e)',
    package: 'chromium',
    file: (env) => env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  },
  {
    what: 'gnome-keyring-daemon (keychain tests)',
    package: 'gnome-keyring',
    command: 'gnome-keyring-daemon',
  },
  { what: 'dbus-run-session (keychain tests)', package: 'dbus-x11', command: 'dbus-run-session' },
  { what: 'dbus-send (keychain tests)', package: 'dbus-x11', command: 'dbus-send' },
  { what: 'secret-tool (keychain tests)', package: 'libsecret-tools', command: 'secret-tool' },
  { what: 'faketime (the suite run a year ahead)', package: 'faketime', command: 'faketime' },
  {
    what: 'pg_virtualenv (the PostgreSQL suite, in a throwaway cluster)',
    package: 'postgresql',
    command: 'pg_virtualenv',
  },
];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command, env) {
  return (env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir !== '' && executable(join(dir, command)));
}

/** The test tools this system lacks (on `env.PATH`, and Chromium where the e2e looks for it). */
export function missingTestTools(env = process.env) {
  return testTools.filter((tool) =>
    tool.command ? !onPath(tool.command, env) : !executable(tool.file(env)),
  );
}

/** Tells which packages to install for the tests; never fails: the demo needs none of them. */
export function reportTestTools(missing = missingTestTools()) {
  if (missing.length === 0) {
    console.log(
      'The tests have what they need from the system (Chromium, GNOME Keyring, D-Bus, secret-tool, faketime, PostgreSQL).',
    );
    return;
  }
  const packages = [...new Set(missing.map((tool) => tool.package))];
  console.log(
    [
      'The demo is ready; the tests need what this system lacks:',
      ...missing.map((tool) => `  - ${tool.what}: Debian package ${tool.package}`),
      `Install with: sudo apt-get install ${packages.join(' ')}`,
    ].join('\n'),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  setup({ force: process.argv.includes('--force') });
  reportTestTools();
  console.log('Ready: `npm run web` starts the demo, `npm test` runs the tests.');
}
