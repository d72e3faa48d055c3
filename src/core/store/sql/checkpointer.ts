import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Database } from './sqlite';

/** The worker's entry, beside this module (and beside the desktop app's main bundle). */
export const CHECKPOINT_WORKER = new URL('./checkpoint-worker.mjs', import.meta.url);

/** SQLite's own threshold (pages), used while no worker does the work. */
const AUTOCHECKPOINT_PAGES = 1000;

/**
 * Keeps the WAL short without making a commit wait: SQLite folds the WAL into the file at the
 * commit that crosses its threshold, which at a million conversations adds tens of milliseconds to
 * every few writes. Here a worker thread, on its own connection, folds it after commits (one at a
 * time, the next asked for while one runs); the writer's automatic checkpoint is off while the
 * worker runs, and back on if it stops or never starts.
 */
export class Checkpointer {
  private worker: Worker | null = null;
  private running = false;
  private wanted = false;
  /** Where the folding happens, and why when not on the worker. */
  place: { where: 'worker' } | { where: 'writer'; why: string };

  constructor(
    private readonly db: Database,
    file: string,
    entry: URL = CHECKPOINT_WORKER,
  ) {
    if (!existsSync(fileURLToPath(entry))) {
      this.place = { where: 'writer', why: `no worker entry at ${entry.href}` };
      return;
    }
    this.place = { where: 'writer', why: 'the worker is starting' };
    const worker = new Worker(entry, { workerData: { file } });
    worker.unref();
    this.worker = worker;
    worker.on('message', (reply: { ready?: true; done?: unknown; error?: string }) => {
      if (reply.ready) {
        db.exec('PRAGMA wal_autocheckpoint = 0');
        this.place = { where: 'worker' };
        if (this.wanted) this.request();
        return;
      }
      this.running = false;
      if (reply.error != null) console.warn(`The store's WAL was not folded: ${reply.error}`);
      if (this.wanted) this.request();
    });
    worker.on('error', (err) => this.stopped(`the worker failed: ${err.message}`));
    worker.on('exit', () => this.stopped('the worker stopped'));
  }

  /** After a commit: the WAL is folded soon, off the writer's thread. */
  request(): void {
    if (this.place.where !== 'worker' || this.worker == null) {
      this.wanted = true;
      return;
    }
    if (this.running) {
      this.wanted = true;
      return;
    }
    this.wanted = false;
    this.running = true;
    this.worker.postMessage('checkpoint');
  }

  /** Resolves once no folding runs or waits (for tests and tools). */
  async idle(): Promise<void> {
    while (this.worker != null && (this.running || this.wanted))
      await new Promise((resolve) => setTimeout(resolve, 10));
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private stopped(why: string): void {
    if (this.worker == null) return;
    this.worker = null;
    this.running = false;
    this.place = { where: 'writer', why };
    try {
      this.db.exec(`PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    } catch {
      // The store is closing.
    }
  }
}
