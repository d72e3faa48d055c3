import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../src/core/store/sql/sqlite';
import { SqliteStore } from '../src/core/store/sql/sqlite-store';
import { ManualClock } from '../src/core/time/clock';
import { END, seedStore } from './sql-store-seed';

const DAY_MS = 86_400_000;
const SELF = fileURLToPath(import.meta.url);

/**
 * Seeds a data folder with N conversations in a process of its own, so that what seeding leaves in
 * memory never counts in the RSS the benches measure afterwards. The entries are stamped a day
 * after the last conversation arrived, where the benches' clocks stand. A folder seeded before
 * (BENCH_SQL_DIR) is only opened, which brings it to this version's schema: an upgrade's one-time
 * migration is not what the benches' "open" measures.
 */
export function seedFolder(dir: string, n: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', SELF, '--dir', dir, '--n', String(n)],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`seeding ${dir} ended with ${signal ?? code}`)),
    );
  });
}

if (process.argv[1] === SELF) {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, n: { type: 'string' } },
    strict: true,
  });
  const n = Number(values.n);
  if (!values.dir || !Number.isInteger(n) || n <= 0) {
    console.error('usage: seed-folder.ts --dir <data folder> --n <conversations>');
    process.exit(2);
  }
  const seeded = existsSync(join(values.dir, DATABASE_FILE));
  const start = performance.now();
  const store = SqliteStore.open(values.dir, {
    clock: new ManualClock(new Date(END + DAY_MS).toISOString()),
  });
  try {
    if (!seeded) await seedStore(store, n);
  } finally {
    await store.close();
  }
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  console.error(
    `[seed ${n}] ${seeded ? 'opened (brought to the schema)' : 'seeded'} in ${seconds} s`,
  );
}
