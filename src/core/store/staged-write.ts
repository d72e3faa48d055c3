/**
 * Where a file stood before a change, so the change can be taken back: a JSON-lines file's length
 * (its appends are cut off), or a document's whole text (null: there was no file).
 */
export type Mark = { path: string; size: number } | { path: string; text: string | null };

/** A file held for one change: nobody else writes it until it is released. */
export interface Hold {
  readonly mark: Mark;
  /** Puts the file back where the mark says (memory is left alone: it never saw the change). */
  undo(): Promise<void>;
  release(): void;
}

/** A file of the store that a change can hold. */
export interface Holdable {
  /**
   * Waits for the file's earlier writes, repairs what a failed one left (failing if it still
   * cannot), then holds the file until release: its other writes wait.
   */
  hold(): Promise<Hold>;
  /** Makes the file's next write or hold run `repair` first, and fail as long as it fails. */
  repairBefore(repair: () => Promise<void>): void;
}

/**
 * Queues a hold on a file's write chain: `take` runs once the chain's earlier writes are done and
 * makes the hold (calling `release` when it is released); the returned chain waits until then, so
 * the file's next writes queue behind the change.
 */
export function queueHold(
  chain: Promise<void>,
  take: (release: () => void) => Promise<Hold>,
): { hold: Promise<Hold>; chain: Promise<void> } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const hold = chain.then(() => take(release));
  return {
    hold,
    chain: hold.then(
      () => released,
      () => undefined,
    ),
  };
}

/**
 * A write a store prepared without changing anything yet. Its targets are held while it is made;
 * `prepare` computes what depends on the current state (under the hold), `write` makes it durable,
 * and `apply` shows it in memory once every write of the change is durable. `abandon` is told when
 * the change failed, for a store that had to show it in memory earlier.
 */
export interface StagedWrite {
  readonly targets: readonly Holdable[];
  prepare?(): void;
  write(): Promise<void>;
  apply(): void;
  abandon?(): void;
}

/** The targets of some writes, each once, in a stable order. */
export function targetsOf(writes: readonly StagedWrite[]): Holdable[] {
  return [...new Set(writes.flatMap((w) => w.targets))];
}

/** Holds every target, in order; if one cannot be held, releases the others and fails. */
export async function holdAll(targets: readonly Holdable[]): Promise<Hold[]> {
  const holds: Hold[] = [];
  try {
    for (const target of targets) holds.push(await target.hold());
  } catch (err) {
    for (const hold of holds) hold.release();
    throw err;
  }
  return holds;
}

/**
 * Puts held files back to their marks, then runs `finish`. When that fails too (a device that
 * refuses even a truncation), each file is left to retry it all before its next write, so nothing is
 * written on top of a change that was not taken back.
 */
export async function takeBack(
  holds: readonly Hold[],
  targets: readonly Holdable[],
  finish: () => Promise<void> = async () => undefined,
): Promise<void> {
  const attempt = async () => {
    for (const hold of holds) await hold.undo();
    await finish();
  };
  try {
    await attempt();
  } catch {
    let done = false;
    let running: Promise<void> | null = null;
    const again = async (): Promise<void> => {
      if (done) return;
      running ??= attempt()
        .then(() => {
          done = true;
        })
        .finally(() => {
          running = null;
        });
      await running;
    };
    for (const target of targets) target.repairBefore(again);
  }
}

/**
 * Makes writes of one store durable on their own (no audit entry): held, written, put back if one
 * fails, shown in memory only once all are durable. For writes that hold one file: a change across
 * files goes through the audit log's commit, which can take it back after a crash too.
 */
export async function perform(...writes: StagedWrite[]): Promise<void> {
  const targets = targetsOf(writes);
  const holds = await holdAll(targets).catch((err: unknown) => {
    for (const w of writes) w.abandon?.();
    throw err;
  });
  try {
    try {
      for (const w of writes) w.prepare?.();
      for (const w of writes) await w.write();
    } catch (err) {
      await takeBack(holds, targets);
      for (const w of writes) w.abandon?.();
      throw err;
    }
    for (const w of writes) w.apply();
  } finally {
    for (const hold of holds) hold.release();
  }
}
