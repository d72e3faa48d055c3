/** One key's state in a fixed window: calls counted since `windowStart`. */
export interface WindowState {
  /** Calls accepted in the current window, this one included when it was accepted. */
  used: number;
  limit: number;
  /** When the window ends, in epoch milliseconds. */
  resetAtMs: number;
  /** False when the limit was already reached: the call is refused and not counted. */
  allowed: boolean;
}

/**
 * Fixed-window call counters keyed by anything (endpoint + token for X, app or Page for Graph). A
 * window opens with a key's first call and lasts `windowMs`; a call past the limit is refused until
 * the window ends, as X's 15-minute windows and Graph's rolling hour behave closely enough.
 */
export class WindowCounter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one call against `key` when the limit allows it. */
  take(key: string, limit: number): WindowState {
    const state = this.current(key);
    const allowed = state.used < limit;
    if (allowed) state.used += 1;
    return { used: state.used, limit, resetAtMs: state.start + this.windowMs, allowed };
  }

  /** The window of `key` without counting a call. */
  peek(key: string, limit: number): WindowState {
    const state = this.current(key);
    return {
      used: state.used,
      limit,
      resetAtMs: state.start + this.windowMs,
      allowed: state.used < limit,
    };
  }

  private current(key: string): { start: number; used: number } {
    const now = this.now();
    let state = this.windows.get(key);
    if (!state || now >= state.start + this.windowMs) {
      state = { start: now, used: 0 };
      this.windows.set(key, state);
    }
    return state;
  }
}
