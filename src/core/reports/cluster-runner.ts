import type { Cluster } from '../../shared';
import { ThreadJobs, entryPresent } from '../threads/thread-jobs';
import { clusterConversations } from './clusters';
import type { ClusterMember } from './clusters';

/**
 * The worker's entry: it registers the TypeScript loader (threads do not inherit it) and runs
 * cluster-worker.ts.
 */
export const CLUSTER_WORKER = new URL('./cluster-worker.mjs', import.meta.url);
/** A worker with no job for this long is stopped (its memory with it); the next job starts one. */
const IDLE_MS = 60_000;

/** Where clustering runs, and why when not on a worker thread. */
export type ClusteringPlace = { where: 'worker' } | { where: 'in-process'; why: string };

/**
 * Runs the crisis view's clustering on a worker thread (`ThreadJobs`), so that the hub's event loop
 * never waits on it: one thread, started at the first job, kept while jobs come and stopped after
 * IDLE_MS without any; it never holds the process open while idle.
 *
 * The choice is made once and can be read (`place`): a worker when its entry is beside this module
 * (the source tree, which the hub, the tests and the bench run through tsx or vitest), else in
 * process: in a bundle that left the entry out, or after a worker failed to start. A job that fails
 * on a worker that did start fails the call: running it again in process would only block the
 * event loop on the same input.
 */
export class ClusterRunner {
  private state: ClusteringPlace;
  private readonly jobs: ThreadJobs<readonly ClusterMember[], Cluster[]>;

  constructor(entry: URL = CLUSTER_WORKER) {
    this.jobs = new ThreadJobs(entry, { idleMs: IDLE_MS });
    this.state = entryPresent(entry)
      ? { where: 'worker' }
      : { where: 'in-process', why: `no worker entry at ${entry.href}` };
  }

  get place(): ClusteringPlace {
    return this.state;
  }

  async cluster(members: readonly ClusterMember[]): Promise<Cluster[]> {
    if (this.state.where === 'in-process') return clusterConversations(members);
    try {
      await this.jobs.ready();
    } catch (err) {
      this.state = {
        where: 'in-process',
        why: `the worker did not start: ${(err as Error).message}`,
      };
      console.warn(`Crisis clustering runs on the event loop: ${this.state.why}`);
      return clusterConversations(members);
    }
    try {
      return await this.jobs.run(members);
    } catch (err) {
      throw new Error(`Crisis clustering failed: ${(err as Error).message}`, { cause: err });
    }
  }

  /** Stops the worker, if one runs; jobs still on it fail. */
  close(): Promise<void> {
    return this.jobs.close();
  }
}

/** The process's runner: the crisis view of every service in it shares one worker. */
export const clusterRunner = new ClusterRunner();
