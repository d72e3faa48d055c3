import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/clock';
import type { KeyRecord } from '../port';
import { NO_TEST_SERVER, createTestDatabase, testServerUrl } from '../test/pg-test-database';
import { PostgresStore } from './postgres-store';

// The answers of Idempotency-Keys are written together: a few as rows of parameters, many as
// arrays. Either way each must be kept as it was given, whatever its text holds.
const server = testServerUrl();
const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Answers with what a literal must escape: quotes, backslashes, braces, commas, NULL-like. */
const answers = [
  '{"ok":true,"result":{"text":"say \\"hi\\", {then} go"}}',
  'a\\b\\\\c',
  'NULL',
  '',
  'café ☕ 👋',
  null,
];

describe.skipIf(server == null)(
  `Idempotency-Keys on PostgreSQL${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('keeps each answer as given, written one at a time, a few together or many together', async () => {
      const db = await createTestDatabase(server!);
      cleanups.push(db.drop);
      const store = await PostgresStore.open({ url: db.url, clock });
      cleanups.unshift(() => store.close());
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
  },
);
