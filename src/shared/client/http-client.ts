import { EVENTS_PATH, apiMethods, httpRoutes } from '../api';
import type { ApiInput, ApiMethodName, ApiOutput, InboxApi } from '../api';
import { EnvelopeSchema, InboxError, describeIssues } from '../errors';
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

export function createHttpInboxApi(origin: string, options: HttpInboxApiOptions = {}): InboxApi {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function call<M extends ApiMethodName>(name: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    const request = buildRequest(origin, name, input);
    let response: Response;
    try {
      response = await fetchImpl(request.url, {
        method: request.method,
        headers: {
          accept: 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: request.body,
        credentials: 'same-origin',
        signal: AbortSignal.timeout(LONG_CALLS[name] ?? timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      throw new InboxError(
        'unavailable',
        timedOut
          ? 'The inbox service took too long to answer.'
          : 'The inbox service cannot be reached. Check your connection.',
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new InboxError(
        'unavailable',
        `The inbox service sent an unreadable answer (HTTP ${response.status}).`,
      );
    }
    const envelope = EnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      throw new InboxError(
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

  return {
    listConversations: (input) => call('listConversations', input),
    getConversation: (input) => call('getConversation', input),
    listAccounts: (input) => call('listAccounts', input),
    startConnect: (input) => call('startConnect', input),
    finishConnect: (input) => call('finishConnect', input),
    connectPages: (input) => call('connectPages', input),
    cancelConnect: (input) => call('cancelConnect', input),
    disconnectAccount: (input) => call('disconnectAccount', input),
    sendReply: (input) => call('sendReply', input),
    updateConversation: (input) => call('updateConversation', input),
    hidePost: (input) => call('hidePost', input),
    whoAmI: (input) => call('whoAmI', input),
    listAgents: (input) => call('listAgents', input),
    createAgent: (input) => call('createAgent', input),
    connectHub: (input) => call('connectHub', input),
    leaveHub: (input) => call('leaveHub', input),
    addNote: (input) => call('addNote', input),
    reportPresence: (input) => call('reportPresence', input),
    listPresence: (input) => call('listPresence', input),
    onEvent: (listener) => events().subscribe(listener),
  };
}
