/**
 * The one order in which the stores change: posts found by sync and the changes the team makes run
 * in turn, each after the one before has settled, so the two never interleave. Every domain queues
 * its changes here.
 */
export class ChangeQueue {
  private tail: Promise<void> = Promise.resolve();

  /** Runs a change of the stores in turn with ingests, so the two never interleave. */
  run<T>(change: () => Promise<T>): Promise<T> {
    const run = this.tail.then(change);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Settles once every change queued so far has (failed or not). */
  idle(): Promise<void> {
    return this.tail;
  }
}
