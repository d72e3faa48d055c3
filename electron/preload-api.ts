import type { CallOptions, ErrorBody, InboxClient, InboxEvent } from '../src/shared';
import { IPC_CHANNELS, IPC_EVENTS_CHANNEL } from './channels';

/** The parts of ipcRenderer the bridge uses; the page never sees any of them. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * How a failed call reaches the page. contextBridge copies an Error as a new Error carrying only
 * its message, so a code set on it would be lost; plain data crosses intact. The page gets
 * `{ name: 'InboxError', code, message, details? }` and can rebuild an InboxError with
 * `InboxError.fromBody(error)`.
 */
export interface BridgedError extends ErrorBody {
  name: 'InboxError';
}

const MALFORMED: ErrorBody = { code: 'internal', message: 'Malformed reply from the main process' };

function isErrorBody(value: unknown): value is ErrorBody {
  const body = value as Partial<ErrorBody> | null;
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof body.code === 'string' &&
    typeof body.message === 'string'
  );
}

function bridgedError(body: ErrorBody): BridgedError {
  const error: BridgedError = { name: 'InboxError', code: body.code, message: body.message };
  if (body.details !== undefined) error.details = body.details;
  return error;
}

/** The result of an Envelope, or a rejection with its error as plain data. */
export function unwrapEnvelope(envelope: unknown): unknown {
  const reply = envelope as { ok?: unknown; result?: unknown; error?: unknown } | null;
  if (typeof reply === 'object' && reply !== null) {
    if (reply.ok === true) return reply.result;
    if (reply.ok === false && isErrorBody(reply.error)) throw bridgedError(reply.error);
  }
  throw bridgedError(MALFORMED);
}

/** Only the call options main knows, as plain data (main validates them again). */
function optionsOf(options: unknown): CallOptions | undefined {
  const key = (options as CallOptions | null | undefined)?.idempotencyKey;
  return typeof key === 'string' ? { idempotencyKey: key } : undefined;
}

/**
 * Exactly the InboxApi, over IPC: each call invokes its channel with its argument (and its options,
 * such as a write's Idempotency-Key, when given) and unwraps the Envelope; onEvent hands listeners
 * the event alone, never the IPC event (which would reach ipcRenderer through its `sender`).
 */
export function createInboxBridge(ipc: IpcRendererLike): InboxClient {
  const api: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(IPC_CHANNELS)) {
    api[name] = async (input: unknown, options?: unknown) => {
      const callOptions = optionsOf(options);
      const reply =
        callOptions === undefined
          ? await ipc.invoke(channel, input)
          : await ipc.invoke(channel, input, callOptions);
      return unwrapEnvelope(reply);
    };
  }
  api.onEvent = (listener: (event: InboxEvent) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent expects a function');
    const relay = (_event: unknown, payload: unknown) => listener(payload as InboxEvent);
    ipc.on(IPC_EVENTS_CHANNEL, relay);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(IPC_EVENTS_CHANNEL, relay);
    };
  };
  return Object.freeze(api) as unknown as InboxClient;
}
