import { apiMethods } from '../../shared/api';
import type { ApiMethodName, CallOptions, InboxClient } from '../../shared/api';
import { ErrorBodySchema, InboxError } from '../../shared/errors';
import { newIdempotencyKey, takesIdempotencyKey } from '../../shared/idempotency';
import type { ConnectionState } from '../../shared/client/event-stream';
import { createHttpInboxApi } from '../../shared/client/http-client';
import { desktopSession, hubSession } from './session';
import type { SessionClient } from './session';

type Listener = (state: ConnectionState) => void;
const connectionListeners = new Set<Listener>();
let connectionState: ConnectionState = 'open';

/** The live-event connection's state: always `open` over Electron IPC, tracked over WebSocket. */
export const connection = {
  get state(): ConnectionState {
    return connectionState;
  },
  subscribe(listener: Listener): () => void {
    connectionListeners.add(listener);
    listener(connectionState);
    return () => connectionListeners.delete(listener);
  },
};

function setConnectionState(state: ConnectionState): void {
  connectionState = state;
  for (const listener of [...connectionListeners]) listener(state);
}

/**
 * The options of one call over IPC: a write gets the Idempotency-Key of its user action (the
 * caller's, or a new one for this call), which main keeps, or sends on to the hub with each retry.
 */
function keyed(name: ApiMethodName, options: CallOptions | undefined): CallOptions | undefined {
  if (!takesIdempotencyKey(name)) return options;
  return { ...options, idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey() };
}

/**
 * Errors cross Electron's contextBridge as plain data (`{name, code, message, details}`): turn them
 * back into InboxErrors, so the UI handles IPC and HTTP failures alike. Each write goes with its
 * Idempotency-Key.
 */
export function fromBridge(bridge: InboxClient): InboxClient {
  const revive = (err: unknown): never => {
    const body = ErrorBodySchema.safeParse(err);
    throw body.success
      ? InboxError.fromBody(body.data)
      : new InboxError('internal', 'Internal error');
  };
  const api: Partial<Record<ApiMethodName, unknown>> = {};
  for (const name of Object.keys(apiMethods) as ApiMethodName[]) {
    const call = bridge[name] as (input: unknown, options?: CallOptions) => Promise<unknown>;
    api[name] = (input: unknown, options?: CallOptions) => {
      const callOptions = keyed(name, options);
      return (callOptions === undefined ? call(input) : call(input, callOptions)).catch(revive);
    };
  }
  return {
    ...(api as Omit<InboxClient, 'onEvent'>),
    onEvent: (listener) => bridge.onEvent(listener),
  };
}

/**
 * `window.inbox` when the Electron preload exposed it, otherwise the hub at `origin` (whose HTTP
 * client gives each write its Idempotency-Key and keeps it through its retries).
 */
export function resolveInboxApi(
  win: { inbox?: InboxClient } | undefined,
  origin: string,
): InboxClient {
  if (win?.inbox != null) return fromBridge(win.inbox);
  return createHttpInboxApi(origin, { onConnectionChange: setConnectionState });
}

let api: InboxClient | null = null;

/** The one InboxApi of this window. */
export function getInboxApi(): InboxClient {
  api ??= resolveInboxApi(globalThis.window, globalThis.location?.origin ?? 'http://localhost');
  return api;
}

/** How this window signs in: not at all in the desktop app, at the hub in a browser. */
export function getSessionClient(): SessionClient {
  const win = globalThis.window as { inbox?: InboxClient } | undefined;
  return win?.inbox != null
    ? desktopSession
    : hubSession(globalThis.location?.origin ?? 'http://localhost');
}
