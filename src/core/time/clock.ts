/**
 * Where the inbox reads the time. One clock is injected into the service and handed down to every
 * part that needs "now" (sync, outbox, audit, reports, private-reply windows, credentials), so that
 * nothing reads the wall clock behind the service's back and tests run at a date they choose.
 * Durations that only wait (timers, timeouts) are not dates and stay on the event loop's timers.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The operating system's clock: what the app and the hub run on. */
export const systemClock: Clock = { now: () => Date.now() };

/** The clock's time as a Date. */
export function dateOf(clock: Clock): Date {
  return new Date(clock.now());
}

/** The clock's time as an ISO 8601 string, as the model stores dates. */
export function isoOf(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}

/** A clock that stands still until it is set or moved: for tests and for replaying a scenario. */
export class ManualClock implements Clock {
  private ms: number;

  constructor(start: number | string | Date) {
    this.ms = ManualClock.toMs(start);
  }

  now(): number {
    return this.ms;
  }

  set(to: number | string | Date): void {
    this.ms = ManualClock.toMs(to);
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  private static toMs(value: number | string | Date): number {
    const ms =
      typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : +value;
    if (!Number.isFinite(ms)) throw new RangeError(`Not a time: ${String(value)}`);
    return ms;
  }
}

/**
 * A clock that runs at the system's pace from a chosen start: a scenario replayed at its own date,
 * whatever today's date is.
 */
export function clockStartingAt(start: number | string | Date, base: Clock = systemClock): Clock {
  return shiftedClock(new ManualClock(start).now() - base.now(), base);
}

/** The system's clock moved by a fixed amount: the same instant in two processes. */
export function shiftedClock(offsetMs: number, base: Clock = systemClock): Clock {
  return { now: () => base.now() + offsetMs };
}

/** How far `clock` is from `base`, for handing the same time to another process. */
export function offsetOf(clock: Clock, base: Clock = systemClock): number {
  return clock.now() - base.now();
}
