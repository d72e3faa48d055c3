export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  random?: () => number;
}

/** Exponential backoff with jitter: 1 s, 2 s, 4 s … capped, each scaled by a random 0.5–1.5. */
export function backoffMs(
  attempt: number,
  { baseMs = 1000, capMs = 5 * 60_000, random = Math.random }: BackoffOptions = {},
): number {
  const base = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random()));
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
