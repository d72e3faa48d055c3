import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Cluster } from '../../shared';
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

interface Job {
  resolve(clusters: Cluster[]): void;
  reject(err: Error): void;
}

type Reply =
  { ready: true } | { job: number; clusters: Cluster[] } | { job: number; error: string };

function entryPresent(entry: URL): boolean {
  try {
    return existsSync(fileURLToPath(entry));
  } catch {
    return false;
  }
}

/**
 * Runs the crisis view's clustering on a worker thread, so that the hub's event loop never waits
 * on it: one thread, started at the first job, kept while jobs come and stopped after IDLE_MS
 * without any; it never holds the process open while idle.
 *
 * The choice is made once and can be read (`place`): a worker when its entry is beside this module
 * (the source tree, which the hub, the tests and the bench run through tsx or vitest), else in
 * process: in a bundle that left the entry out (the desktop app's main bundle), or after a worker
 * failed to start. A job that fails on a worker that did start fails the call: running it again in
 * process would only block the event loop on the same input.
 */
export class ClusterRunner {
  private state: ClusteringPlace;
  private worker: { thread: Worker; ready: Promise<void>; jobs: Map<number, Job> } | null = null;
  private next = 0;
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly entry: URL = CLUSTER_WORKER) {
    this.state = entryPresent(entry)
      ? { where: 'worker' }
      : { where: 'in-process', why: `no worker entry at ${entry.href}` };
  }

  get place(): ClusteringPlace {
    return this.state;
  }

  async cluster(members: readonly ClusterMember[]): Promise<Cluster[]> {
    if (this.state.where === 'in-process') return clusterConversations(members);
    const worker = this.start();
    try {
      await worker.ready;
    } catch (err) {
      this.state = {
        where: 'in-process',
        why: `the worker did not start: ${(err as Error).message}`,
      };
      console.warn(`Crisis clustering runs on the event loop: ${this.state.why}`);
      return clusterConversations(members);
    }
    return new Promise<Cluster[]>((resolve, reject) => {
      const job = this.next++;
      worker.jobs.set(job, { resolve, reject });
      if (this.idle) clearTimeout(this.idle);
      this.idle = null;
      worker.thread.ref();
      worker.thread.postMessage({ job, members });
    });
  }

  /** Stops the worker, if one runs; jobs still on it fail. */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.thread.terminate();
  }

  private start() {
    if (this.worker) return this.worker;
    const thread = new Worker(this.entry);
    thread.unref();
    const jobs = new Map<number, Job>();
    let started = false;
    const fail = (err: Error) => {
      for (const job of jobs.values()) job.reject(err);
      jobs.clear();
      if (this.worker?.thread === thread) this.worker = null;
    };
    const ready = new Promise<void>((resolve, reject) => {
      thread.on('message', (reply: Reply) => {
        if ('ready' in reply) {
          started = true;
          resolve();
          return;
        }
        const job = jobs.get(reply.job);
        if (!job) return;
        jobs.delete(reply.job);
        if ('error' in reply) job.reject(new Error(`Crisis clustering failed: ${reply.error}`));
        else job.resolve(reply.clusters);
        if (jobs.size === 0) this.rest(thread);
      });
      thread.on('error', (err) => {
        if (!started) reject(err);
        fail(err);
      });
      thread.on('exit', (code) => {
        if (!started) reject(new Error(`the worker exited with code ${code}`));
        fail(new Error(`The clustering worker exited with code ${code}`));
      });
    });
    // A start that fails is handled where it is awaited; this keeps it from being reported twice.
    ready.catch(() => {});
    this.worker = { thread, ready, jobs };
    return this.worker;
  }

  /** No job left: the thread no longer holds the process, and stops if none comes. */
  private rest(thread: Worker): void {
    thread.unref();
    this.idle = setTimeout(() => {
      this.idle = null;
      if (this.worker?.thread !== thread) return;
      this.worker = null;
      void thread.terminate();
    }, IDLE_MS);
    this.idle.unref();
  }
}

/** The process's runner: the crisis view of every service in it shares one worker. */
export const clusterRunner = new ClusterRunner();
