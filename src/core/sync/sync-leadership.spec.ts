import { afterEach, describe, expect, it } from 'vitest';
import type { PostgresStore } from '../store/pg/postgres-store';
import { NO_TEST_SERVER, testServerUrl } from '../store/test/pg-test-database';
import { ManualClock } from '../time/clock';
import { SyncLeadership } from './sync-leadership';
import { openReplicas } from '../store/test/pg-replicas';

const server = testServerUrl();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Two replicas' stores on one fresh database. */
const replicas = (clock: ManualClock) => openReplicas(server!, clock, cleanups);

const accounts = () => ['x:brand', 'fb:page'];

describe.skipIf(server == null)(
  `Sync leadership on PostgreSQL${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('lets one replica sync each account, and another take over once its lease ran out', async () => {
      const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));
      const [storeA, storeB] = await replicas(clock);
      const lead = (store: PostgresStore, holder: string) =>
        new SyncLeadership({ leases: store.leases, holder, clock, accounts, ttlMs: 20_000 });
      const a = lead(storeA, 'hub-a');
      const b = lead(storeB, 'hub-b');
      const led = (l: SyncLeadership) => accounts().filter((id) => l.leads(id));

      await a.renew();
      await b.renew();
      expect(led(a)).toEqual(['x:brand', 'fb:page']);
      expect(led(b)).toEqual([]);

      // A renews: B still waits.
      clock.advance(10_000);
      await a.renew();
      await b.renew();
      expect(led(a)).toEqual(['x:brand', 'fb:page']);
      expect(led(b)).toEqual([]);

      // A stops renewing (it died). Before its lease ends nobody syncs twice: A itself stops a
      // renewal before the end, and B cannot take it yet.
      clock.advance(15_000);
      await b.renew();
      expect(led(a)).toEqual([]);
      expect(led(b)).toEqual([]);

      // Its lease ran out: B takes both accounts over, and A, back, gets none.
      clock.advance(6_000);
      await b.renew();
      await a.renew();
      expect(led(b)).toEqual(['x:brand', 'fb:page']);
      expect(led(a)).toEqual([]);

      // B stops as a replica shutting down does: it gives its leases up, A takes them at once.
      await b.stop();
      expect(led(b)).toEqual([]);
      await a.renew();
      expect(led(a)).toEqual(['x:brand', 'fb:page']);
    });

    it('gives a lease to one of two replicas asking at the same instant', async () => {
      const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));
      const [storeA, storeB] = await replicas(clock);
      for (let round = 0; round < 20; round++) {
        const name = `sync:race-${round}`;
        const won = await Promise.all([
          storeA.leases.hold(name, 'hub-a', clock.now(), 20_000),
          storeB.leases.hold(name, 'hub-b', clock.now(), 20_000),
        ]);
        expect(won.filter(Boolean)).toHaveLength(1);
      }
    });
  },
);
