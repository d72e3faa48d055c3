import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures';
import { ManualClock, dateOf } from '../../time/clock';
import { SqliteStore } from './sqlite-store';

const clock = new ManualClock('2026-11-20T09:00:00.000Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * Runs a writer that says which commits are durable, kills it (SIGKILL, no chance to finish
 * anything) once it said `atLeast`, and returns the last commit it said was durable.
 */
function writeThenKill(dir: string, atLeast: number): Promise<number> {
  const script = fileURLToPath(new URL('./test/busy-writer.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir, '--every', '--posts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let acked = 0;
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`The writer stopped on its own (${code})`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString().matchAll(/wrote (\d+)/g))
        acked = Math.max(acked, Number(m[1]));
      if (acked >= atLeast && child.signalCode == null) child.kill('SIGKILL');
    });
  });
}

describe('a store killed while it writes', () => {
  it('keeps every commit it acknowledged, each whole, and goes on from there', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    let acked = 0;
    // Killed three times in a row, at different points, on the same folder.
    for (const atLeast of [150, 400, 700]) {
      acked = await writeThenKill(dir, atLeast);
      const store = SqliteStore.open(dir, { clock });
      try {
        const conversations = await store.conversations.count();
        const entries = await store.audit.headSeq();
        // Nothing acknowledged is lost; a commit is all there or not at all.
        expect(conversations).toBeGreaterThanOrEqual(acked);
        expect(entries).toBe(conversations);
        for (const n of [1, Math.ceil(acked / 2), acked]) {
          expect(await store.conversations.get(`x:${n}`)).toBeDefined();
          expect(await store.posts.ofConversation(`x:${n}`)).toHaveLength(1);
          expect(await store.audit.ofConversation(`x:${n}`)).toHaveLength(1);
        }
        expect(await store.audit.verify(dateOf(clock))).toMatchObject({ intact: true });
      } finally {
        await store.close();
      }
    }
  }, 120_000);
});
