import type { ConversationPage } from '../../../shared';
import { asCallerError } from '../../threads/job-errors';
import { ThreadJobs, entryPresent } from '../../threads/thread-jobs';
import type { ConversationQuery } from '../port';

/** The worker's entry: it registers the TypeScript loader (threads do not inherit it). */
export const LIST_WORKER = new URL('./list-worker.mjs', import.meta.url);

/** A list asked of the thread: the query, and how lists choose their plan. */
export interface ListJob {
  query: ConversationQuery;
  tuning: { setBelow: number | null; totalCap: number };
  /** The page as its JSON text (`pageJson`), made on the thread. */
  as?: 'json';
}

/** The WAL folded into the database file by the thread's connection (see wal-checkpoints.ts). */
export interface CheckpointJob {
  checkpoint: true;
}

/** What SQLite's `wal_checkpoint` answers: busy (1 when it could not finish), frames in the WAL, frames copied. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export type ReaderJob = ListJob | CheckpointJob;
export type ReaderOutput = ConversationPage | string | CheckpointResult;

/**
 * Lists the queue on a thread of its own, so that the event loop that takes the team's writes
 * never waits behind a list or a search (a hub with twenty agents lists far more than it writes).
 * The thread is started at once and stays until `close`; until it is ready, lists run on the event
 * loop, so no list waits for it. Where the thread cannot run (a bundle without its entry, a thread
 * that did not start), lists stay on the event loop and the reason is kept (`inProcessWhy`).
 */
/**
 * The list thread's young generation, in MB. Each page is a few hundred kilobytes of short-lived
 * objects; V8's default (tens of MB) let a busy thread hold that much more memory for no speed.
 */
const LIST_THREAD_YOUNG_MB = 8;

export class ListReader {
  private readonly jobs: ThreadJobs<ReaderJob, ReaderOutput>;
  private why: string | null;
  private started = false;
  /** Settles once the thread is ready or could not start. */
  readonly ready: Promise<void>;

  constructor(file: string, entry: URL = LIST_WORKER) {
    this.jobs = new ThreadJobs(entry, {
      workerData: { file },
      idleMs: null,
      resourceLimits: { maxYoungGenerationSizeMb: LIST_THREAD_YOUNG_MB },
    });
    this.why = entryPresent(entry) ? null : `no worker entry at ${entry.href}`;
    this.ready =
      this.why != null
        ? Promise.resolve()
        : this.jobs.ready().then(
            () => {
              this.started = true;
            },
            (err: Error) => {
              this.why = `the list thread did not start: ${err.message}`;
              console.warn(`Lists run on the event loop: ${this.why}`);
            },
          );
  }

  /** Why lists run on the event loop (null: they run on the thread, or will once it is ready). */
  get inProcessWhy(): string | null {
    return this.why;
  }

  /** The page, from the thread; null while lists run on the event loop (the caller lists then). */
  async list(job: ListJob): Promise<ConversationPage | null> {
    return (await this.run({ ...job, as: undefined })) as ConversationPage | null;
  }

  /**
   * The page as JSON text, made on the thread (parsed, checked and written there, so the event loop
   * only passes the text on); null while lists run on the event loop.
   */
  async listJson(job: ListJob): Promise<string | null> {
    return (await this.run({ ...job, as: 'json' })) as string | null;
  }

  /** Whether lists run on the thread now. */
  get onThread(): boolean {
    return this.started && this.why == null;
  }

  /** A passive checkpoint made by the thread's connection, off the event loop. */
  async checkpoint(): Promise<CheckpointResult> {
    if (!this.onThread) throw new Error('The list thread is not running');
    return (await this.jobs.run({ checkpoint: true })) as CheckpointResult;
  }

  private async run(job: ListJob): Promise<ConversationPage | string | null> {
    if (!this.onThread) return null;
    try {
      return (await this.jobs.run(job)) as ConversationPage | string;
    } catch (err) {
      // An error the list itself gave (a cursor from another query) keeps its code.
      throw asCallerError(err);
    }
  }

  async close(): Promise<void> {
    await this.ready;
    await this.jobs.close();
  }
}
