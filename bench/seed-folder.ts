import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SqliteStore } from '../src/core/store/sql/sqlite-store';
import { ManualClock } from '../src/core/time/clock';
import { END, seedStore } from './sql-store-seed';

const DAY_MS = 86_400_000;
const SELF = fileURLToPath(import.meta.url);

/**
 * Seeds a data folder with N conversations in a process of its own, so that what seeding leaves in
 * memory never counts in the RSS the benches measure afterwards. The entries are stamped a day
 * after the last conversation arrived, where the benches' clocks stand.
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
  const store = SqliteStore.open(values.dir, {
    clock: new ManualClock(new Date(END + DAY_MS).toISOString()),
  });
  try {
    await seedStore(store, n);
  } finally {
    await store.close();
  }
}
