import { z } from 'zod';
import { httpRoutes } from './api';
import type { ApiMethodName, CallOptions } from './api';
import type { ErrorBody } from './errors';

/**
 * Retries without doing things twice. Each write call (every call whose HTTP route is not a GET)
 * may carry an Idempotency-Key, one per user action, reused by every automatic retry of that
 * action. The host that runs the call remembers, per agent and key, the answer it gave (for at
 * least 24 hours, across restarts): a retry with the same key gets that answer again and changes
 * nothing; the same key with another call or another input is refused (422
 * `idempotency_mismatch`); a retry that arrives while the first is still running waits for its
 * answer.
 */

/** The HTTP header (case-insensitive; Node lowers it). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** A UUID in practice; any 8 to 200 visible ASCII characters. */
export const IdempotencyKeySchema = z
  .string()
  .regex(
    /^[\x21-\x7E]{8,200}$/,
    'an Idempotency-Key is 8 to 200 visible ASCII characters, such as a UUID',
  );

/** The options a client adds to a call (the second argument over Electron IPC). */
export const CallOptionsSchema = z
  .object({ idempotencyKey: IdempotencyKeySchema.optional() })
  .strict() satisfies z.ZodType<CallOptions>;

/** Whether a call changes something, so takes an Idempotency-Key: every call not served by GET. */
export function takesIdempotencyKey(name: ApiMethodName): boolean {
  return httpRoutes[name].method !== 'GET';
}

/**
 * A new key for one user action: a random UUID. `crypto.randomUUID` exists only in secure contexts
 * (https, localhost), and a team hub may be served over plain http on a LAN, so the same UUID v4 is
 * built from `crypto.getRandomValues` where it does not.
 */
export function newIdempotencyKey(): string {
  const webCrypto = globalThis.crypto;
  if (typeof webCrypto.randomUUID === 'function') return webCrypto.randomUUID();
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The key an HTTP request carries, from its headers: null when it carries none, an error body when
 * the header is malformed or given twice.
 */
export function idempotencyKeyOf(
  headers: Record<string, string | string[] | undefined>,
): { key: string | null } | { error: ErrorBody } {
  const value = headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return { key: null };
  const parsed = IdempotencyKeySchema.safeParse(value);
  if (parsed.success) return { key: parsed.data };
  return {
    error: {
      code: 'bad_request',
      message: Array.isArray(value)
        ? 'Send one Idempotency-Key per request'
        : 'Invalid Idempotency-Key: 8 to 200 visible ASCII characters, such as a UUID',
    },
  };
}

/** The answer to a key reused for another request. */
export function idempotencyMismatch(): ErrorBody {
  return {
    code: 'idempotency_mismatch',
    message:
      'This Idempotency-Key was already used for another request: send a new key for a new action',
  };
}
