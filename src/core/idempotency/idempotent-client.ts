import { InboxError, apiMethods, takesIdempotencyKey, toErrorBody } from '../../shared';
import type { ApiMethodName, CallOptions, Envelope, InboxApi, InboxClient } from '../../shared';
import type { IdempotencyGuard } from './idempotency-guard';

/**
 * An inbox running in this process, as a client calls it: a write made with an Idempotency-Key
 * runs through the guard (a retry gets the first answer; see IdempotencyGuard), every call made as
 * `agentId`, the user of a solo inbox. Inputs are expected validated, as a host does first.
 */
export function idempotentClient(
  api: InboxApi,
  guard: IdempotencyGuard,
  agentId: string,
): InboxClient {
  const calls: Partial<Record<ApiMethodName, unknown>> = {};
  for (const name of Object.keys(apiMethods) as ApiMethodName[]) {
    const run = (input: unknown) =>
      (api[name] as (input: unknown) => Promise<unknown>).call(api, input);
    calls[name] = async (input: unknown, options?: CallOptions) => {
      const key = options?.idempotencyKey;
      if (key == null || !takesIdempotencyKey(name)) return run(input);
      // What this very call threw, to hand the host the error itself (for its log), not its body.
      let thrown: { error: unknown } | null = null;
      const answer = await guard.run(
        { agentId, key, method: name, input },
        async (): Promise<Envelope<unknown>> => {
          try {
            return { ok: true, result: await run(input) };
          } catch (error) {
            thrown = { error };
            return { ok: false, error: toErrorBody(error) };
          }
        },
      );
      if (thrown != null) throw (thrown as { error: unknown }).error;
      if (answer.ok) return answer.result;
      throw InboxError.fromBody(answer.error);
    };
  }
  return {
    ...(calls as Omit<InboxClient, 'onEvent'>),
    onEvent: (listener) => api.onEvent(listener),
  };
}
