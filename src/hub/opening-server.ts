import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { READY_PATH } from '../shared';
import type { Envelope, OpeningProgress } from '../shared';
import { SECURITY_HEADERS } from './security-headers';

/** How long a client is asked to wait before it asks again. */
const RETRY_AFTER_S = 5;

export interface OpeningServer {
  /** The port it listens on: the hub's, once open. */
  readonly port: number;
  /** How far the opening is, said to whoever asks from now on. */
  progress(progress: OpeningProgress): void;
  /** Stops listening and ends every connection, so the hub can take the port. */
  close(): Promise<void>;
}

/**
 * What answers on the hub's address while its store opens (a schema upgrade of a large store, a
 * database far away): every request gets 503 with Retry-After and says how far the opening is, and
 * `/api/ready` says `opening`, so a load balancer waits and a browser is told, instead of finding
 * nothing listening. Nothing is read or served: the store is not open.
 */
export async function startOpeningServer(options: {
  host: string;
  port: number;
  tls: { key: Buffer; cert: Buffer } | null;
}): Promise<OpeningServer> {
  let latest: OpeningProgress | null = null;
  const answer = (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    const body: Envelope<unknown> = {
      ok: false,
      error: {
        code: 'unavailable',
        message: `This hub is opening its store${latest ? `: ${said(latest)}` : ''}; try again in a moment`,
        ...(path === READY_PATH ? { details: { ready: false, reason: 'opening' } } : {}),
      },
    };
    const text = JSON.stringify(body);
    response.writeHead(503, {
      ...SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'retry-after': String(RETRY_AFTER_S),
      'cache-control': 'no-store',
      connection: 'close',
    });
    response.end(request.method === 'HEAD' ? undefined : text);
    // A body sent with the request is not read: the connection closes after the answer.
    request.resume();
  };
  const server: Server = options.tls
    ? createHttpsServer(options.tls, answer)
    : createHttpServer(answer);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closed: Promise<void> | null = null;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    progress(progress) {
      latest = progress;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

/** The progress in a few words: the phase, and how far when it is known. */
function said(progress: OpeningProgress): string {
  const what = progress.phase === 'upgrading' ? 'bringing it up to date' : progress.phase;
  if (progress.total == null || progress.total === 0) return what;
  return `${what}, ${Math.floor((progress.done / progress.total) * 100)}%`;
}
