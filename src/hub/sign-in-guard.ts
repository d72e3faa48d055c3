import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/rate-limit';
import type { ErrorBody } from '../shared';

/** Sign-in attempts a client address may make per minute, unless configured otherwise. */
export const DEFAULT_SIGN_IN_LIMIT = 30;
const WINDOW_MS = 60_000;

/** Counts one sign-in attempt of a request's address: null, or how long until it may try again. */
export type SignInAttempts = (request: FastifyRequest) => Promise<{ retryAfterS: number } | null>;

/** A count of attempts kept where every hub on one database reads it (see AttemptCounter). */
export type SharedSignInAttempts = (
  key: string,
  windowMs: number,
) => Promise<{ current: number; ttlMs: number }>;

/**
 * Sign-in attempts per client address and minute: every browser sign-in, and every call made with
 * a token that signs nobody in (calls with a valid token are not counted). Past the limit, the
 * address gets 429 until its minute is over. Where several hubs share one database the count is
 * kept in it (`shared`), so an address has one limit whichever hub it tries.
 */
export function signInAttempts(
  app: FastifyInstance,
  perMinute: number,
  shared?: SharedSignInAttempts,
): SignInAttempts {
  if (shared)
    return async (request) => {
      const { current, ttlMs } = await shared(`sign-in:${request.ip}`, WINDOW_MS);
      return current > perMinute ? { retryAfterS: Math.max(1, Math.ceil(ttlMs / 1000)) } : null;
    };
  const limit = app.createRateLimit({
    max: perMinute,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `sign-in:${request.ip}`,
  });
  return async (request) => {
    const result = await limit(request);
    return !result.isAllowed && result.isExceeded
      ? { retryAfterS: Math.max(1, result.ttlInSeconds) }
      : null;
  };
}

export function tooManySignIns(retryAfterS: number): ErrorBody {
  return {
    code: 'rate_limited',
    message: `Too many sign-in attempts from this address: try again in ${retryAfterS} s`,
    details: { retryAfterSeconds: retryAfterS },
  };
}

/**
 * Which sign-ins are worth an audit entry: the first of a token from one client (a browser, a
 * desktop app) at one address within an hour. A browser that signs in again and again, or a
 * desktop app restarted, is recorded once. Kept in memory, bounded; only hashes are kept.
 */
export class RecentSignIns {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly options: { windowMs?: number; max?: number; now?: () => number } = {},
  ) {}

  /** True when this sign-in should be recorded (and it is remembered from now on). */
  isNew(token: string, client: string, address: string): boolean {
    const windowMs = this.options.windowMs ?? 3_600_000;
    const now = (this.options.now ?? Date.now)();
    const key = createHash('sha256').update(`${token}\n${client}\n${address}`).digest('base64');
    const last = this.seen.get(key);
    if (last != null && now - last < windowMs) return false;
    // Re-inserted, so the map stays in order of last record and the oldest goes first.
    this.seen.delete(key);
    this.seen.set(key, now);
    if (this.seen.size > (this.options.max ?? 10_000))
      this.seen.delete(this.seen.keys().next().value!);
    return true;
  }
}
