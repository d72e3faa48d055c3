import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/clock';
import { NO_TEST_SERVER, testServerUrl } from '../test/pg-test-database';
import { openReplicas } from '../test/pg-replicas';

const server = testServerUrl();
const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Two replicas' stores on one fresh database. */
const replicas = () => openReplicas(server!, clock, cleanups);

describe.skipIf(server == null)(
  `Outbox claims on PostgreSQL${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('let one replica hold a reply at a time, and free it when its holder releases it or dies', async () => {
      const [a, b] = await replicas();
      const held = await a.outboxClaims.claim('reply-1');
      expect(held).not.toBeNull();
      // B skips it without waiting, and may claim another reply meanwhile.
      expect(await b.outboxClaims.claim('reply-1')).toBeNull();
      const other = await b.outboxClaims.claim('reply-2');
      expect(other).not.toBeNull();
      await other!.release();
      await held!.release();
      const taken = await b.outboxClaims.claim('reply-1');
      expect(taken).not.toBeNull();
      expect(await a.outboxClaims.claim('reply-1')).toBeNull();

      // B's connections end as a killed process's do: its claim ends with them.
      await a.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()
           AND state = 'idle in transaction'`,
      );
      const freed = await a.outboxClaims.claim('reply-1');
      expect(freed).not.toBeNull();
      // B gives back what is left of its connection; A's claim goes as any other.
      await taken!.release();
      await freed!.release();
    });

    it('gives a reply to one of two replicas claiming it at the same instant', async () => {
      const [a, b] = await replicas();
      for (let round = 0; round < 20; round++) {
        const claims = await Promise.all([
          a.outboxClaims.claim(`race-${round}`),
          b.outboxClaims.claim(`race-${round}`),
        ]);
        expect(claims.filter((c) => c != null)).toHaveLength(1);
        for (const claim of claims) await claim?.release();
      }
    });
  },
);
