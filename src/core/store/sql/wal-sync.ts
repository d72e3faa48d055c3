import { close, fdatasync, openSync } from 'node:fs';
import { promisify } from 'node:util';

const datasync = promisify(fdatasync);
const closeFd = promisify(close);

/**
 * Makes committed transactions durable off the event loop. The store's connection runs with
 * `synchronous = NORMAL`: COMMIT appends the transaction to the WAL and returns without waiting for
 * the disk. `durable()` then flushes the WAL file with an fdatasync on libuv's thread pool, and
 * resolves once a flush that started after the call has finished: the transaction, and every one
 * before it in the WAL, is then on the disk, as `synchronous = FULL` would have left it, but the
 * event loop served other requests meanwhile. Commits that wait at the same time share one flush.
 *
 * SQLite itself still syncs the WAL and the database file at each checkpoint, so the file stays
 * whole through a power cut; what a crash may lose is only a transaction whose `durable()` had not
 * resolved, which the caller was never told had been kept.
 */
export class WalSync {
  /** Commits asked for so far, and the last of them known to be on the disk. */
  private asked = 0;
  private synced = 0;
  private flushing: Promise<void> | null = null;
  /** How many flushes were made (the bench reports it against the commits). */
  flushes = 0;
  /** The flush count when `durableSoon` was last asked, while its flush is still to come. */
  private soonAfter: number | null = null;
  private soon: NodeJS.Timeout | null = null;
  private waiting: { upTo: number; resolve(): void; reject(err: unknown): void }[] = [];
  /** Once closed, the handle's number may belong to another file: nothing flushes it again. */
  private closed = false;

  private constructor(private readonly wal: number) {}

  /**
   * Opens the WAL beside a database whose connection is in WAL mode and has written (its file
   * exists by then). Only read: a flush needs no more, and nothing here ever writes to it.
   */
  static open(databaseFile: string): WalSync {
    return new WalSync(openSync(`${databaseFile}-wal`, 'r'));
  }

  /** Resolves once every transaction committed before the call is on the disk. */
  durable(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The WAL is closed'));
    const upTo = ++this.asked;
    const done = new Promise<void>((resolve, reject) =>
      this.waiting.push({ upTo, resolve, reject }),
    );
    if (!this.flushing) this.flushing = this.flush();
    return done;
  }

  /**
   * Makes what is written so far durable within `withinMs`, with no one waiting for it: a flush
   * that starts meanwhile (a commit's) covers it, and none is made for it then. For writes whose
   * loss in a power cut costs little (an answer kept for a retry), so that they never add a flush
   * to the path of the next commit.
   */
  durableSoon(withinMs = 1000): void {
    if (this.closed) return;
    this.soonAfter = this.flushes;
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      const after = this.soonAfter;
      this.soonAfter = null;
      // Covered when a flush started after the last write asked for.
      if (after != null && this.flushes === after) this.durable().catch(() => undefined);
    }, withinMs);
    this.soon.unref();
  }

  /** Flushes until no commit is left waiting; each flush covers the commits asked before it. */
  private async flush(): Promise<void> {
    while (this.synced < this.asked) {
      const upTo = this.asked;
      try {
        this.flushes += 1;
        await datasync(this.wal);
        this.synced = upTo;
        this.settle(upTo, null);
      } catch (err) {
        // Those commits are in the WAL but may not be on the disk: their callers are told so.
        this.synced = upTo;
        this.settle(upTo, err);
      }
    }
    this.flushing = null;
  }

  private settle(upTo: number, err: unknown): void {
    const now = this.waiting.filter((w) => w.upTo <= upTo);
    this.waiting = this.waiting.filter((w) => w.upTo > upTo);
    for (const w of now) {
      if (err == null) w.resolve();
      else w.reject(err);
    }
  }

  /** Waits for the flushes asked for (and one asked for soon), and closes the WAL's handle. */
  async close(): Promise<void> {
    if (this.soon) {
      clearTimeout(this.soon);
      this.soon = null;
      if (this.soonAfter != null && this.flushes === this.soonAfter)
        await this.durable().catch(() => undefined);
      this.soonAfter = null;
    }
    while (this.flushing) await this.flushing;
    if (this.closed) return;
    this.closed = true;
    await closeFd(this.wal);
  }
}
