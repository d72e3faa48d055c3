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

/** A store whose commits check their versions themselves (as PostgreSQL's): nothing to flush. */
function concurrentStore(concurrentChanges: number) {
  return {
    concurrentChanges,
    visible: <T>(change: () => Promise<T>) => change(),
    durable: async () => undefined,
  };
}

/** A change that says when it starts, and ends when told to. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('ChangeQueue where changes of different conversations run at once', () => {
  it('runs those of different conversations together, up to the bound, and those of one in turn', async () => {
    const queue = new ChangeQueue(concurrentStore(2));
    const running = new Set<string>();
    const log: string[] = [];
    const gates = new Map<string, ReturnType<typeof gate>>();
    const change = (name: string, ids: string[]) => {
      const g = gate();
      gates.set(name, g);
      return queue.runOn(ids, async () => {
        running.add(name);
        log.push(`start ${name}`);
        await g.opened;
        running.delete(name);
        log.push(`end ${name}`);
        return name;
      });
    };
    const a1 = change('a1', ['a']);
    const b1 = change('b1', ['b']);
    const a2 = change('a2', ['a']);
    const c1 = change('c1', ['c']);
    await tick();
    // a and b at once; the second change of a waits for the first; c waits for a place.
    expect([...running].sort()).toEqual(['a1', 'b1']);
    gates.get('a1')!.open();
    expect(await a1).toBe('a1');
    await tick();
    // a1's place goes to c1, waiting for one; a2 is then next in line.
    expect([...running].sort()).toEqual(['b1', 'c1']);
    gates.get('b1')!.open();
    await b1;
    await tick();
    expect([...running].sort()).toEqual(['a2', 'c1']);
    gates.get('a2')!.open();
    gates.get('c1')!.open();
    expect(await Promise.all([a2, c1])).toEqual(['a2', 'c1']);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
  });

  it('runs a change that runs alone after those queued before it, and those queued after it after it', async () => {
    const queue = new ChangeQueue(concurrentStore(4));
    const log: string[] = [];
    const before = gate();
    const alone = gate();
    const first = queue.runOn(['a'], async () => {
      log.push('start a');
      await before.opened;
      log.push('end a');
    });
    const ingest = queue.run(async () => {
      log.push('start ingest');
      await alone.opened;
      log.push('end ingest');
    });
    const after = queue.runOn(['b'], async () => {
      log.push('b');
    });
    await tick();
    expect(log).toEqual(['start a']);
    before.open();
    await first;
    await tick();
    expect(log).toEqual(['start a', 'end a', 'start ingest']);
    alone.open();
    await Promise.all([ingest, after]);
    expect(log).toEqual(['start a', 'end a', 'start ingest', 'end ingest', 'b']);
    await queue.idle();
  });

  it('answers a change that fails with its error and frees its conversation and its place', async () => {
    const queue = new ChangeQueue(concurrentStore(2));
    const failed = [
      queue.runOn(['a'], async () => {
        throw new Error('refused');
      }),
      queue.runOn(['b'], async () => {
        throw new Error('refused too');
      }),
    ];
    const next = [queue.runOn(['a'], async () => 'a'), queue.runOn(['c'], async () => 'c')];
    await expect(failed[0]).rejects.toThrow('refused');
    await expect(failed[1]).rejects.toThrow('refused too');
    expect(await Promise.all(next)).toEqual(['a', 'c']);
    await queue.idle();
  });

  it('is the one order of the embedded store, which allows one change at a time', async () => {
    const store = await openStore();
    const queue = new ChangeQueue(store);
    const order: string[] = [];
    const slow = queue.runOn(['a'], async () => {
      await tick();
      order.push('a');
      await store.commit([noteFact(1)], []);
    });
    const other = queue.runOn(['b'], async () => {
      order.push('b');
      await store.commit([noteFact(2)], []);
    });
    await Promise.all([slow, other]);
    expect(order).toEqual(['a', 'b']);
  });
});
