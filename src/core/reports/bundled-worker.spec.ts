import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ClusterRunner } from './cluster-runner';

// The desktop app's build puts the worker beside its main bundle (electron.vite.config.ts); `npm
// test` builds it before this runs.
const BUNDLED = new URL('../../../out/main/cluster-worker.mjs', import.meta.url);

describe.skipIf(!existsSync(fileURLToPath(BUNDLED)))('the worker in the desktop build', () => {
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
