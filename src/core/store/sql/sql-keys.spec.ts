import { describe, expect, it, vi } from 'vitest';
import type { Note } from '../../../shared';
import { tempDir } from '../../test/fixtures';
import { useCleanups } from '../../test/inbox-harness';
import { ManualClock } from '../../time/clock';
import type { KeyRecord } from '../port';
import { SqliteStore } from './sqlite-store';

const cleanup = useCleanups();
const clock = new ManualClock('2026-03-01T09:00:00Z');

async function opened() {
  const { dir, cleanup: remove } = await tempDir('sql-keys-');
  cleanup(remove);
  const store = SqliteStore.open(dir, { clock });
  cleanup(() => store.close());
  /** The keys as another connection reads them from the file. */
  const inFile = async () => {
    const reader = SqliteStore.open(dir, { clock, readOnly: true });
    try {
      return (await reader.keys.live(0)).map((r) => `${r.key}:${r.state}`);
    } finally {
      await reader.close();
    }
  };
  return { store, inFile };
}

const record = (key: string, state: KeyRecord['state'] = 'in-doubt'): KeyRecord => ({
  at: clock.now(),
  agent: 'jan',
  key,
  method: 'addNote',
  fingerprint: 'f',
  state,
  answer: state === 'answered' ? '{"ok":true}' : null,
});
const note: Note = {
  id: 'note:1',
  conversationId: 'x:1',
  author: 'jan',
  text: 'hello',
  mentions: [],
  createdAt: '2026-03-01T09:00:00.000Z',
};

describe("the keys' records", () => {
  it('ride on the next commit, the newest record of each key', async () => {
    const { store, inFile } = await opened();
    // All at once, on this connection: no write-behind can come between.
    const stored = () =>
      (
        store.db.prepare('SELECT key, state FROM idempotency_keys ORDER BY key').all() as {
          key: string;
          state: string;
        }[]
      ).map((r) => `${r.key}:${r.state}`);
    store.keys.write(record('k-1'));
    store.keys.write(record('k-2'));
    store.keys.write(record('k-1', 'answered'));
    expect(stored()).toEqual([]);
    expect(store.keys.waiting).toBe(true);
    store.commitNow([], [{ kind: 'notes.add', note }]);
    expect(store.keys.waiting).toBe(false);
    expect(stored()).toEqual(['k-1:answered', 'k-2:in-doubt']);
    await store.durable();
    expect(await inFile()).toEqual(['k-1:answered', 'k-2:in-doubt']);
  });

  it('wait again when the commit carrying them rolls back, and are written by the next', async () => {
    const { store, inFile } = await opened();
    await store.commit([], [{ kind: 'notes.add', note }]);
    store.keys.write(record('k-3'));
    // The same note again: the transaction fails, and the record with it, which waits again.
    expect(() => store.commitNow([], [{ kind: 'notes.add', note }])).toThrow();
    expect(store.keys.waiting).toBe(true);
    await store.durable();
    expect(store.keys.waiting).toBe(false);
    expect(await inFile()).toEqual(['k-3:in-doubt']);
  });

  it('are written on their own a moment later when no commit comes', async () => {
    const { store, inFile } = await opened();
    store.keys.write(record('k-5', 'answered'));
    await vi.waitFor(() => expect(store.keys.waiting).toBe(false));
    expect(await inFile()).toEqual(['k-5:answered']);
  });

  it('are written when the store closes', async () => {
    const { store, inFile } = await opened();
    store.keys.write(record('k-4', 'answered'));
    await store.close();
    expect(await inFile()).toEqual(['k-4:answered']);
  });
});
