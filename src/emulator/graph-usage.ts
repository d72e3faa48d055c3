import { appLimitReached, pageLimitReached } from './graph-errors';
import type { GraphError } from './graph-errors';
import type { WindowCounter } from './rate-limit';

/** Calls per hour that make 100 % of the usage Graph reports, for the app and for each Page. */
export interface GraphBudget {
  appCallsPerHour: number;
  pageCallsPerHour: number;
}

export const DEFAULT_GRAPH_BUDGET: GraphBudget = {
  appCallsPerHour: 20_000,
  pageCallsPerHour: 20_000,
};

function usage(used: number, budget: number): string {
  const percent = Math.min(100, Math.floor((used * 100) / Math.max(1, budget)));
  return JSON.stringify({
    call_count: percent,
    total_cputime: Math.floor(percent / 2),
    total_time: Math.floor((percent * 3) / 4),
  });
}

/**
 * Graph's platform rate limits as the emulator plays them: every call counts against the app and
 * against the Page of its token, within an hour; the `X-App-Usage` and `X-Page-Usage` headers report
 * percentages of the budget, and at 100 % calls fail with code 4 (app) or 32 (Page).
 */
export class GraphUsage {
  constructor(
    private readonly counter: WindowCounter,
    private readonly budget: GraphBudget,
  ) {}

  /** Counts a call; `refusal` is set when the app or the Page has used its whole budget. */
  take(pageId: string | null): { headers: Record<string, string>; refusal: GraphError | null } {
    const appKey = 'app';
    const pageKey = pageId === null ? null : `page:${pageId}`;
    const app = this.counter.peek(appKey, this.budget.appCallsPerHour);
    const page = pageKey === null ? null : this.counter.peek(pageKey, this.budget.pageCallsPerHour);
    let refusal: GraphError | null = null;
    if (!app.allowed) refusal = appLimitReached();
    else if (page && !page.allowed) refusal = pageLimitReached();
    const appNow = refusal ? app : this.counter.take(appKey, this.budget.appCallsPerHour);
    const pageNow =
      pageKey === null
        ? null
        : refusal
          ? page!
          : this.counter.take(pageKey, this.budget.pageCallsPerHour);
    const headers: Record<string, string> = {
      'x-app-usage': usage(appNow.used, this.budget.appCallsPerHour),
    };
    // A call without a known Page (a refused token) reports no Page usage.
    headers['x-page-usage'] = usage(pageNow?.used ?? 0, this.budget.pageCallsPerHour);
    return { headers, refusal };
  }
}
