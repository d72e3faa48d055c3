import { WindowCounter } from './rate-limit';

/** How many posts X takes in 24 hours, per user and for the whole app. */
export interface PostingCaps {
  user24h: number;
  app24h: number;
}

/**
 * X's 24-hour posting caps: 2,400 posts a day for an account (X's account limits) and 10,000 a day
 * for the app (the Pro plan's `POST /2/tweets` app limit).
 */
export const DEFAULT_POSTING_CAPS: PostingCaps = { user24h: 2400, app24h: 10_000 };
const DAY_MS = 24 * 60 * 60_000;

export interface CapAnswer {
  allowed: boolean;
  headers: Record<string, string>;
}

function headersOf(
  prefix: 'x-user-limit-24hour' | 'x-app-limit-24hour',
  limit: number,
  used: number,
  resetAtMs: number,
): Record<string, string> {
  return {
    [`${prefix}-limit`]: String(limit),
    [`${prefix}-remaining`]: String(Math.max(0, limit - used)),
    [`${prefix}-reset`]: String(Math.floor(resetAtMs / 1000)),
  };
}

/** Counts the posts made against the user's and the app's 24-hour caps and reports both in headers. */
export class PostingCapCounter {
  private readonly windows: WindowCounter;

  constructor(
    private readonly caps: PostingCaps,
    private readonly now: () => number,
  ) {
    this.windows = new WindowCounter(DAY_MS, now);
  }

  /** Whether `userId` may post now, and the caps as they stand. */
  peek(userId: string): CapAnswer {
    return this.answer(userId, false);
  }

  /** Counts a post made by `userId`; the caps after it. */
  take(userId: string): CapAnswer {
    return this.answer(userId, true);
  }

  private answer(userId: string, count: boolean): CapAnswer {
    const take = count
      ? this.windows.take.bind(this.windows)
      : this.windows.peek.bind(this.windows);
    const user = take(`user|${userId}`, this.caps.user24h);
    const app = take('app', this.caps.app24h);
    return {
      allowed: user.allowed && app.allowed,
      headers: {
        ...headersOf('x-user-limit-24hour', user.limit, user.used, user.resetAtMs),
        ...headersOf('x-app-limit-24hour', app.limit, app.used, app.resetAtMs),
      },
    };
  }

  /** The headers of a user whose own cap is used up, for an injected `daily-cap` fault. */
  exhausted(): Record<string, string> {
    const app = this.windows.peek('app', this.caps.app24h);
    return {
      ...headersOf(
        'x-user-limit-24hour',
        this.caps.user24h,
        this.caps.user24h,
        this.now() + DAY_MS,
      ),
      ...headersOf('x-app-limit-24hour', app.limit, app.used, app.resetAtMs),
    };
  }
}
