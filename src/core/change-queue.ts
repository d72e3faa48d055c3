/** How the store lets a change be seen before it is on the disk (see InboxStore.visible). */
export interface Durability {
  visible<T>(change: () => Promise<T>): Promise<T>;
  durable(): Promise<void>;
  /**
   * How many changes of different conversations may run at once, where the store checks each
   * conversation's version inside its commit (PostgreSQL, shared by several processes) and a commit
   * is durable once it resolves. Absent (the embedded store, one writer): one change at a time.
   */
  readonly concurrentChanges?: number;
}

const settle = (p: Promise<unknown>): Promise<void> =>
  p.then(
    () => undefined,
    () => undefined,
  );

/**
 * The order in which the stores change: posts found by sync and the changes the team makes run in
 * turn, each after the one before has settled, so the two never interleave. Every domain queues
 * its changes here.
 *
 * A change's commits are made at once and seen by every later read, and the next change starts
 * then; its caller is answered once they are on the disk. Changes queued together so share one
 * flush of the disk instead of each waiting for its own before the next may start.
 *
 * Where the store allows it (`concurrentChanges`), a change of named conversations (`runOn`) runs
 * alongside the changes of other conversations, up to that many at once: it still starts after
 * every change queued before it on one of its conversations, and after every change queued before
 * it that runs alone (`run`: an ingest, a tag renamed, an account forgotten), and those wait for it.
 * Its caller is answered once its commits resolve (such a store's commits are durable then).
 * Elsewhere `runOn` is `run`.
 */
export class ChangeQueue {
  /** Settles once every change queued so far has. */
  private tail: Promise<void> = Promise.resolve();
  /** Settles once the last change queued to run alone has (and so every change before it). */
  private barrier: Promise<void> = Promise.resolve();
  /** Each conversation's last change queued since the barrier, until it settles. */
  private readonly lastOf = new Map<string, Promise<void>>();
  /** How many more changes of conversations may start now, and those waiting for their turn. */
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly durability: Durability) {
    this.free = this.concurrency;
  }

  /** How many changes may run at once (1: each in turn, as on the embedded store). */
  get concurrency(): number {
    return Math.max(1, this.durability.concurrentChanges ?? 1);
  }

  /** Runs a change of the stores alone, after every change queued before it, before the next. */
  run<T>(change: () => Promise<T>): Promise<T> {
    const run = this.tail.then(() => this.durability.visible(change));
    this.tail = this.barrier = settle(run);
    this.lastOf.clear();
    return run.then(async (result) => {
      await this.durability.durable();
      return result;
    });
  }

  /**
   * Runs a change of these conversations (those it reads and writes): in turn with the changes of
   * the same conversations and with those that run alone, alongside the others where the store
   * allows it.
   */
  runOn<T>(conversationIds: readonly string[], change: () => Promise<T>): Promise<T> {
    if (this.concurrency === 1) return this.run(change);
    const ids = [...new Set(conversationIds)];
    const before = [this.barrier, ...ids.flatMap((id) => this.lastOf.get(id) ?? [])];
    const run = Promise.all(before)
      .then(() => this.turn())
      .then(async (done) => {
        try {
          return await this.durability.visible(change);
        } finally {
          done();
        }
      });
    const settled = settle(run);
    for (const id of ids) this.lastOf.set(id, settled);
    void settled.then(() => {
      for (const id of ids) if (this.lastOf.get(id) === settled) this.lastOf.delete(id);
    });
    this.tail = Promise.all([this.tail, settled]).then(() => undefined);
    // Its commits were durable when they resolved: nothing else to wait for (not the others').
    return run;
  }

  /** Settles once every change queued so far has (failed or not). */
  idle(): Promise<void> {
    return this.tail;
  }

  /** Waits for one of the places of the changes running at once; resolves to give it back. */
  private async turn(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    return () => {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}
