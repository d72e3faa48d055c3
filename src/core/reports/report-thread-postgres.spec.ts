import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../store/pg/postgres-store';
import { NO_TEST_SERVER, createTestDatabase, testServerUrl } from '../store/test/pg-test-database';
import { ManualClock, dateOf, systemClock } from '../time/clock';
import { clusterConversations } from './clusters';
import type { ClusterMember } from './clusters';
import type { ReportStore } from './report-cases';
import { ReportThread } from './report-thread';
import { Reports } from './reports';
import { NOW, RANGE, agents, lateArrival, queue } from './test/report-queue';

const server = testServerUrl();
const clock = new ManualClock(NOW);
const cleanups: (() => Promise<void>)[] = [];
let store: PostgresStore;
let thread: ReportThread;

const sources = {
  agents: () => agents,
  now: () => dateOf(clock),
  cluster: async (members: ClusterMember[]) => clusterConversations(members),
};
/** A store no read may reach: whatever answers came from the thread. */
const unreachable = new Proxy({} as ReportStore, {
  get() {
    throw new Error('read on the event loop');
  },
});

describe.skipIf(server == null)(
  `Reports on a thread reading PostgreSQL${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    beforeAll(async () => {
      const db = await createTestDatabase(server!);
      cleanups.push(db.drop);
      // Opened as the hub opens it: its thread is given where the database is, nothing more.
      store = await PostgresStore.open({ url: db.url, clock: systemClock });
      cleanups.unshift(() => store.close());
      const data = queue();
      await store.commit(
        [],
        [
          { kind: 'posts.add', posts: data.posts },
          { kind: 'conversations.put', conversations: data.conversations },
        ],
      );
      thread = new ReportThread({ database: store.connection });
      cleanups.unshift(() => thread.close());
    });
    afterAll(async () => {
      for (const c of cleanups.splice(0)) await c();
    });

    const here = () => new Reports({ ...sources, store });
    const onThread = () => new Reports({ ...sources, store: unreachable, thread });

    it('gives the report, its drill-downs and the crisis view the event loop gives', async () => {
      await thread.ready;
      expect(thread.inProcessWhy).toBeNull();
      const report = await here().report(RANGE);
      expect(report.team.conversations).toBe(120);
      expect(await onThread().report(RANGE)).toEqual(report);
      const input = { ...RANGE, drill: { set: 'answered', responder: 'jan' } } as const;
      const drill = await onThread().drill(input);
      expect(drill.total).toBeGreaterThan(0);
      expect(drill).toEqual(await here().drill(input));
      const crisis = await onThread().crisis({ window: '72h' });
      expect(crisis).toEqual(await here().crisis({ window: '72h' }));
      expect(crisis.clusters.some((c) => c.size === 6)).toBe(true);
    });

    it('sees what was committed just before it was asked', async () => {
      const before = (await onThread().report(RANGE)).team.conversations;
      await store.commit([], lateArrival());
      expect((await onThread().report(RANGE)).team.conversations).toBe(before + 1);
    });
  },
);
