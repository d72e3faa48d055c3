import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared';
import { tempDir } from '../test/fixtures';
import { useCleanups } from '../test/inbox-harness';
import { ManualClock } from '../time/clock';
import { SqliteStore } from '../store/sql/sqlite-store';
import {
  IdempotencyGuard,
  KEY_TTL_MS,
  RECENT_MS,
  SHORT_TTL_MS,
  fingerprintOf,
} from './idempotency-guard';
import { IDEMPOTENCY_FILE } from './idempotency-journal';

const cleanup = useCleanups();

async function setUp() {
  const { dir, cleanup: removeDir } = await tempDir();
  cleanup(removeDir);
  const clock = new ManualClock('2025-03-01T09:00:00Z');
  /** The store as a process has it: opened once, and again after a "restart". */
  let store: SqliteStore | null = null;
  const restart = async () => {
    await store?.close();
    store = SqliteStore.open(dir, { clock });
    const opened = store;
    cleanup(() => opened.close());
    return opened;
  };
  const open = async () => {
    const guard = await IdempotencyGuard.open(await restart(), clock, dir);
    cleanup(() => guard.close());
    return guard;
  };
  /** What the store keeps of the keys, as text. */
  const lines = async () => {
    const reader = SqliteStore.open(dir, { clock, readOnly: true });
    try {
      return (await reader.keys.live(0)).map((r) => JSON.stringify(r));
    } finally {
      await reader.close();
    }
  };
  return { dir, clock, open, lines };
}

/** A call that counts how often it really ran. */
function counter(answer: Envelope<unknown> = { ok: true, result: { done: true } }) {
  const runs = { count: 0 };
  const execute = async () => {
    runs.count += 1;
    return answer;
  };
  return { runs, execute };
}

const note = (text: string) => ({ conversationId: 'x:1', text });

