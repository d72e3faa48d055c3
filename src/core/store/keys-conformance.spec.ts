import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../time/clock';
import type { KeyRecord } from './port';
import { STORE_ENGINES, engineTitle } from './test/store-engines';
import type { EngineStore, TunableStore } from './test/store-engines';

const START = Date.UTC(2026, 10, 20, 9);

/** Answers with what a literal must escape: quotes, backslashes, braces, commas, NULL-like. */
const answers = [
  '{"ok":true,"result":{"text":"say \\"hi\\", {then} go"}}',
  'a\\b\\\\c',
  'NULL',
  '',
  'café ☕ 👋',
  null,
];

// The Idempotency-Keys' records, the same against every engine, each test in a place of its own.
// PostgreSQL writes the answers together: a few as rows of parameters, many as arrays.
describe.each(STORE_ENGINES)('Idempotency-Keys on $name', (engine) => {
  describe.skipIf(engine.skipped != null)(engineTitle(engine), () => {
    let opened: EngineStore;
    let store: TunableStore;
    beforeEach(async () => {
      opened = await engine.open(new ManualClock(START));
      store = opened.store;
    });
    afterEach(() => opened.dispose());

    it('keeps Idempotency-Keys written at once, replaced by agent and key, and forgets old ones', async () => {
      const record = (at: number, key: string, agent = 'rita'): KeyRecord => ({
        at,
        agent,
        key,
        method: 'POST /api/x',
        fingerprint: 'f',
        state: 'in-doubt',
        answer: null,
      });
      store.keys.write(record(10, 'k1'));
      store.keys.write(record(20, 'k2'));
      store.keys.write(record(20, 'k1', 'sam'));
      store.keys.write({ ...record(30, 'k1'), state: 'answered', answer: '{"ok":true}' });
      expect((await store.keys.live(0)).map((r) => [r.at, r.agent, r.key, r.state])).toEqual([
        [20, 'rita', 'k2', 'in-doubt'],
        [20, 'sam', 'k1', 'in-doubt'],
        [30, 'rita', 'k1', 'answered'],
      ]);
      store.keys.forget(20);
      await store.durable();
      store = await opened.reopen();
      expect(await store.keys.live(0)).toEqual([
        { ...record(30, 'k1'), state: 'answered', answer: '{"ok":true}' },
      ]);
    });

    it('keeps each answer as given, written one at a time, a few together or many together', async () => {
      const record = (i: number): KeyRecord => ({
        at: 1000 + i,
        agent: `agent-${i % 3}`,
        key: `key-${i}`,
        method: 'POST /api/conversations/update',
        fingerprint: `f${i}`,
        state: answers[i % answers.length] == null ? 'in-doubt' : 'answered',
        answer: answers[i % answers.length] ?? null,
      });
      // One alone, then 5 asked while it travels (a few), then 30 (many).
      const batches = [[0], [1, 2, 3, 4, 5], Array.from({ length: 30 }, (_, i) => 6 + i)];
      const kept = new Map<string, KeyRecord>();
      for (const batch of batches) {
        for (const i of batch) {
          store.keys.write(record(i));
          kept.set(record(i).key, record(i));
        }
        await store.durable();
      }
      // Answered again at once, each replacing its first record.
      for (const i of [2, 20]) {
        const again = { ...record(i), at: 5000 + i, answer: `again ${i}` };
        store.keys.write(again);
        kept.set(again.key, again);
      }
      await store.durable();
      const expected = [...kept.values()].sort((a, b) => a.at - b.at);
      expect(await store.keys.live(0)).toEqual(expected);
    });
  });
});
