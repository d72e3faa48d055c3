import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { conversation, tempDir } from '../../test/fixtures';
import { ManualClock, dateOf } from '../../time/clock';
import { WORKSPACE_FILE } from '../workspace-store';
import { backupDataFolder, restoreDataFolder } from './backup';
import { SqliteStore } from './sqlite-store';

const clock = new ManualClock('2026-11-20T09:00:00.000Z');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function folder(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  return dir;
}

/** Starts a process that writes to the folder's store without pause; resolves once it wrote `atLeast`. */
function busyWriter(dir: string, atLeast: number): Promise<() => Promise<void>> {
  const script = fileURLToPath(new URL('./test/busy-writer.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode != null || child.signalCode != null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  cleanups.push(stop);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The writer stopped (${code})`)));
    child.stdout.on('data', (chunk: Buffer) => {
      const counts = [...chunk.toString().matchAll(/wrote (\d+)/g)].map((m) => Number(m[1]));
      if (counts.some((n) => n >= atLeast)) resolve(stop);
    });
  });
}

describe('backup and restore', () => {
  it('copies a store another process keeps writing to, as one moment of it, and brings it back', async () => {
    const data = await folder();
    await SqliteStore.open(data, { clock }).close();
    await writeFile(
      join(data, WORKSPACE_FILE),
      JSON.stringify({ schema: 1, agents: [{ id: 'rita' }] }),
    );
    const stop = await busyWriter(data, 400);
    const to = join(await folder(), 'inbox-backup.db');

    const backup = await backupDataFolder(data, to, { clock });
    const writtenMeanwhile = await (async () => {
      // The writer is still going: the source moved on past the copy.
      const live = SqliteStore.open(data, { clock });
      try {
        return await live.conversations.count();
      } finally {
        await live.close();
      }
    })();
    await stop();

    expect(backup.audit).toMatchObject({ intact: true });
    // One moment of the store: every conversation in the copy has its entry, and no entry lacks its conversation.
    expect(backup.conversations).toBe(backup.audit.entries);
    expect(backup.conversations).toBeGreaterThanOrEqual(400);
    expect(writtenMeanwhile).toBeGreaterThanOrEqual(backup.conversations);
    expect(existsSync(`${to}.partial`)).toBe(false);

    const target = await folder();
    const restored = await restoreDataFolder(to, target, { clock });
    expect(restored).toMatchObject({
      conversations: backup.conversations,
      audit: { intact: true },
    });
    expect(JSON.parse(await readFile(join(target, WORKSPACE_FILE), 'utf8'))).toEqual({
      schema: 1,
      agents: [{ id: 'rita' }],
    });
    const store = SqliteStore.open(target, { clock });
    cleanups.push(() => store.close());
    expect(await store.conversations.count()).toBe(backup.conversations);
    expect(await store.audit.verify(dateOf(clock))).toMatchObject({
      intact: true,
      entries: backup.audit.entries,
    });
    // The restored store takes writes, its chain going on from the copy's head.
    const [next] = await store.commit(
      [
        {
          action: 'rule.changed',
          actor: 'sam',
          client: 'browser',
          conversationId: null,
          details: {},
        },
      ],
      [],
    );
    expect(next?.seq).toBe(backup.audit.entries + 1);
  }, 60_000);

  it('refuses to overwrite a file or a store unless told to', async () => {
    const data = await folder();
    const store = SqliteStore.open(data, { clock });
    await store.commit(
      [],
      [{ kind: 'conversations.put', conversations: [conversation({ id: 'x:1' })] }],
    );
    await store.close();
    const to = join(await folder(), 'copy.db');
    await backupDataFolder(data, to, { clock });
    await expect(backupDataFolder(data, to, { clock })).rejects.toThrow(/already exists/);
    await expect(restoreDataFolder(to, data, { clock })).rejects.toThrow(/already has a store/);
    await expect(restoreDataFolder(to, data, { clock, overwrite: true })).resolves.toMatchObject({
      conversations: 1,
    });
    await expect(backupDataFolder(await folder(), to, { clock, overwrite: true })).rejects.toThrow(
      /No store/,
    );
  });

  it('refuses a damaged backup before touching the folder', async () => {
    const data = await folder();
    const store = SqliteStore.open(data, { clock });
    for (let i = 0; i < 300; i++)
      await store.commit(
        [],
        [
          {
            kind: 'conversations.put',
            conversations: [conversation({ id: `x:${i}`, excerpt: 'y'.repeat(300) })],
          },
        ],
      );
    await store.close();
    const to = join(await folder(), 'copy.db');
    await backupDataFolder(data, to, { clock });
    const bytes = await readFile(to);
    bytes.fill(0x41, 8192, 16384);
    await writeFile(to, bytes);
    const target = await folder();
    await expect(restoreDataFolder(to, target, { clock })).rejects.toThrow();
    expect(existsSync(join(target, 'inbox.db'))).toBe(false);
  });
});
