import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test/fixtures';
import { useCleanups } from '../../test/inbox-harness';
import { ManualClock } from '../../time/clock';
import { SqliteStore } from './sqlite-store';
import { openDatabase } from './sqlite';
import { WalSync } from './wal-sync';

const cleanup = useCleanups();

async function folder(): Promise<string> {
  const { dir, cleanup: remove } = await tempDir('wal-sync-');
  cleanup(remove);
  return dir;
}

describe('WalSync', () => {
  it('lets commits waiting at the same time share a flush', async () => {
    const file = join(await folder(), 'inbox.db');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (n INTEGER)');
    const sync = WalSync.open(file);
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const waits: Promise<void>[] = [];
    for (let n = 0; n < 100; n++) {
      insert.run(n);
      waits.push(sync.durable());
    }
    await Promise.all(waits);
    // The first commit's flush, then one for the 99 that came while it ran.
    expect(sync.flushes).toBe(2);
    await sync.durable();
    expect(sync.flushes).toBe(3);
    await sync.close();
    db.close();
  });

  it('makes a write durable soon, in the next flush a commit makes, or in one of its own', async () => {
    const file = join(await folder(), 'inbox.db');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (n INTEGER)');
    const sync = WalSync.open(file);
    const insert = db.prepare('INSERT INTO t VALUES (?)');

    // Alone, it gets a flush of its own, a moment later.
    insert.run(1);
    sync.durableSoon(10);
    expect(sync.flushes).toBe(0);
    await vi.waitFor(() => expect(sync.flushes).toBe(1));

    // A commit's flush that starts after it covers it: no flush is added.
    insert.run(2);
    sync.durableSoon(20);
    insert.run(3);
    await sync.durable();
    expect(sync.flushes).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(sync.flushes).toBe(2);

    // A flush that started before the write does not cover it.
    insert.run(4);
    const running = sync.durable();
    insert.run(5);
    sync.durableSoon(10);
    await running;
    expect(sync.flushes).toBe(3);
    await vi.waitFor(() => expect(sync.flushes).toBe(4));

    // Closing flushes what is still to be made durable.
    insert.run(6);
    sync.durableSoon(60_000);
    await sync.close();
    expect(sync.flushes).toBe(5);
    db.close();
  });

  it('flushes nothing once closed: the handle may belong to another file by then', async () => {
    const dir = await folder();
    const store = SqliteStore.open(dir, { clock: new ManualClock('2026-03-01T09:00:00Z') });
    await store.close();
    const flushes = store.flushes;
    // Owners that close twice (a guard, then its store) find a store already on the disk.
    await expect(store.durable()).resolves.toBeUndefined();
    store.durableSoon();
    await store.close();
    expect(store.flushes).toBe(flushes);

    const file = join(dir, 'other.db');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (n INTEGER)');
    const sync = WalSync.open(file);
    await sync.close();
    await expect(sync.durable()).rejects.toThrow('The WAL is closed');
    sync.durableSoon(1);
    await sync.close();
    expect(sync.flushes).toBe(0);
    db.close();
  });

  it('is how the store commits: each commit resolved once flushed, in order, all in the file', async () => {
    const dir = await folder();
    const store = SqliteStore.open(dir, { clock: new ManualClock('2026-03-01T09:00:00Z') });
    cleanup(() => store.close());
    const synchronous = store.db.prepare('PRAGMA synchronous').get() as { synchronous: number };
    expect(synchronous.synchronous).toBe(1); // NORMAL: the flush is WalSync's
    const entries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.commit(
          [
            {
              action: 'note.added',
              actor: 'agent-1',
              client: 'browser',
              conversationId: `x:${i}`,
              details: {},
            },
          ],
          [],
        ),
      ),
    );
    expect(entries.flat().map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Read from another connection: every commit is in the file.
    const reader = openDatabase(join(dir, 'inbox.db'), { readOnly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM audit').get()).toEqual({ n: 20 });
    reader.close();
  });
});
