import { InboxEventSchema } from '../events';
import type { InboxEvent } from '../events';
import { EVENTS_SIGNED_OUT } from '../api';
import type { Unsubscribe } from '../api';

/** The part of the WebSocket API the event stream uses: the browser's and the `ws` package's both fit. */
export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/**
 * `connecting` before the first open, `open` while live, `reconnecting` after a drop, `signed-out`
 * when the hub ended the agent's session (it stays so until every listener has left).
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'signed-out';

/** Whether a close says the agent is no longer signed in, so reconnecting cannot help. */
export function closedForSignOut(event: unknown): boolean {
  const { code, reason } = (event ?? {}) as { code?: unknown; reason?: unknown };
  return (
    code === EVENTS_SIGNED_OUT.code ||
    (code === EVENTS_SIGNED_OUT.unsignedCode && reason === EVENTS_SIGNED_OUT.unsignedReason)
  );
}

export interface EventStreamOptions {
  WebSocket: WebSocketConstructor;
  /** First reconnection delay; doubles after each failed attempt. */
  minDelayMs?: number;
  /** Longest reconnection delay. */
  maxDelayMs?: number;
  onConnectionChange?: (state: ConnectionState) => void;
}

export interface EventStream {
  subscribe(listener: (event: InboxEvent) => void): Unsubscribe;
}

const decoder = new TextDecoder();

function messageText(data: unknown): string | null {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return decoder.decode(data);
  if (ArrayBuffer.isView(data))
    return decoder.decode(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return null;
}

/** Parses one message; anything that is not a valid InboxEvent is ignored. */
export function parseEventMessage(data: unknown): InboxEvent | null {
  const text = messageText(data);
  if (text == null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = InboxEventSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * One WebSocket shared by every listener: opened with the first subscription, reopened with backoff
 * (1 s doubling to 10 s) whenever it drops, closed when the last listener unsubscribes.
 */
export function createEventStream(url: string, options: EventStreamOptions): EventStream {
  const minDelay = options.minDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 10_000;
  const listeners = new Set<(event: InboxEvent) => void>();
  let socket: WebSocketLike | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let state: ConnectionState | null = null;

  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    options.onConnectionChange?.(next);
  };

  const scheduleReconnect = (): void => {
    if (listeners.size === 0 || timer != null) return;
    const delay = Math.min(maxDelay, minDelay * 2 ** attempt);
    attempt += 1;
    timer = setTimeout(() => {
      timer = null;
      connect();
    }, delay);
  };

  const connect = (): void => {
    if (listeners.size === 0 || socket != null) return;
    if (state == null) setState('connecting');
    let ws: WebSocketLike;
    try {
      ws = new options.WebSocket(url);
    } catch {
      setState('reconnecting');
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('open');
    };
    ws.onmessage = (message) => {
      const event = parseEventMessage(message.data);
      if (event == null) return;
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (err) {
          // One faulty listener must not starve the others.
          console.error('An event listener failed', err);
        }
      }
    };
    ws.onerror = () => {
      // A close event always follows; reconnection happens there.
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      if (closedForSignOut(event)) {
        setState('signed-out');
        return;
      }
      setState('reconnecting');
      scheduleReconnect();
    };
  };

  const disconnect = (): void => {
    if (timer != null) clearTimeout(timer);
    timer = null;
    attempt = 0;
    state = null;
    const ws = socket;
    socket = null;
    if (ws == null) return;
    ws.onopen = ws.onmessage = ws.onerror = ws.onclose = null;
    try {
      ws.close(1000, 'no more listeners');
    } catch {
      // Closing a socket that never opened may throw in some implementations.
    }
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      connect();
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        listeners.delete(listener);
        if (listeners.size === 0) disconnect();
      };
    },
  };
}