describe('IdempotencyGuard', () => {
  it('runs a keyed call once and answers every retry with the first answer', async () => {
    const { open } = await setUp();
    const guard = await open();
    const { runs, execute } = counter({ ok: true, result: { id: 'note:1' } });
    const call = { agentId: 'jan', key: 'k-0000001', method: 'addNote' as const, input: note('a') };
    const first = await guard.run(call, execute);
    expect(await guard.run(call, execute)).toEqual(first);
    expect(
      await guard.run({ ...call, input: { text: 'a', conversationId: 'x:1' } }, execute),
    ).toEqual(first);
    expect(runs.count).toBe(1);
    // Another agent's key is theirs.
    await guard.run({ ...call, agentId: 'lucia' }, execute);
    expect(runs.count).toBe(2);
  });

  it("adds no flush of the disk for the answer's record: the next commit's covers it", async () => {
    const { dir, clock } = await setUp();
    const store = SqliteStore.open(dir, { clock });
    cleanup(() => store.close());
    const guard = await IdempotencyGuard.open(store, clock);
    const commit = () =>
      store.commit([], [{ kind: 'cursors.set', accountId: 'x:brand', cursors: { m: '1' } }]);
    const call = (key: string) => ({
      agentId: 'jan',
      key,
      method: 'updateConversation' as const,
      input: { id: 'x:1', status: 'done' },
    });
    const execute = async () => {
      await commit();
      return { ok: true as const, result: { updated: true } };
    };
    await guard.run(call('k-0000001'), execute);
    await guard.run(call('k-0000002'), execute);
    // One flush per call, made by its commit: the first answer's record rode on the second flush.
    expect(store.flushes).toBe(2);
    await guard.close();
    expect(store.flushes).toBe(3);
    expect((await store.keys.live(0)).map((r) => [r.key, r.state])).toEqual([
      ['k-0000001', 'answered'],
      ['k-0000002', 'answered'],
    ]);
  });

  it('refuses the key for another input or another call', async () => {
    const { open } = await setUp();
    const guard = await open();
    const { runs, execute } = counter();
    const call = { agentId: 'jan', key: 'k-0000002', method: 'addNote' as const, input: note('a') };
    await guard.run(call, execute);
    for (const other of [
      { ...call, input: note('b') },
      { ...call, method: 'deleteView' as const, input: { id: 'v' } },
    ]) {
      expect(await guard.run(other, execute)).toMatchObject({
        ok: false,
        error: { code: 'idempotency_mismatch' },
      });
    }
    expect(runs.count).toBe(1);
    expect(fingerprintOf('addNote', { a: 1, b: 2 })).toBe(fingerprintOf('addNote', { b: 2, a: 1 }));
  });

  it('makes a retry wait for the first call still running, and gives both its answer', async () => {
    const { open } = await setUp();
    const guard = await open();
    let finish!: (answer: Envelope<unknown>) => void;
    let runs = 0;
    const slow = () => {
      runs += 1;
      return new Promise<Envelope<unknown>>((resolve) => (finish = resolve));
    };
    const call = { agentId: 'jan', key: 'k-0000003', method: 'addNote' as const, input: note('a') };
    const first = guard.run(call, slow);
    const second = guard.run(call, slow);
    await new Promise((resolve) => setTimeout(resolve, 20));
    finish({ ok: true, result: { id: 'note:9' } });
    expect(await Promise.all([first, second])).toEqual([
      { ok: true, result: { id: 'note:9' } },
      { ok: true, result: { id: 'note:9' } },
    ]);
    expect(runs).toBe(1);
  });

  it('remembers answers across a restart, and forgets them after a day', async () => {
    const { clock, open, lines } = await setUp();
    const guard = await open();
    const { runs, execute } = counter({ ok: false, error: { code: 'conflict', message: 'stale' } });
    const call = {
      agentId: 'jan',
      key: 'k-0000004',
      method: 'updateConversation' as const,
      input: {},
    };
    const first = await guard.run(call, execute);
    await guard.close();

    clock.advance(KEY_TTL_MS - 1000);
    const reopened = await open();
    expect(await reopened.run(call, execute)).toEqual(first);
    expect(runs.count).toBe(1);
    await reopened.close();

    clock.advance(2000);
    const dayLater = await open();
    expect(dayLater.size).toBe(0);
    expect(await lines()).toEqual([]);
    await dayLater.run(call, execute);
    expect(runs.count).toBe(2);
  });

  it("holds the last minute's keys in memory, and answers an older retry from the store", async () => {
    const { clock, open } = await setUp();
    const guard = await open();
    const { runs, execute } = counter({ ok: true, result: { id: 'note:1' } });
    const call = (n: number) => ({
      agentId: 'jan',
      key: `k-1${String(n).padStart(6, '0')}`,
      method: 'addNote' as const,
      input: note(`text ${n}`),
    });
    const answers = [];
    for (let n = 0; n < 100; n++) answers.push(await guard.run(call(n), execute));
    expect(guard.size).toBe(100);
    clock.advance(RECENT_MS + 1000);
    await guard.run(call(100), execute);
    // A busy day's keys are not all held: only the one made in the last minute is.
    expect(guard.size).toBe(1);
    expect(runs.count).toBe(101);
    expect(await guard.run(call(7), execute)).toEqual(answers[7]);
    expect(await guard.run({ ...call(7), input: note('other') }, execute)).toMatchObject({
      ok: false,
      error: { code: 'idempotency_mismatch' },
    });
    expect(runs.count).toBe(101);
  });

  it('answers a call interrupted by a stop as in doubt, never running it again', async () => {
    const { open, lines } = await setUp();
    const guard = await open();
    const call = { agentId: 'jan', key: 'k-0000005', method: 'sendReply' as const, input: {} };
    // The process stops while the call runs: its start is kept, its answer never is.
    void guard.run(call, () => new Promise<Envelope<unknown>>(() => undefined));
    await expect.poll(async () => (await lines()).length).toBe(1);
    const { runs, execute } = counter();
    const afterCrash = await open();
    expect(await afterCrash.run(call, execute)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /interrupted before it answered/ },
    });
    expect(runs.count).toBe(0);
    await afterCrash.close();
  });

  it('never writes a personal token, and keeps presence and drill-downs in memory only', async () => {
    const { clock, open, lines } = await setUp();
    const guard = await open();
    const token = 'sia_secret-token-of-eve';
    const created = { ok: true as const, result: { agent: { id: 'agent:eve' }, token } };
    const { runs, execute } = counter(created);
    const call = {
      agentId: 'camille',
      key: 'k-0000006',
      method: 'createAgent' as const,
      input: { name: 'Eve' },
    };
    expect(await guard.run(call, execute)).toEqual(created);
    expect(await guard.run(call, execute)).toEqual(created);
    const presence = {
      agentId: 'jan',
      key: 'k-0000007',
      method: 'reportPresence' as const,
      input: {},
    };
    await guard.run(presence, counter().execute);
    expect((await lines()).join('\n')).not.toContain(token);
    expect((await lines()).join('\n')).not.toContain('k-0000007');

    clock.advance(SHORT_TTL_MS + 60_000);
    expect(await guard.run(call, execute)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /personal token, shown only once/ },
    });
    await guard.close();
    const reopened = await open();
    expect(await reopened.run(call, execute)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(runs.count).toBe(1);
  });

  it('moves the journal file of an earlier version into the store, skipping what it cannot read', async () => {
    const { dir, clock, open, lines } = await setUp();
    const line = (at: number, key: string, kind: 'started' | 'answered') =>
      JSON.stringify({
        kind,
        at,
        agent: 'jan',
        key,
        method: 'addNote',
        fingerprint: fingerprintOf('addNote', {}),
        ...(kind === 'answered' ? { answer: { ok: true, result: { id: key } } } : {}),
      });
    const now = clock.now();
    await writeFile(
      join(dir, IDEMPOTENCY_FILE),
      [
        line(now - KEY_TTL_MS - 1000, 'k-too-old-1', 'answered'),
        'not json',
        line(now - 5000, 'k-answered-1', 'started'),
        line(now - 5000, 'k-answered-1', 'answered'),
        line(now - 4000, 'k-in-doubt-1', 'started'),
      ].join('\n') + '\n',
    );
    const guard = await open();
    await expect(readFile(join(dir, IDEMPOTENCY_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await lines()).map((l) => (JSON.parse(l) as { key: string }).key)).toEqual([
      'k-answered-1',
      'k-in-doubt-1',
    ]);
    const { runs, execute } = counter();
    const call = (key: string) => ({ agentId: 'jan', key, method: 'addNote' as const, input: {} });
    expect(await guard.run(call('k-answered-1'), execute)).toEqual({
      ok: true,
      result: { id: 'k-answered-1' },
    });
    expect(await guard.run(call('k-in-doubt-1'), execute)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /interrupted before it answered/ },
    });
    await guard.run(call('k-too-old-1'), execute);
    expect(runs.count).toBe(1);
  });

  it('forgets keys older than a day in the store too', async () => {
    const { clock, open, lines } = await setUp();
    const guard = await open();
    const { execute } = counter();
    for (let i = 0; i < 5; i++)
      await guard.run(
        { agentId: 'jan', key: `k-old-${1000 + i}`, method: 'addNote', input: {} },
        execute,
      );
    // With no commit to carry them, the records are written on their own a moment later.
    await vi.waitFor(async () => expect(await lines()).toHaveLength(5));
    clock.advance(KEY_TTL_MS + 60_000);
    await guard.run({ agentId: 'jan', key: 'k-new-00001', method: 'addNote', input: {} }, execute);
    await guard.close();
    const kept = await lines();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toContain('k-new-00001');
    expect(kept[0]).toContain('"answered"');
  });
});
