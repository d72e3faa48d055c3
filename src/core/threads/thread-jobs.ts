import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResourceLimits } from 'node:worker_threads';

/** What a job's worker answers (see serve-jobs.ts). */
export type JobReply<Out> =
  { ready: true } | { job: number; output: Out } | { job: number; error: string; code?: string };

/** A job that failed on its thread: the thread's message, and its code when it had one. */
export class ThreadJobError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export interface ThreadJobsOptions {
  /** Handed to the thread as `workerData`. */
  workerData?: unknown;
  /**
   * A thread with no job for this long is stopped (its memory with it) and the next job starts
   * another; null keeps it until `close`.
   */
  idleMs: number | null;
  /** The thread's heap limits (its young generation kept small bounds what a busy thread holds). */
  resourceLimits?: ResourceLimits;
}

interface Pending<Out> {
  resolve(output: Out): void;
  reject(err: Error): void;
}

interface Running<Out> {
  thread: Worker;
  ready: Promise<void>;
  jobs: Map<number, Pending<Out>>;
}

/** Whether a worker entry is where its URL says (a bundle may have left it out). */
export function entryPresent(entry: URL): boolean {
  try {
    return existsSync(fileURLToPath(entry));
  } catch {
    return false;
  }
}

/**
 * Jobs run one after the other on a thread of their own, so the event loop never waits on them:
 * the thread starts at the first job and says when it is ready; it never holds the process open
 * while it has no job. A thread that dies fails the jobs it had, and the next job starts another.
 */
export class ThreadJobs<In, Out> {
  private running: Running<Out> | null = null;
  private next = 0;
  private idle: NodeJS.Timeout | null = null;

  constructor(
    private readonly entry: URL,
    private readonly options: ThreadJobsOptions,
  ) {}

  /** Resolves once a thread is ready for jobs (started if need be); rejects if it cannot start. */
  ready(): Promise<void> {
    return this.start().ready;
  }

  async run(input: In): Promise<Out> {
    const running = this.start();
    await running.ready;
    return new Promise<Out>((resolve, reject) => {
      const job = this.next++;
      running.jobs.set(job, { resolve, reject });
      if (this.idle) clearTimeout(this.idle);
      this.idle = null;
      running.thread.ref();
      running.thread.postMessage({ job, input });
    });
  }

  /** Stops the thread, if one runs, letting it close what it holds first; its jobs fail. */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const running = this.running;
    this.running = null;
    if (!running) return;
    const exited = new Promise<void>((resolve) => running.thread.once('exit', () => resolve()));
    const started = await running.ready.then(
      () => true,
      () => false,
    );
    if (started) {
      running.thread.postMessage({ close: true });
      // A thread stuck in a job is stopped after a grace period.
      const grace = setTimeout(() => void running.thread.terminate(), 2000);
      await exited;
      clearTimeout(grace);
    } else await running.thread.terminate();
  }

  private start(): Running<Out> {
    if (this.running) return this.running;
    // Not the process's own flags: an entry registers the loader it needs, and a module the
    // process preloads (`--import`) is not the thread's to run.
    const thread = new Worker(this.entry, {
      workerData: this.options.workerData,
      execArgv: [],
      ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
    });
    thread.unref();
    const jobs = new Map<number, Pending<Out>>();
    let started = false;
    const fail = (err: Error) => {
      for (const job of jobs.values()) job.reject(err);
      jobs.clear();
      if (this.running?.thread === thread) this.running = null;
    };
    const ready = new Promise<void>((resolve, reject) => {
      thread.on('message', (reply: JobReply<Out>) => {
        if ('ready' in reply) {
          started = true;
          resolve();
          return;
        }
        const job = jobs.get(reply.job);
        if (!job) return;
        jobs.delete(reply.job);
        if ('error' in reply) job.reject(new ThreadJobError(reply.error, reply.code));
        else job.resolve(reply.output);
        if (jobs.size === 0) this.rest(thread);
      });
      thread.on('error', (err) => {
        if (!started) reject(err);
        fail(err);
      });
      thread.on('exit', (code) => {
        if (!started) reject(new Error(`the worker exited with code ${code}`));
        fail(new Error(`The worker thread exited with code ${code}`));
      });
    });
    // A start that fails is handled where it is awaited; this keeps it from being reported twice.
    ready.catch(() => {});
    this.running = { thread, ready, jobs };
    return this.running;
  }

  /** No job left: the thread no longer holds the process, and stops if none comes in time. */
  private rest(thread: Worker): void {
    thread.unref();
    const idleMs = this.options.idleMs;
    if (idleMs == null) return;
    this.idle = setTimeout(() => {
      this.idle = null;
      if (this.running?.thread !== thread) return;
      this.running = null;
      void thread.terminate();
    }, idleMs);
    this.idle.unref();
  }
}
