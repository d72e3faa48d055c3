// `npm run web`: from a fresh clone to the demo in one command: setup when needed, then the emulator,
// the hub and the UI (src/hub/demo.ts) with the given options.
import { spawnSync } from 'node:child_process';
import { root, setup } from './setup.mjs';

if (process.argv.includes('--help')) {
  spawnSync(process.execPath, ['--import', 'tsx', 'src/hub/demo.ts', '--help'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(0);
}
setup();
const demo = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'src/hub/demo.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(demo.status ?? 0);
