// `npm start`: builds the desktop app and runs it (electron-vite preview). Arguments go to the app,
// e.g. `npm start -- --demo`. Without the Electron binary, says how to get it and exits 1.
import { spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const binary = electronBinary(root);
if (!binary) {
  console.error(`The Electron binary is not installed, so the desktop app cannot start.

Dependencies were installed without it (ELECTRON_SKIP_BINARY_DOWNLOAD=1). To get it, on a machine
with internet access run:

  node node_modules/electron/install.js   (downloads the binary for this platform into node_modules/electron)

Meanwhile, \`npm run web\` runs the same UI in a browser, against the demo emulator.`);
  process.exit(1);
}

const appArgs = process.argv.slice(2);
const result = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    'preview',
    ...(appArgs.length > 0 ? ['--', ...appArgs] : []),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_EXEC_PATH: binary } },
);
if (result.error) {
  console.error(`Could not run electron-vite: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
