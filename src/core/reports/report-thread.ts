import type { Agent, ApiInput, ApiOutput } from '../../shared';
import type { PgConnection } from '../store/pg/pg-client';
import { asCallerError } from '../threads/job-errors';
import { ThreadJobs, entryPresent } from '../threads/thread-jobs';

/** The worker's entry: it registers the TypeScript loader (threads do not inherit it). */
export const REPORT_WORKER = new URL('./report-worker.mjs', import.meta.url);

/**
 * Where the thread reads: the embedded store's file (through a connection that only reads), or a
 * PostgreSQL database (through a few connections of its own).
 */
export type ReportSource = { file: string } | { database: PgConnection };

/** A manager's call, its input already checked. */
export type ReportCall =
  | { call: 'report'; input: ApiInput<'getReport'> }
  | { call: 'drill'; input: ApiInput<'drillReport'> }
  | { call: 'crisis'; input: ApiInput<'getCrisis'> }
  | { call: 'complaints'; input: ApiInput<'getComplaints'> };

/** A call as the thread makes it: with the team and the inbox's time when it was asked. */
export type ReportJob = ReportCall & { agents: Agent[]; now: string };

type Output<C extends ReportCall['call']> = C extends 'report'
  ? ApiOutput<'getReport'>
  : C extends 'drill'
    ? ApiOutput<'drillReport'>
    : C extends 'crisis'
      ? ApiOutput<'getCrisis'>
      : ApiOutput<'getComplaints'>;

/**
 * Makes reports, drill-downs and the crisis view on a thread of their own, reading the store
 * through connections of its own (the embedded store's file, read only; or a PostgreSQL
 * database), so that a report over a month of a million conversations (about a second) holds
 * neither the event loop that takes the team's writes nor the thread that lists the queue: its
 * rows are parsed and its cases made there. The thread is started at once and kept until
 * `close`: loading its modules takes longer than most reports, which a manager should not wait
 * for.
 *
 * Where it cannot run (a bundle without its entry, a thread that did not start) the caller makes
 * the report on the event loop, and the reason is kept (`inProcessWhy`).
 */
export class ReportThread {
  private readonly jobs: ThreadJobs<ReportJob, unknown>;
  private why: string | null;
  /** Settles once the thread is ready or could not start. */
  readonly ready: Promise<void>;

  constructor(source: ReportSource, entry: URL = REPORT_WORKER) {
    this.jobs = new ThreadJobs(entry, { workerData: source, idleMs: null });
    this.why = entryPresent(entry) ? null : `no worker entry at ${entry.href}`;
    this.ready =
      this.why != null
        ? Promise.resolve()
        : // A thread that cannot even be made (its data refused) is one that did not start.
          Promise.resolve()
            .then(() => this.jobs.ready())
            .catch((err: Error) => {
              this.why = `the report thread did not start: ${err.message}`;
              console.warn(`Reports are made on the event loop: ${this.why}`);
            });
  }

  /** Why reports are made on the event loop (null: on the thread). */
  get inProcessWhy(): string | null {
    return this.why;
  }

  /** The call's answer, from the thread; null when the caller should make it itself. */
  async run<C extends ReportCall['call']>(
    job: Extract<ReportJob, { call: C }>,
  ): Promise<Output<C> | null> {
    await this.ready;
    if (this.why != null) return null;
    try {
      return (await this.jobs.run(job)) as Output<C>;
    } catch (err) {
      // An error the call itself gave keeps its code.
      throw asCallerError(err);
    }
  }

  async close(): Promise<void> {
    await this.ready;
    await this.jobs.close();
  }
}
