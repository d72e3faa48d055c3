import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../test/fixtures';
import { SqliteStore } from '../store/sql/sqlite-store';
import { ManualClock, dateOf } from '../time/clock';
import { clusterConversations } from './clusters';
import type { ClusterMember } from './clusters';
import type { ReportStore } from './report-cases';
import { ReportThread } from './report-thread';
import { Reports } from './reports';
import { NOW, RANGE, agents, lateArrival, queue } from './test/report-queue';

const clock = new ManualClock(NOW);

let store: SqliteStore;
let cleanup: () => Promise<void>;
let thread: ReportThread;

beforeAll(async () => {
  ({ cleanup } = await tempDir('report-thread-').then((t) => {
    store = SqliteStore.open(t.dir, { clock });
    return t;
  }));
  const data = queue();
  await store.commit(
    [],
    [
      { kind: 'posts.add', posts: data.posts },
      { kind: 'conversations.put', conversations: data.conversations },
    ],
  );
  thread = new ReportThread({ file: store.file });
});
afterAll(async () => {
  await thread.close();
  await store.close();
  await cleanup();
});

const sources = {
  agents: () => agents,
  now: () => dateOf(clock),
  cluster: async (members: ClusterMember[]) => clusterConversations(members),
};
const here = () => new Reports({ ...sources, store, cluster: async (m) => sources.cluster(m) });

/** A store no read may reach: whatever answers came from the thread. */
const unreachable = new Proxy({} as ReportStore, {
  get() {
    throw new Error('read on the event loop');
  },
});
const onThread = () => new Reports({ ...sources, store: unreachable, thread });

describe('reports on a thread of their own', () => {
  it('gives the report, its drill-downs and the crisis view the event loop gives', async () => {
    expect(thread.inProcessWhy).toBeNull();
    const report = await here().report(RANGE);
    expect(report.team.conversations).toBe(120);
    expect(await onThread().report(RANGE)).toEqual(report);
    expect(report.responders.map((r) => r.responder).sort()).toEqual(['jan', 'rita']);

    for (const drill of [
      { set: 'answered', responder: 'jan' },
      { set: 'unanswered', language: 'en' },
    ] as const) {
      const input = { ...RANGE, drill };
      const made = await onThread().drill(input);
      expect(made).toEqual(await here().drill(input));
      expect(made.total).toBeGreaterThan(0);
    }

    const crisis = await onThread().crisis({ window: '72h' });
    expect(crisis).toEqual(await here().crisis({ window: '72h' }));
    expect(crisis.clusters.some((c) => c.size === 6)).toBe(true);
  });

  it('sees what was committed just before it was asked', async () => {
    const before = (await onThread().report(RANGE)).team.conversations;
    await store.commit([], lateArrival());
    expect((await onThread().report(RANGE)).team.conversations).toBe(before + 1);
  });

  it('refuses bad input here, before the thread is asked', async () => {
    await expect(
      onThread().report({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' }),
    ).rejects.toThrow('the range must end after it starts');
  });

  it('leaves the reports to the event loop, and says why, when its entry is missing', async () => {
    const missing = new ReportThread(
      { file: store.file },
      new URL('./no-such-worker.mjs', import.meta.url),
    );
    expect(missing.inProcessWhy).toContain('no-such-worker.mjs');
    expect(await missing.run({ call: 'report', input: RANGE, agents, now: RANGE.to })).toBeNull();
    const reports = new Reports({ ...sources, store, thread: missing });
    expect(await reports.report(RANGE)).toEqual(await here().report(RANGE));
    await missing.close();
  });

  it('leaves the reports to the event loop, and says why, when its thread cannot be given its data', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const refused = new ReportThread({ file: store.file, clock: () => 0 } as never);
    try {
      expect(await refused.run({ call: 'report', input: RANGE, agents, now: RANGE.to })).toBeNull();
      expect(refused.inProcessWhy).toContain('could not be cloned');
    } finally {
      await refused.close();
    }
  });

  it('leaves the reports to the event loop, and says why, when its thread does not start', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { dir, cleanup: remove } = await tempDir('report-thread-broken-');
    const entry = join(dir, 'broken-worker.mjs');
    await writeFile(entry, "throw new Error('no loader here');\n");
    const broken = new ReportThread({ file: store.file }, pathToFileURL(entry));
    try {
      expect(await broken.run({ call: 'report', input: RANGE, agents, now: RANGE.to })).toBeNull();
      expect(broken.inProcessWhy).toContain('no loader here');
    } finally {
      await broken.close();
      await remove();
    }
  });
});
