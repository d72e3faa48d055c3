import type { Agent, ApiInput, ApiOutput } from '../../shared';
import { asCallerError } from '../threads/job-errors';
import { ThreadJobs, entryPresent } from '../threads/thread-jobs';

/** The worker's entry: it registers the TypeScript loader (threads do not inherit it). */
export const REPORT_WORKER = new URL('./report-worker.mjs', import.meta.url);

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
 * Makes reports, drill-downs and the crisis view on a thread of their own, through a connection
 * that only reads the store's file, so that a report over a month of a million conversations
 * (about a second) holds neither the event loop that takes the team's writes nor the thread that
 * lists the queue. The thread is started at once and kept until `close`: loading its modules
 * takes longer than most reports, which a manager should not wait for.
 *
 * Where it cannot run (a bundle without its entry, a thread that did not start) the caller makes
 * the report on the event loop, and the reason is kept (`inProcessWhy`).
 */
export class ReportThread {
  private readonly jobs: ThreadJobs<ReportJob, unknown>;
  private why: string | null;
  /** Settles once the thread is ready or could not start. */
  readonly ready: Promise<void>;

  constructor(file: string, entry: URL = REPORT_WORKER) {
    this.jobs = new ThreadJobs(entry, { workerData: { file }, idleMs: null });
    this.why = entryPresent(entry) ? null : `no worker entry at ${entry.href}`;
    this.ready =
      this.why != null
        ? Promise.resolve()
        : this.jobs.ready().catch((err: Error) => {
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
