import { parseArgs } from 'node:util';
import { crisisBench } from './crisis-bench';
import { emulatorBench } from './emulator-bench';
import { hubBench } from './hub-bench';
import { report } from './figure';
import { inOwnProcess } from './own-process';
import type { Figure } from './figure';
import { memoryBench } from './memory-bench';
import { syncBench } from './sync-bench';

/** The groups of figures, in the order they run; `--only sql,emulator` runs some of them. */
const BENCHES: Record<string, () => Promise<Figure[]>> = {
  sync: syncBench,
  emulator: emulatorBench,
  crisis: crisisBench,
  memory: memoryBench,
  // The embedded SQL store at 100k and at a million conversations (seeding 1M takes minutes).
  // Each size in a process of its own, so that the memory measured is the store's alone.
  sql: async () => [
    ...(await inOwnProcess('sql', 100_000)),
    ...(await inOwnProcess('sql', Number(process.env.BENCH_SQL_LARGE ?? 1_000_000))),
  ],
  // The same figures through the hub's HTTP API, the hub in its own process; at 100k, 20 agents
  // also list and write at once (with --database, also dealt between two hubs on the database).
  // BENCH_HUB_LARGE=0 leaves the large size out, BENCH_HUB_SMALL=0 the 100k (and its team).
  hub: async () => {
    const large = Number(process.env.BENCH_HUB_LARGE ?? 1_000_000);
    const small = process.env.BENCH_HUB_SMALL !== '0';
    return [
      ...(small ? await hubBench(100_000, { team: true, database }) : []),
      ...(large > 0 ? await hubBench(large, { database }) : []),
    ];
  },
};

const { values } = parseArgs({
  options: { only: { type: 'string' }, database: { type: 'string' } },
  strict: true,
});
// With --database postgres://…, the hub benches keep the store there (the seed moved into it).
const database = values.database ?? null;
const names = values.only?.split(',').map((n) => n.trim()) ?? Object.keys(BENCHES);
const unknown = names.filter((n) => !(n in BENCHES));
if (unknown.length > 0) {
  console.error(
    `No bench named ${unknown.join(', ')}; the benches are ${Object.keys(BENCHES).join(', ')}`,
  );
  process.exit(2);
}

/** `npm run bench`: prints each figure against its budget, one JSON line per figure. */
const figures: Figure[] = [];
for (const name of names) figures.push(...(await BENCHES[name]!()));
const ok = report(figures);
process.exitCode = ok ? 0 : 1;
