import { GraphError, appLimitReached } from './graph-errors';
import type { WindowCounter } from './rate-limit';

/**
 * How many calls make 100 % of the usage Graph reports. App and user tokens fall under the
 * platform limit (`X-App-Usage`, a rolling hour); Page tokens under the Pages Business Use Case
 * limit (`X-Business-Use-Case-Usage`, a rolling 24 hours of 4,800 calls × the Page's engaged users)
 * (developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
export interface GraphBudget {
  appCallsPerHour: number;
  pageCallsPerDay: number;
}

export const DEFAULT_GRAPH_BUDGET: GraphBudget = {
  appCallsPerHour: 20_000,
  // 4,800 × 1,000 engaged users.
  pageCallsPerDay: 4_800_000,
};

const DAY_MS = 24 * 60 * 60_000;
const BUCKET_MS = 60_000;

/** Throttled with a Page token: the Pages business use case is spent (code 80001). */
export const pagesUseCaseLimitReached = () =>
  new GraphError(
    400,
    '(#80001) There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
    'OAuthException',
    80001,
    { is_transient: true },
  );

function percentages(percent: number) {
  return {
    call_count: percent,
    total_cputime: Math.floor(percent / 2),
    total_time: Math.floor((percent * 3) / 4),
  };
}

const percentOf = (used: number, budget: number) =>
  Math.min(100, Math.floor((used * 100) / Math.max(1, budget)));

/**
 * Calls per key over a rolling window, counted in one-minute buckets: a call leaves the window a
 * day after its minute, so usage falls gradually rather than all at once.
 */
class RollingCounter {
  private readonly buckets = new Map<string, { minute: number; calls: number }[]>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  private live(key: string): { minute: number; calls: number }[] {
    const oldest = Math.floor((this.now() - this.windowMs) / BUCKET_MS);
    const list = (this.buckets.get(key) ?? []).filter((b) => b.minute > oldest);
    this.buckets.set(key, list);
    return list;
  }

  used(key: string): number {
    return this.live(key).reduce((sum, b) => sum + b.calls, 0);
  }

  add(key: string, calls = 1): void {
    const list = this.live(key);
    const minute = Math.floor(this.now() / BUCKET_MS);
    const last = list[list.length - 1];
    if (last?.minute === minute) last.calls += calls;
    else list.push({ minute, calls });
  }

  /** Minutes until fewer than `limit` calls remain in the window (0 when already below). */
  regainMinutes(key: string, limit: number): number {
    const list = this.live(key);
    let used = list.reduce((sum, b) => sum + b.calls, 0);
    for (const bucket of list) {
      if (used < limit) break;
      used -= bucket.calls;
      if (used < limit) {
        const leavesAt = (bucket.minute + 1) * BUCKET_MS + this.windowMs;
        return Math.max(1, Math.ceil((leavesAt - this.now()) / 60_000));
      }
    }
    return 0;
  }
}

/** A throttle to play instead of an answer (an injected fault): its code and the time to regain. */
export interface Throttle {
  code: 4 | 17 | 32 | 80001;
  regainMinutes: number;
}

/**
 * Graph's rate limits as the emulator plays them. Every call with an app or user token counts
 * against the app within an hour (`X-App-Usage`; at 100 % code 4). Every call with a Page token
 * counts against that Page's business use case within a rolling day (`X-Business-Use-Case-Usage`
 * with `estimated_time_to_regain_access` in minutes; at 100 % code 80001).
 */
export class GraphUsage {
  private readonly pages: RollingCounter;

  constructor(
    private readonly counter: WindowCounter,
    private readonly budget: GraphBudget,
    now: () => number,
  ) {
    this.pages = new RollingCounter(DAY_MS, now);
  }

  /** Counts a call; `refusal` is set when the budget that applies is spent. */
  take(pageId: string | null): { headers: Record<string, string>; refusal: GraphError | null } {
    if (pageId === null) {
      const state = this.counter.take('app', this.budget.appCallsPerHour);
      return {
        headers: {
          'x-app-usage': JSON.stringify(
            percentages(percentOf(state.used, this.budget.appCallsPerHour)),
          ),
        },
        refusal: state.allowed ? null : appLimitReached(),
      };
    }
    const limit = this.budget.pageCallsPerDay;
    const allowed = this.pages.used(pageId) < limit;
    if (allowed) this.pages.add(pageId);
    const regain = allowed ? 0 : this.pages.regainMinutes(pageId, limit);
    return {
      headers: this.useCaseHeader(pageId, percentOf(this.pages.used(pageId), limit), regain),
      refusal: allowed ? null : pagesUseCaseLimitReached(),
    };
  }

  /** The headers and error of an injected throttle, for the Page of the token when there is one. */
  throttle(pageId: string | null, throttle: Throttle) {
    const error = throttleError(throttle.code);
    const headers =
      pageId === null
        ? { 'x-app-usage': JSON.stringify(percentages(100)) }
        : this.useCaseHeader(pageId, 100, throttle.regainMinutes);
    return { headers, error };
  }

  private useCaseHeader(pageId: string, percent: number, regainMinutes: number) {
    return {
      'x-business-use-case-usage': JSON.stringify({
        [pageId]: [
          {
            type: 'pages',
            ...percentages(percent),
            estimated_time_to_regain_access: regainMinutes,
          },
        ],
      }),
    };
  }
}

/** The error body Graph throttles with, by code (developers.facebook.com/docs/graph-api/guides/error-handling). */
export function throttleError(code: Throttle['code']): GraphError {
  switch (code) {
    case 4:
      return appLimitReached();
    case 17:
      return new GraphError(400, '(#17) User request limit reached', 'OAuthException', 17, {
        is_transient: true,
      });
    case 32:
      return new GraphError(400, '(#32) Page request limit reached', 'OAuthException', 32, {
        is_transient: true,
      });
    case 80001:
      return pagesUseCaseLimitReached();
  }
}
