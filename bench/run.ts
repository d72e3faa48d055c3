import { parseArgs } from 'node:util';

import { crisisBench } from './crisis-bench';
import type { Figure } from './figure';
import { report } from './figure';
import { memoryBench } from './memory-bench';
import { storeBench } from './store-bench';
import { syncBench } from './sync-bench';

const BENCHES: Record<string, () => Promise<Figure[]>> = {
  sync: syncBench,
  store: storeBench,
  crisis: crisisBench,
  memory: memoryBench,
};

/**
 * `npm run bench`: prints each figure against its budget, one JSON line per figure.
 * `npm run bench -- --only crisis,memory` runs only those benches (sync, store, crisis, memory).
 */
const { only } = parseArgs({ options: { only: { type: 'string' } } }).values;
const names = only ? only.split(',').map((n) => n.trim()) : Object.keys(BENCHES);
const unknown = names.filter((n) => !(n in BENCHES));
if (unknown.length > 0) {
  console.error(
    `No such bench: ${unknown.join(', ')} (there are ${Object.keys(BENCHES).join(', ')})`,
  );
  process.exit(2);
}
const figures: Figure[] = [];
for (const name of names) figures.push(...(await BENCHES[name]!()));
const ok = report(figures);
process.exitCode = ok ? 0 : 1;
