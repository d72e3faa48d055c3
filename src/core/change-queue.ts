/** How the store lets a change be seen before it is on the disk (see InboxStore.visible). */
export interface Durability {
  visible<T>(change: () => Promise<T>): Promise<T>;
  durable(): Promise<void>;
}

/**
 * The one order in which the stores change: posts found by sync and the changes the team makes run
 * in turn, each after the one before has settled, so the two never interleave. Every domain queues
 * its changes here.
 *
 * A change's commits are made at once and seen by every later read, and the next change starts
 * then; its caller is answered once they are on the disk. Changes queued together so share one
 * flush of the disk instead of each waiting for its own before the next may start.
 */
export class ChangeQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly durability: Durability) {}

  /** Runs a change of the stores in turn with ingests, so the two never interleave. */
  run<T>(change: () => Promise<T>): Promise<T> {
    const run = this.tail.then(() => this.durability.visible(change));
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run.then(async (result) => {
      await this.durability.durable();
      return result;
    });
  }

  /** Settles once every change queued so far has (failed or not). */
  idle(): Promise<void> {
    return this.tail;
  }
}
