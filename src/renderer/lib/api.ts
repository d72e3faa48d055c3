import { apiMethods } from '../../shared/api';
import type { ApiMethodName, InboxApi } from '../../shared/api';
import { ErrorBodySchema, InboxError } from '../../shared/errors';
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
 * Errors cross Electron's contextBridge as plain data (`{name, code, message, details}`): turn them
 * back into InboxErrors, so the UI handles IPC and HTTP failures alike.
 */
export function fromBridge(bridge: InboxApi): InboxApi {
  const revive = (err: unknown): never => {
    const body = ErrorBodySchema.safeParse(err);
    throw body.success
      ? InboxError.fromBody(body.data)
      : new InboxError('internal', 'Internal error');
  };
  const api: Partial<Record<ApiMethodName, unknown>> = {};
  for (const name of Object.keys(apiMethods) as ApiMethodName[]) {
    const call = bridge[name] as (input: unknown) => Promise<unknown>;
    api[name] = (input: unknown) => call(input).catch(revive);
  }
  return { ...(api as Omit<InboxApi, 'onEvent'>), onEvent: (listener) => bridge.onEvent(listener) };
}

/** `window.inbox` when the Electron preload exposed it, otherwise the hub at `origin`. */
export function resolveInboxApi(win: { inbox?: InboxApi } | undefined, origin: string): InboxApi {
  if (win?.inbox != null) return fromBridge(win.inbox);
  return createHttpInboxApi(origin, { onConnectionChange: setConnectionState });
}

let api: InboxApi | null = null;

/** The one InboxApi of this window. */
export function getInboxApi(): InboxApi {
  api ??= resolveInboxApi(globalThis.window, globalThis.location?.origin ?? 'http://localhost');
  return api;
}

/** How this window signs in: not at all in the desktop app, at the hub in a browser. */
export function getSessionClient(): SessionClient {
  const win = globalThis.window as { inbox?: InboxApi } | undefined;
  return win?.inbox != null
    ? desktopSession
    : hubSession(globalThis.location?.origin ?? 'http://localhost');
}
