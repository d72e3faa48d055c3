export interface Coalescer {
  /** Asks for a run: the next one starts no sooner than the interval after the previous start. */
  request(): void;
  /** Drops any pending run; later requests are ignored. */
  cancel(): void;
}

/**
 * Runs `run` at most once per `minIntervalMs`, never two at once, and always once more after the last
 * request: a burst of requests becomes one run now and one at the end. A slow run stretches the interval.
 */
export function createCoalescer(
  run: () => Promise<unknown> | void,
  minIntervalMs: number,
  now: () => number = () => Date.now(),
): Coalescer {
  let pending = false;
  let running = false;
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastStart = Number.NEGATIVE_INFINITY;

  const schedule = (): void => {
    if (cancelled || running || timer != null || !pending) return;
    const wait = Math.max(0, lastStart + minIntervalMs - now());
    timer = setTimeout(() => void fire(), wait);
  };

  const fire = async (): Promise<void> => {
    timer = null;
    if (cancelled || !pending) return;
    pending = false;
    running = true;
    lastStart = now();
    try {
      await run();
    } catch (err) {
      console.error('A coalesced task failed', err);
    } finally {
      running = false;
      schedule();
    }
  };

  return {
    request() {
      pending = true;
      schedule();
    },
    cancel() {
      cancelled = true;
      pending = false;
      if (timer != null) clearTimeout(timer);
      timer = null;
    },
  };
}
