import { InboxError } from '../../shared';
import type { AccountIssue } from '../../shared';

/** How a platform call failed, as far as sync needs to know. */
export type PlatformFailure =
  /** Too many calls: wait until `retryAt`. */
  | 'rate_limited'
  /** The token no longer works: the user must reconnect. */
  | 'expired'
  | 'revoked'
  /** Server error, timeout or network failure: try again later. */
  | 'transient'
  /** The token lacks a permission: the user must reconnect and grant it. */
  | 'permission'
  /** The platform refused this request as such (bad parameters). */
  | 'rejected';

export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly kind: PlatformFailure,
    message: string,
    readonly retryAt: Date | null = null,
    readonly status: number | null = null,
    /** A pause the platform did not date (no reset header): how long, from when it is handled. */
    readonly retryAfterMs: number | null = null,
    /** What holds the account, when the platform said (a posting cap, a usage cap, missing access). */
    readonly reason: AccountIssue | null = null,
    /** For `permission`: the permission to grant when reconnecting, when the platform names it. */
    readonly permission: string | null = null,
  ) {
    super(message);
  }

  /** When calls may resume: the platform's reset time, or the undated pause from `now`. */
  resumeAt(now: number): Date | null {
    if (this.retryAt) return this.retryAt;
    return this.retryAfterMs != null ? new Date(now + this.retryAfterMs) : null;
  }
}

/** A platform's refusal as the clients see it (other errors pass through): the account's state tells the rest. */
export function asInboxError(err: unknown): unknown {
  if (!(err instanceof PlatformError)) return err;
  const code =
    err.kind === 'rate_limited'
      ? 'rate_limited'
      : err.kind === 'transient'
        ? 'unavailable'
        : err.kind === 'rejected'
          ? 'bad_request'
          : err.kind === 'permission'
            ? 'forbidden'
            : 'unauthorized';
  return new InboxError(code, err.message);
}

/** How long a platform call may take, answer included, before it is given up as transient. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

/** What went wrong below HTTP: the call may be tried again later. */
export type NetworkTrouble =
  'timeout' | 'refused' | 'reset' | 'unreachable' | 'aborted' | 'network';

/** Codes of connections that could not be made or broke (Node's net, http and undici's). */
const TROUBLE_BY_CODE: Readonly<Record<string, NetworkTrouble>> = {
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  ECONNABORTED: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETDOWN: 'unreachable',
  EHOSTDOWN: 'unreachable',
};
/** When several errors of a chain say something, the most telling wins. */
const PRECEDENCE: NetworkTrouble[] = [
  'timeout',
  'refused',
  'reset',
  'unreachable',
  'aborted',
  'network',
];

const WORDS: Record<NetworkTrouble, string> = {
  timeout: 'no answer in time',
  refused: 'connection refused',
  reset: 'connection reset',
  unreachable: 'host unreachable',
  aborted: 'call aborted',
  network: 'network failure',
};

/**
 * What a network-level failure was, from the error and the errors it wraps (`cause`, an
 * AggregateError's `errors`): fetch's `TypeError: fetch failed`, Node's `ECONNRESET` / "socket hang
 * up", undici's `UND_ERR_*`, an aborted or timed-out signal. Null for anything else.
 */
export function networkTrouble(err: unknown): { trouble: NetworkTrouble; code: string } | null {
  const found: { trouble: NetworkTrouble; code: string }[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): void => {
    if (e === null || typeof e !== 'object' || seen.has(e) || depth > 5) return;
    seen.add(e);
    const { code, name, message, cause, errors } = e as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    const text = typeof message === 'string' ? message : '';
    if (typeof code === 'string' && TROUBLE_BY_CODE[code]) {
      found.push({ trouble: TROUBLE_BY_CODE[code], code });
    } else if (typeof code === 'string' && code.startsWith('UND_ERR_')) {
      found.push({ trouble: 'network', code });
    } else if (name === 'TimeoutError') {
      found.push({ trouble: 'timeout', code: 'TimeoutError' });
    } else if (name === 'AbortError' || code === 'ABORT_ERR') {
      // Aborted by a deadline (its cause says so) or by whoever stopped the call.
      found.push({ trouble: 'aborted', code: 'AbortError' });
    } else if (/socket hang up|other side closed|^terminated$/i.test(text)) {
      found.push({ trouble: 'reset', code: text });
    } else if (name === 'TypeError' && text === 'fetch failed') {
      found.push({ trouble: 'network', code: text });
    }
    visit(cause, depth + 1);
    if (Array.isArray(errors)) for (const inner of errors) visit(inner, depth + 1);
  };
  visit(err, 0);
  found.sort((a, b) => PRECEDENCE.indexOf(a.trouble) - PRECEDENCE.indexOf(b.trouble));
  return found[0] ?? null;
}

/**
 * A call that failed below HTTP as the transient platform error sync and the outbox act on: the
 * platform (`X`, `Facebook`) could not be reached, or did not answer within `timeoutMs`.
 */
export function unreachable(platform: string, err: unknown, timeoutMs?: number): PlatformError {
  const found = networkTrouble(err);
  const detail = (err as { message?: unknown } | null)?.message;
  const what = found
    ? found.code === 'TimeoutError' && timeoutMs !== undefined
      ? `no answer within ${timeoutMs} ms`
      : `${WORDS[found.trouble]} (${found.code})`
    : typeof detail === 'string' && detail
      ? detail
      : String(err);
  return new PlatformError('transient', `${platform} could not be reached: ${what}`);
}
