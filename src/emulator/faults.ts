/**
 * A failure to play on matching requests: an HTTP error with the platform's server-error body, a
 * request left unanswered (a timeout on the client's side), a connection reset, or one of X's
 * refusals as X words it (X requests only; elsewhere they play as a 500):
 * - `rate-limited`: 429 with `x-rate-limit-remaining: 0` (as does an `error` of status 429 on X);
 * - `daily-cap`: 429 with the user's `x-user-limit-24hour-remaining: 0`;
 * - `usage-capped`: 429 `usage-capped` problem, the monthly cap of the app's plan;
 * - `client-forbidden`: 403 `client-forbidden` problem;
 * - `dm-forbidden`: 403, the user cannot be sent a direct message.
 */
export interface Fault {
  /** `deepl` and `libretranslate`: the emulated translation services. */
  platform: 'x' | 'graph' | 'deepl' | 'libretranslate' | 'any';
  /**
   * Graph only: `throttle` answers as Graph throttles (`code` 4, 17, 32 or 80001, 80001 by default,
   * with the usage headers and `regainMinutes` as `estimated_time_to_regain_access`), and
   * `empty-page` answers a list with an empty page that still has `next`. X only: `rate-limited`,
   * `daily-cap`, `usage-capped`, `client-forbidden`, `dm-forbidden` answer as X refuses.
   */
  kind:
    | 'error'
    | 'timeout'
    | 'reset'
    | 'throttle'
    | 'empty-page'
    | 'rate-limited'
    | 'daily-cap'
    | 'usage-capped'
    | 'client-forbidden'
    | 'dm-forbidden'
    | 'slow';
  /** `slow`: how long the request is held before the platform handles it (1000 ms by default). */
  delayMs?: number;
  /** The throttle's error code. */
  code?: 4 | 17 | 32 | 80001;
  /** Minutes until the throttle ends, as the Page's `X-Business-Use-Case-Usage` says (60 by default). */
  regainMinutes?: number;
  /** HTTP status of an `error` fault: 500 (default), 502, 503, 429... */
  status?: number;
  /** Only requests whose path (below `/x` or `/graph`) contains this text or matches this pattern. */
  path?: string | RegExp;
  /** How many matching requests fail; 1 by default, `Infinity` until `clearFaults()`. */
  times?: number;
  /**
   * When the fault plays. `before` (the default): the platform never sees the request, nothing is
   * done. `after`: the platform handles the request first (a write is made and journaled), then
   * the answer is lost (withheld, the connection reset, or replaced by the error), as when a real
   * platform performs a call and the network fails on the way back.
   */
  when?: 'before' | 'after';
  /** How many matching requests go through untouched before the fault plays (0 by default). */
  skip?: number;
}

interface Armed extends Fault {
  remaining: number;
  skipping: number;
}

/** The faults waiting for requests, consumed in the order they were added. */
export class FaultPlan {
  private armed: Armed[] = [];

  add(fault: Fault): void {
    this.armed.push({ ...fault, remaining: fault.times ?? 1, skipping: fault.skip ?? 0 });
  }

  clear(): void {
    this.armed = [];
  }

  /**
   * The fault this request hits, if any, counting it as used. The first armed fault that matches
   * decides: while it is still letting requests through (`skip`), the request goes untouched.
   */
  take(platform: 'x' | 'graph' | 'deepl' | 'libretranslate', path: string): Fault | null {
    const fault = this.armed.find(
      (f) =>
        f.remaining > 0 &&
        (f.platform === 'any' || f.platform === platform) &&
        (f.path === undefined ||
          (typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path))),
    );
    if (!fault) return null;
    if (fault.skipping > 0) {
      fault.skipping -= 1;
      return null;
    }
    fault.remaining -= 1;
    this.armed = this.armed.filter((f) => f.remaining > 0);
    return fault;
  }
}
