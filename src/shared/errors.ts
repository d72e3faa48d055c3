import { z } from 'zod';

/** Every error that crosses a process boundary carries one of these codes. */
export const ErrorCodeSchema = z.enum([
  'bad_request',
  'not_found',
  'conflict',
  'unauthorized',
  'forbidden',
  /** An Idempotency-Key already used for another request (another call or another input). */
  'idempotency_mismatch',
  'rate_limited',
  /** The request's body is larger than the service takes. */
  'payload_too_large',
  /** The request's body is in a format the service does not read (it reads JSON). */
  'unsupported_media_type',
  /** The request named a host (its Host header) this service does not answer for. */
  'misdirected',
  'unavailable',
  /** The data folder is full (ENOSPC, EDQUOT): nothing was saved. */
  'storage_full',
  /** The data folder cannot be written (EACCES, EPERM, EROFS, EIO): nothing was saved. */
  'storage_unavailable',
  /** The translation service's quota for the period is used up (DeepL 456): nothing was translated. */
  'translation_quota_exceeded',
  /** The translation service refused the inbox's key (missing, wrong or revoked). */
  'translation_key_refused',
  /** The text is longer than the translation service takes in one request. */
  'translation_too_long',
  /** The translation service did not answer in time. */
  'translation_timeout',
  /** No translation service is configured, or it failed otherwise (5xx, refused connection). */
  'translation_unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorBodySchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Structured detail, e.g. which fields were invalid. Never contains secrets or stack traces. */
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The envelope every call returns across IPC and HTTP. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ErrorBody };

export const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorBodySchema }),
]);

export class InboxError extends Error {
  override readonly name = 'InboxError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromBody(body: ErrorBody): InboxError {
    return new InboxError(body.code, body.message, body.details);
  }
}

/** Turns a zod failure into the list of offending fields, for a bad_request error. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Maps anything thrown to a safe error body: known errors keep their code, others become internal. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof InboxError) return err.toBody();
  if (err instanceof z.ZodError)
    return { code: 'bad_request', message: 'Invalid input', details: describeIssues(err) };
  return { code: 'internal', message: 'Internal error' };
}
