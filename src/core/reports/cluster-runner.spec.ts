import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../test/fixtures';
import { CLUSTER_WORKER, ClusterRunner } from './cluster-runner';
import { clusterConversations } from './clusters';
import type { ClusterMember } from './clusters';

const mentions: ClusterMember[] = [
  'your oat milk made me sick',
  'Your oat milk made me so sick!!',
  'where is my refund',
  '@CafeAurore YOUR OAT MILK MADE ME SICK',
].map((text, i) => ({
  id: `x:${i + 1}`,
  createdAt: `2026-03-08T08:0${i}:00.000Z`,
  language: 'en',
  text,
  answered: false,
}));
const expected = clusterConversations(mentions);

const runners: ClusterRunner[] = [];
const runner = (entry?: URL) => {
  const made = new ClusterRunner(entry);
  runners.push(made);
  return made;
};
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()));
  vi.restoreAllMocks();
});

describe('the clustering runner', () => {
  it('clusters on a worker thread, job after job', async () => {
    const onWorker = runner();
    expect(onWorker.place).toEqual({ where: 'worker' });
    const [first, second] = await Promise.all([
      onWorker.cluster(mentions),
      onWorker.cluster(mentions.slice(1)),
    ]);
    expect(first).toEqual(expected);
    expect(expected[0]?.size).toBe(3);
    expect(second).toEqual([]);
    expect(onWorker.place).toEqual({ where: 'worker' });
  });

  it('says so when a job fails on the worker, and the next job still runs', async () => {
    const onWorker = runner();
    const broken = [{ ...mentions[0]!, text: null as unknown as string }];
    await expect(onWorker.cluster(broken)).rejects.toThrow(/Crisis clustering failed/);
    expect(await onWorker.cluster(mentions)).toEqual(expected);
  });

  it('clusters in process where the worker entry is not (a bundle that left it out)', async () => {
    const missing = runner(new URL('./no-such-worker.mjs', CLUSTER_WORKER));
    expect(missing.place).toEqual({
      where: 'in-process',
      why: expect.stringContaining('no-such-worker.mjs') as string,
    });
    expect(await missing.cluster(mentions)).toEqual(expected);
  });

  it('clusters in process, and says why, once a worker did not start', async () => {
    const { dir, cleanup } = await tempDir('cluster-worker-');
    try {
      const entry = join(dir, 'broken-worker.mjs');
      await writeFile(entry, "throw new Error('no loader here');\n");
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const broken = runner(pathToFileURL(entry));
      expect(broken.place).toEqual({ where: 'worker' });
      expect(await broken.cluster(mentions)).toEqual(expected);
      expect(broken.place).toEqual({
        where: 'in-process',
        why: expect.stringContaining('no loader here') as string,
      });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(await broken.cluster(mentions)).toEqual(expected);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      await cleanup();
    }
  });
});
