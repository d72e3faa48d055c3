import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ListConversationsInputSchema } from '../../../shared';
import { conversation, tempDir } from '../../test/fixtures';
import { clockStartingAt } from '../../time/clock';
import { SqliteStore } from './sqlite-store';

// The desktop app's build puts the worker beside its main bundle (electron.vite.config.ts), and the
// hub's build beside the hub's (scripts/build-hub.mjs); `npm test` builds both before this runs.
const BUILDS = [
  ['the desktop build', 'out/main'],
  ['the hub’s bundle', 'out/hub'],
] as const;

for (const [build, dir] of BUILDS) {
  const BUNDLED = new URL(`../../../../${dir}/list-worker.mjs`, import.meta.url);

  describe.skipIf(!existsSync(fileURLToPath(BUNDLED)))(`the list worker in ${build}`, () => {
    it('lists the queue on a thread from the bundle', async () => {
      const { dir, cleanup } = await tempDir('bundled-list-');
      const store = SqliteStore.open(dir, { clock: clockStartingAt(Date.UTC(2026, 10, 20)) });
      try {
        const queue = ['x:1', 'x:2', 'x:3'].map((id) =>
          conversation({ id, excerpt: `order ${id}` }),
        );
        await store.commit([], [{ kind: 'conversations.put', conversations: queue }]);
        const reader = store.listOnThread(BUNDLED);
        await reader.ready;
        expect(reader.inProcessWhy).toBeNull();
        const query = ListConversationsInputSchema.parse({ q: 'order' });
        const page = await reader.list({ query, tuning: store.conversations.tuning });
        expect(page?.items.map((c) => c.id).sort()).toEqual(['x:1', 'x:2', 'x:3']);
      } finally {
        await store.close();
        await cleanup();
      }
    });
  });
}
