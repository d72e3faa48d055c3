import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conversation, post, tempDir } from '../test/fixtures';
import { SqliteStore } from '../store/sql/sqlite-store';
import { clockStartingAt } from '../time/clock';
import { ClusterRunner } from './cluster-runner';
import { ReportThread } from './report-thread';

// The desktop app's build puts the workers beside its main bundle (electron.vite.config.ts), and the
// hub's build beside the hub's (scripts/build-hub.mjs); `npm test` builds both before this runs.
const BUILDS = [
  ['the desktop build', 'out/main'],
  ['the hub’s bundle', 'out/hub'],
] as const;

for (const [build, dir] of BUILDS) {
  const BUNDLED = new URL(`../../../${dir}/cluster-worker.mjs`, import.meta.url);

  describe.skipIf(!existsSync(fileURLToPath(BUNDLED)))(`the worker in ${build}`, () => {
    it('clusters on a worker thread from the bundle', async () => {
      const runner = new ClusterRunner(BUNDLED);
      try {
        expect(runner.place).toEqual({ where: 'worker' });
        const at = '2026-11-20T10:00:00.000Z';
        const member = (id: string, text: string) => ({
          id,
          text,
          language: 'en',
          createdAt: at,
          answered: false,
        });
        const clusters = await runner.cluster([
          member('a', 'Your coffee machine broke again this morning, refund please'),
          member('b', 'your coffee machine broke again this morning refund please!!'),
          member('c', 'YOUR coffee machine broke again this morning. Refund please'),
          member('d', 'Where is my loyalty card?'),
        ]);
        expect(clusters.map((c) => c.conversationIds.toSorted())).toEqual([['a', 'b', 'c']]);
      } finally {
        await runner.close();
      }
    });
  });

  const BUNDLED_REPORTS = new URL(`../../../${dir}/report-worker.mjs`, import.meta.url);

  describe.skipIf(!existsSync(fileURLToPath(BUNDLED_REPORTS)))(
    `the report worker in ${build}`,
    () => {
      it('makes a report on a thread from the bundle', async () => {
        const { dir, cleanup } = await tempDir('bundled-reports-');
        const store = SqliteStore.open(dir, { clock: clockStartingAt(Date.UTC(2026, 10, 20)) });
        const thread = new ReportThread({ file: store.file }, BUNDLED_REPORTS);
        try {
          const opener = post({ externalId: '1', createdAt: '2026-11-20T09:00:00.000Z' });
          const queue = [conversation({ id: opener.id, createdAt: opener.createdAt })];
          await store.commit(
            [],
            [
              { kind: 'posts.add', posts: [opener] },
              { kind: 'conversations.put', conversations: queue },
            ],
          );
          const input = { from: '2026-11-20T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z' };
          const report = await thread.run({ call: 'report', input, agents: [], now: input.to });
          expect(thread.inProcessWhy).toBeNull();
          expect(report?.team.conversations).toBe(1);
        } finally {
          await thread.close();
          await store.close();
          await cleanup();
        }
      });
    },
  );
}
