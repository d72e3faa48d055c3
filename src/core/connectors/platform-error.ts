import { InboxError } from '../../shared';

/** How a platform call failed, as far as sync needs to know. */
export type PlatformFailure =
  /** Too many calls: wait until `retryAt`. */
  | 'rate_limited'
  /** The token no longer works: the user must reconnect. */
  | 'expired'
  | 'revoked'
  /** Server error, timeout or network failure: try again later. */
  | 'transient'
  /** The platform refused this request as such (bad parameters, permissions). */
  | 'rejected';

export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly kind: PlatformFailure,
    message: string,
    readonly retryAt: Date | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
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
          : 'unauthorized';
  return new InboxError(code, err.message);
}
