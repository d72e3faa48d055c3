import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ListConversationsInputSchema } from '../../../shared';
import { conversation, tempDir } from '../../test/fixtures';
import { clockStartingAt } from '../../time/clock';
import { SqliteStore } from './sqlite-store';
import { WalCheckpoints } from './wal-checkpoints';
import { openDatabase } from './sqlite';

const clock = clockStartingAt(Date.UTC(2026, 10, 20));
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('wal-checkpoints-'));
});
afterEach(async () => {
  await cleanup();
});

const autoCheckpoint = (store: SqliteStore) =>
  Number(Object.values(store.db.prepare('PRAGMA wal_autocheckpoint').get() ?? {})[0]);

/** Commits enough changes to fill the WAL past SQLite's own checkpoint threshold (1000 pages). */
async function fill(store: SqliteStore, rounds: number): Promise<void> {
  for (let r = 0; r < rounds; r++) {
    const batch = Array.from({ length: 200 }, (_, i) =>
      conversation({ id: `x:${r}-${i}`, excerpt: `round ${r} conversation ${i} `.repeat(20) }),
    );
    await store.commit([], [{ kind: 'conversations.put', conversations: batch }]);
  }
}

describe('checkpoints off the event loop', () => {
  it('lets the list thread fold the WAL into the file, never the commits', async () => {
    const store = SqliteStore.open(dir, { clock });
    try {
      expect(autoCheckpoint(store)).toBe(1000);
      const reader = store.listOnThread(undefined, 20);
      await reader.ready;
      expect(reader.onThread).toBe(true);
      // The writer's connection no longer checkpoints inside its commits.
      expect(autoCheckpoint(store)).toBe(0);
      await fill(store, 10);
      // Polled for up to 10 s: on a loaded machine the thread's 20 ms ticks come late.
      await expect
        .poll(() => store.threadCheckpoints?.last?.log ?? 0, { timeout: 10_000 })
        .toBeGreaterThan(1000);
      // The thread's checkpoints copy every frame no reader needs: here, all of them.
      await expect
        .poll(
          () => {
            const last = store.threadCheckpoints?.last;
            return last != null && last.busy === 0 && last.checkpointed === last.log;
          },
          { timeout: 10_000 },
        )
        .toBe(true);
      expect(store.threadCheckpoints!.made).toBeGreaterThan(0);
      // Every conversation reads back, through the thread and through the file.
      const page = await store.conversations.list(ListConversationsInputSchema.parse({ limit: 1 }));
      expect(page.total).toBe(2000);
    } finally {
      await store.close();
    }
    // Closed, the WAL is folded and emptied; the file opens again with all of it.
    expect(statSync(`${store.file}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    const again = SqliteStore.open(dir, { clock });
    try {
      expect(autoCheckpoint(again)).toBe(1000);
      expect(
        Number(Object.values(again.db.prepare('SELECT count(*) FROM conversations').get()!)[0]),
      ).toBe(2000);
    } finally {
      await again.close();
    }
  });

  it('gives checkpoints back to the writer when the thread fails one', async () => {
    const store = SqliteStore.open(dir, { clock });
    const db = store.db;
    let calls = 0;
    const checkpoints = new WalCheckpoints(
      db,
      async () => {
        calls += 1;
        throw new Error('the thread is gone');
      },
      10,
    );
    try {
      expect(autoCheckpoint(store)).toBe(0);
      checkpoints.touch();
      await expect.poll(() => calls).toBe(1);
      await expect.poll(() => autoCheckpoint(store)).toBe(1000);
      expect(checkpoints.made).toBe(0);
    } finally {
      await checkpoints.stop();
      await store.close();
    }
  });

  it('checkpoints from a connection that only reads', async () => {
    const store = SqliteStore.open(dir, { clock });
    try {
      store.db.exec('PRAGMA wal_autocheckpoint = 0');
      await fill(store, 2);
      const reader = openDatabase(store.file);
      reader.exec('PRAGMA query_only = ON');
      const result = reader.prepare('PRAGMA wal_checkpoint(PASSIVE)').get() as {
        busy: number;
        log: number;
        checkpointed: number;
      };
      reader.close();
      expect(result.busy).toBe(0);
      expect(result.log).toBeGreaterThan(0);
      expect(result.checkpointed).toBe(result.log);
    } finally {
      await store.close();
    }
  });
});
