import { EVENTS_PATH, apiMethods, httpRoutes } from '../api';
import type { ApiInput, ApiMethodName, ApiOutput, CallOptions, InboxClient } from '../api';
import { EnvelopeSchema, InboxError, describeIssues } from '../errors';
import { IDEMPOTENCY_HEADER, newIdempotencyKey, takesIdempotencyKey } from '../idempotency';
import { createEventStream } from './event-stream';
import type { ConnectionState, WebSocketConstructor } from './event-stream';

export interface HttpInboxApiOptions {
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Defaults to the global WebSocket (browsers); tests pass the `ws` package's. */
  WebSocket?: WebSocketConstructor;
  /** Give up on a call after this long (default 30 s). */
  timeoutMs?: number;
  /** Reconnection backoff of the event stream (default 1 s doubling to 10 s). */
  reconnect?: { minDelayMs: number; maxDelayMs: number };
  onConnectionChange?: (state: ConnectionState) => void;
  /**
   * A write that never reached the hub, or met a gateway error (502, 503, 504 without an answer
   * of the hub), is sent again this many times (default 2), after `delayMs` doubling each time
   * (default 500 ms), with the same Idempotency-Key: the hub makes it once whatever happened.
   */
  retries?: { count: number; delayMs: number };
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  body?: string;
}

/**
 * Maps one call to its HTTP request (see httpRoutes): `:name` path parameters come from the input and
 * are URL-encoded; GET sends the rest as a query string (undefined values skipped), POST as JSON.
 */
export function buildRequest(origin: string, name: ApiMethodName, input: unknown): HttpRequest {
  const route = httpRoutes[name];
  const rest: Record<string, unknown> = { ...((input ?? {}) as Record<string, unknown>) };
  const path = route.path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_match, key: string) => {
    const value = rest[key];
    if (value === undefined || value === null || value === '') {
      throw new InboxError('bad_request', `Missing "${key}" for ${name}`);
    }
    delete rest[key];
    return encodeURIComponent(String(value));
  });
  const url = new URL(path, origin);
  if (route.method === 'POST') {
    return { method: 'POST', url: url.toString(), body: JSON.stringify(rest) };
  }
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const item of values) url.searchParams.append(key, String(item));
  }
  return { method: 'GET', url: url.toString() };
}

/** The WebSocket address of the hub's event stream, on the same host as the page. */
export function eventsUrl(origin: string): string {
  const url = new URL(EVENTS_PATH, origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** The InboxApi over the hub's HTTP routes and WebSocket events. */
/** Calls that wait for the user: finishing a sign-in waits for the browser step (10 minutes). */
const LONG_CALLS: Partial<Record<ApiMethodName, number>> = { finishConnect: 11 * 60_000 };

/** Statuses a proxy or gateway answers when the hub did not: worth another try. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/** A failure after which the same request may be sent again (nothing of the hub's answer came). */
class RetriableError extends InboxError {}

export function createHttpInboxApi(origin: string, options: HttpInboxApiOptions = {}): InboxClient {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? { count: 2, delayMs: 500 };

  /**
   * One call: a write gets its Idempotency-Key here (the caller's, one per user action, or a new
   * one) and keeps it through the automatic retries.
   */
  async function call<M extends ApiMethodName>(
    name: M,
    input: ApiInput<M>,
    callOptions?: CallOptions,
  ): Promise<ApiOutput<M>> {
    const request = buildRequest(origin, name, input);
    if (!takesIdempotencyKey(name)) return attempt(name, request, null);
    const key = callOptions?.idempotencyKey ?? newIdempotencyKey();
    for (let retry = 0; ; retry++) {
      try {
        return await attempt(name, request, key);
      } catch (err) {
        if (!(err instanceof RetriableError) || retry >= retries.count)
          throw err instanceof RetriableError ? new InboxError(err.code, err.message) : err;
        await new Promise((resolve) => setTimeout(resolve, retries.delayMs * 2 ** retry));
      }
    }
  }

  async function attempt<M extends ApiMethodName>(
    name: M,
    request: HttpRequest,
    key: string | null,
  ): Promise<ApiOutput<M>> {
    let response: Response;
    try {
      response = await fetchImpl(request.url, {
        method: request.method,
        headers: {
          accept: 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(key === null ? {} : { [IDEMPOTENCY_HEADER]: key }),
        },
        body: request.body,
        credentials: 'same-origin',
        signal: AbortSignal.timeout(LONG_CALLS[name] ?? timeoutMs),
      });
    } catch (err) {
      // A request that took too long may still be running at the hub: it is not sent again.
      if (err instanceof Error && err.name === 'TimeoutError')
        throw new InboxError('unavailable', 'The inbox service took too long to answer.');
      throw new RetriableError(
        'unavailable',
        'The inbox service cannot be reached. Check your connection.',
      );
    }
    const gateway = GATEWAY_STATUSES.has(response.status);
    const Failure = gateway ? RetriableError : InboxError;
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new Failure(
        'unavailable',
        `The inbox service sent an unreadable answer (HTTP ${response.status}).`,
      );
    }
    const envelope = EnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      throw new Failure(
        'unavailable',
        `The inbox service sent an unexpected answer (HTTP ${response.status}).`,
      );
    }
    if (!envelope.data.ok) throw InboxError.fromBody(envelope.data.error);
    const output = apiMethods[name].output.safeParse(envelope.data.result);
    if (!output.success) {
      throw new InboxError(
        'internal',
        `The inbox service sent an invalid result for ${name}.`,
        describeIssues(output.error),
      );
    }
    return output.data as ApiOutput<M>;
  }

  let stream: ReturnType<typeof createEventStream> | null = null;
  const events = () => {
    if (stream == null) {
      const WebSocketImpl =
        options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketConstructor | undefined);
      if (WebSocketImpl == null) throw new Error('No WebSocket implementation is available');
      stream = createEventStream(eventsUrl(origin), {
        WebSocket: WebSocketImpl,
        minDelayMs: options.reconnect?.minDelayMs,
        maxDelayMs: options.reconnect?.maxDelayMs,
        onConnectionChange: options.onConnectionChange,
      });
    }
    return stream;
  };

  // Every call of the contract, each over its HTTP route.
  const calls = Object.fromEntries(
    (Object.keys(apiMethods) as ApiMethodName[]).map((name) => [
      name,
      (input: unknown, callOptions?: CallOptions) =>
        call(name, input as ApiInput<typeof name>, callOptions),
    ]),
  ) as Omit<InboxClient, 'onEvent'>;

  return {
    ...calls,
    onEvent: (listener) => events().subscribe(listener),
  };
}
