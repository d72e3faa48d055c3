import { apiMethods } from '../src/shared';
import type {
  ApiMethodName,
  CallOptions,
  InboxClient,
  InboxEvent,
  OpeningProgress,
  Unsubscribe,
} from '../src/shared';

/**
 * The inbox as the window calls it while it still opens: each call waits until it is open (or
 * fails as opening failed), and listeners are attached to it then. So the window shows at once,
 * and a data folder that takes minutes to move into the store shows its progress meanwhile.
 */
export function deferredClient(opened: Promise<InboxClient>): InboxClient {
  const api: Partial<Record<ApiMethodName, unknown>> = {};
  for (const name of Object.keys(apiMethods) as ApiMethodName[]) {
    api[name] = async (input: unknown, options?: CallOptions) => {
      const client = await opened;
      const call = client[name] as (input: unknown, options?: CallOptions) => Promise<unknown>;
      return options === undefined ? call.call(client, input) : call.call(client, input, options);
    };
  }
  const onEvent = (listener: (event: InboxEvent) => void): Unsubscribe => {
    let unsubscribe: Unsubscribe | null = null;
    let stopped = false;
    opened.then(
      (client) => {
        if (!stopped) unsubscribe = client.onEvent(listener);
      },
      () => undefined,
    );
    return () => {
      stopped = true;
      unsubscribe?.();
    };
  };
  return { ...(api as Omit<InboxClient, 'onEvent'>), onEvent };
}

/**
 * The import's progress as `inbox.opening` events, at most one per `everyMs` within a phase (an
 * import reports at each batch; the window needs a few a second), every phase's first at once.
 */
export function openingEvents(
  send: (event: InboxEvent) => void,
  now: () => number,
  everyMs = 100,
): (progress: OpeningProgress) => void {
  let phase: OpeningProgress['phase'] | null = null;
  let sentAt = -Infinity;
  return (progress) => {
    const at = now();
    if (progress.phase === phase && at - sentAt < everyMs) return;
    phase = progress.phase;
    sentAt = at;
    send({ type: 'inbox.opening', progress: { ...progress } });
  };
}
