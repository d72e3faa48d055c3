import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { conversation, tempDir } from '../../test/fixtures';
import { ManualClock } from '../../time/clock';
import { Checkpointer } from './checkpointer';
import { DATABASE_FILE, openDatabase } from './sqlite';
import { SqliteStore } from './sqlite-store';

const clock = new ManualClock('2026-11-20T09:00:00.000Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !test(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(test()).toBe(true);
}

const autocheckpoint = (store: SqliteStore) =>
  (store.db.prepare('PRAGMA wal_autocheckpoint').get() as { wal_autocheckpoint: number })
    .wal_autocheckpoint;

describe('Checkpointer', () => {
  it('folds the WAL into the file on its own thread, the writer never doing it', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const store = SqliteStore.open(dir, { clock });
    cleanups.push(() => store.close());
    await until(() => store.checkpointer?.place.where === 'worker');
    expect(autocheckpoint(store)).toBe(0);
    const before = (await stat(join(dir, DATABASE_FILE))).size;
    for (let batch = 0; batch < 40; batch++) {
      const conversations = Array.from({ length: 100 }, (_, i) =>
        conversation({ id: `x:${batch * 100 + i}`, excerpt: 'x'.repeat(1000) }),
      );
      await store.commit([], [{ kind: 'conversations.put', conversations }]);
    }
    await store.checkpointer!.idle();
    // Four thousand conversations of a kilobyte went from the WAL into the file.
    expect((await stat(join(dir, DATABASE_FILE))).size - before).toBeGreaterThan(4_000_000);
    expect(await store.conversations.count()).toBe(4000);
  });

  it('leaves the folding to the writer when there is no worker to do it', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(join(dir, DATABASE_FILE));
    try {
      const checkpointer = new Checkpointer(
        db,
        join(dir, DATABASE_FILE),
        new URL('./no-such-worker.mjs', import.meta.url),
      );
      expect(checkpointer.place).toMatchObject({ where: 'writer' });
      const pages = db.prepare('PRAGMA wal_autocheckpoint').get() as { wal_autocheckpoint: number };
      expect(pages.wal_autocheckpoint).toBe(1000);
      await checkpointer.close();
    } finally {
      db.close();
    }
  });
});
