import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/clock';
import { repliesOfBefore } from '../test/outbox-rows';
import { NO_TEST_SERVER, createTestDatabase, testServerUrl } from '../test/pg-test-database';
import { openPool } from './pg-client';
import { PG_MIGRATIONS, migratePg } from './pg-migrations';
import { PostgresStore } from './postgres-store';

const server = testServerUrl();
const clock = new ManualClock(Date.UTC(2026, 10, 20, 12));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe.skipIf(server == null)(
  `PostgreSQL from schema 4${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('marks the replies it holds that were sent translated', async () => {
      const db = await createTestDatabase(server!);
      cleanups.push(db.drop);
      const pool = openPool({ url: db.url, caFile: null });
      const replies = repliesOfBefore();
      try {
        await migratePg(
          pool,
          PG_MIGRATIONS.filter((m) => m.version <= 4),
        );
        for (const r of replies)
          await pool.query(
            `INSERT INTO outbox (key, state, conversation_id, created_at, body)
             VALUES ($1, $2, $3, $4, $5)`,
            [r.key, r.state, r.conversationId, r.createdAt, JSON.stringify(r)],
          );
      } finally {
        await pool.end();
      }
      const store = await PostgresStore.open({ url: db.url, clock });
      cleanups.unshift(() => store.close());
      expect(
        await store.outbox.translated('2026-11-20T00:00:00.000Z', '2026-11-21T00:00:00.000Z'),
      ).toEqual([replies[0]]);
    });
  },
);
