import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let built = false;

/**
 * The path of an entry of the bench's bundle of the hub (out/bench: `cli`, the hub with the probe;
 * `start-rss`), built once a bench run (scripts/build-hub.mjs --bench): the hub measured as users
 * run it, from its bundle, not through tsx.
 */
export function benchBundle(entry: 'cli' | 'start-rss'): string {
  if (!built) {
    const build = spawnSync(process.execPath, ['scripts/build-hub.mjs', '--bench'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error(`building the bench's hub failed (${build.status})`);
    built = true;
  }
  return join(ROOT, 'out/bench', `${entry}.mjs`);
}
