/**
 * A failure to play on matching requests: an HTTP error with the platform's server-error body, a
 * request left unanswered (a timeout on the client's side), or a connection reset.
 */
export interface Fault {
  platform: 'x' | 'graph' | 'any';
  kind: 'error' | 'timeout' | 'reset';
  /** HTTP status of an `error` fault: 500 (default), 502, 503... */
  status?: number;
  /** Only requests whose path (below `/x` or `/graph`) contains this text or matches this pattern. */
  path?: string | RegExp;
  /** How many matching requests fail; 1 by default, `Infinity` until `clearFaults()`. */
  times?: number;
}

interface Armed extends Fault {
  remaining: number;
}

/** The faults waiting for requests, consumed in the order they were added. */
export class FaultPlan {
  private armed: Armed[] = [];

  add(fault: Fault): void {
    this.armed.push({ ...fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  /** The fault this request hits, if any, counting it as used. */
  take(platform: 'x' | 'graph', path: string): Fault | null {
    const fault = this.armed.find(
      (f) =>
        f.remaining > 0 &&
        (f.platform === 'any' || f.platform === platform) &&
        (f.path === undefined ||
          (typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path))),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    this.armed = this.armed.filter((f) => f.remaining > 0);
    return fault;
  }
}
