import type { CheckpointResult } from './list-reader';
import type { Database } from './sqlite';

/** SQLite's own threshold: the WAL is folded into the file once it holds this many pages. */
const AUTO_CHECKPOINT_PAGES = 1000;
/** With no commit marked, a checkpoint is still made this often (writes outside `commitNow`). */
const QUIET_TICKS = 60;

/**
 * Folds the WAL into the database file on another thread, so that no commit on the event loop
 * makes a checkpoint. By default SQLite checkpoints inside the commit that takes the WAL past a
 * thousand pages: the commit then copies pages into the file and syncs it, on the event loop; and
 * while the list thread keeps reading, the checkpoint cannot finish, so every commit after it tries
 * again. Here the writer's connection never checkpoints: every `everyMs` after a commit, the list
 * thread's connection makes a passive checkpoint (it copies what no reader still needs, and never
 * blocks the writer). If the thread fails a checkpoint, the writer checkpoints again as SQLite does.
 */
export class WalCheckpoints {
  private readonly timer: NodeJS.Timeout;
  private dirty = false;
  private running: Promise<void> | null = null;
  private quiet = 0;
  private stopped = false;
  /** Checkpoints made so far, and what the last one said. */
  made = 0;
  last: CheckpointResult | null = null;

  constructor(
    private readonly db: Database,
    private readonly checkpoint: () => Promise<CheckpointResult>,
    everyMs = 500,
  ) {
    db.exec('PRAGMA wal_autocheckpoint = 0');
    this.timer = setInterval(() => this.tick(), everyMs);
    this.timer.unref();
  }

  /** A commit was made: the next tick checkpoints. */
  touch(): void {
    this.dirty = true;
  }

  private tick(): void {
    if (this.running || this.stopped) return;
    if (!this.dirty && ++this.quiet < QUIET_TICKS) return;
    this.quiet = 0;
    this.dirty = false;
    this.running = this.checkpoint().then(
      (result) => {
        this.made += 1;
        this.last = result;
      },
      () => {
        // The thread is gone: the writer checkpoints again, inside its commits.
        void this.stop();
      },
    );
    void this.running.finally(() => (this.running = null));
  }

  /** Stops, waiting for a checkpoint under way; the writer's connection checkpoints again. */
  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      clearInterval(this.timer);
      try {
        this.db.exec(`PRAGMA wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
      } catch {
        // Closed already.
      }
    }
    await this.running;
  }
}
