import { ErrorCodeSchema, InboxError } from '../../shared';
import { ThreadJobError } from './thread-jobs';

/**
 * A job's failure as the caller should see it: an error the job itself gave with an inbox error
 * code (a cursor from another query, a bad range) is that InboxError again; anything else as it is.
 */
export function asCallerError(err: unknown): unknown {
  const code = ErrorCodeSchema.safeParse(err instanceof ThreadJobError ? err.code : undefined);
  return code.success ? new InboxError(code.data, (err as Error).message) : err;
}
