// `npm run web`: from a fresh clone to the demo in one command: setup when needed (dependencies, the
// UI's and the hub's builds), then the emulator, the hub and the UI (src/hub/demo.ts, run from the
// hub's bundle out/hub/demo.mjs) with the given options (`npm run web -- --help`).
import { spawnSync } from 'node:child_process';
import { root, setup } from './setup.mjs';

setup();
const demo = spawnSync(process.execPath, ['out/hub/demo.mjs', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(demo.status ?? 0);
