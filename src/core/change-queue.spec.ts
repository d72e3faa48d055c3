import { describe, expect, it } from 'vitest';
import { ChangeQueue } from './change-queue';
import { SqliteStore } from './store/sql/sqlite-store';
import { tempDir } from './test/fixtures';
import { useCleanups } from './test/inbox-harness';
import { ManualClock } from './time/clock';

const cleanup = useCleanups();

async function openStore(): Promise<SqliteStore> {
  const { dir, cleanup: remove } = await tempDir('change-queue-');
  cleanup(remove);
  const store = SqliteStore.open(dir, { clock: new ManualClock('2026-03-01T09:00:00Z') });
  cleanup(() => store.close());
  return store;
}

const noteFact = (i: number) => ({
  action: 'note.added' as const,
  actor: 'agent-1',
  client: 'browser',
  conversationId: `x:${i}`,
  details: {},
});

describe('ChangeQueue', () => {
  it('runs changes in turn, answers each once on the disk, and lets changes queued together share a flush', async () => {
    const store = await openStore();
    const queue = new ChangeQueue(store);
    const order: number[] = [];
    const answered = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        queue
          .run(async () => {
            order.push(i);
            const [entry] = await store.commit([noteFact(i)], []);
            return entry!.seq;
          })
          .then((seq) => ({ seq, flushesWhenAnswered: store.flushes })),
      ),
    );
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(answered.map((a) => a.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // No caller is answered before a flush that covers its commit has run.
    for (const a of answered) expect(a.flushesWhenAnswered).toBeGreaterThan(0);
    // Had each change waited for its own flush before the next started, there would be 20.
    expect(store.flushes).toBeLessThan(10);
  });

  it('makes a commit outside any change, or after its change ended, wait for the disk', async () => {
    const store = await openStore();
    const queue = new ChangeQueue(store);
    let later: Promise<unknown> = Promise.resolve();
    await queue.run(async () => {
      // Work the change starts and that commits after the change has ended.
      later = new Promise((resolve) => setTimeout(resolve, 20)).then(async () => {
        const before = store.flushes;
        await store.commit([noteFact(2)], []);
        return store.flushes - before;
      });
      await store.commit([noteFact(1)], []);
    });
    expect(await later).toBeGreaterThan(0);
    const before = store.flushes;
    await store.commit([noteFact(3)], []);
    expect(store.flushes).toBeGreaterThan(before);
  });

  it('answers a change that fails with its error, and goes on with the next', async () => {
    const store = await openStore();
    const queue = new ChangeQueue(store);
    const failed = queue.run(async () => {
      throw new Error('refused');
    });
    const next = queue.run(async () => (await store.commit([noteFact(1)], []))[0]!.seq);
    await expect(failed).rejects.toThrow('refused');
    expect(await next).toBe(1);
  });
});
