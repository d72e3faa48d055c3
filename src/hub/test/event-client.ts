import WebSocket from 'ws';
import type { InboxEvent } from '../../shared';

/** One event connection to a hub, as a client holds it, recording what it receives. */
export interface EventClient {
  ws: WebSocket;
  events: InboxEvent[];
  /** Bytes of event messages received. */
  bytes(): number;
  /** Resolves with the close code and reason once the connection is closed. */
  closed: Promise<{ code: number; reason: string }>;
  /** Stops reading from the TCP socket, as a client that hangs or stalls would. */
  pause(): void;
  resume(): void;
}

/** Opens `/api/events` with a personal token; resolves once open (or closed straight away). */
export async function openEvents(
  baseUrl: string,
  token: string,
  options: WebSocket.ClientOptions = {},
): Promise<EventClient> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/events`, {
    ...options,
    headers: { authorization: `Bearer ${token}`, ...options.headers },
  });
  const events: InboxEvent[] = [];
  let bytes = 0;
  ws.on('message', (data: Buffer) => {
    bytes += data.length;
    events.push(JSON.parse(data.toString('utf8')) as InboxEvent);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    events,
    bytes: () => bytes,
    closed,
    // Pauses the TCP socket under the WebSocket: what the hub sends stays in the kernel, unread.
    pause: () => ws.pause(),
    resume: () => ws.resume(),
  };
}
