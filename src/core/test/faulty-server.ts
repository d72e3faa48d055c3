import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Server as TcpServer } from 'node:net';

/**
 * How a loopback server misbehaves:
 * - `destroy`: reads the request, then destroys the socket without answering;
 * - `drop`: a bare TCP server that destroys each connection as soon as it is accepted;
 * - `stall`: never answers;
 * - `stall-body`: sends the status and headers, a few bytes of body, then nothing;
 * - `cut-body`: sends the status and headers, a few bytes of body, then destroys the socket.
 */
export type Misbehaviour = 'destroy' | 'drop' | 'stall' | 'stall-body' | 'cut-body';

export interface FaultyServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** How many connections are open now (a client that gave up closed its own). */
  openConnections(): Promise<number>;
  close(): Promise<void>;
}

function counter(server: Server | TcpServer): () => Promise<number> {
  return () =>
    new Promise((resolve, reject) =>
      server.getConnections((err, count) => (err ? reject(err) : resolve(count))),
    );
}

function listen(server: Server | TcpServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** A loopback server that fails every request in one way, for real network errors in tests. */
export async function faultyServer(how: Misbehaviour): Promise<FaultyServer> {
  if (how === 'drop') {
    const server = createTcpServer((socket) => socket.destroy());
    const port = await listen(server);
    return {
      url: `http://127.0.0.1:${port}`,
      openConnections: counter(server),
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }
  const server = createServer((req, res) => {
    if (how === 'stall') return;
    if (how === 'destroy') {
      req.resume();
      req.on('end', () => req.socket.destroy());
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    res.write('{"data":');
    if (how === 'cut-body') setTimeout(() => req.socket.destroy(), 20);
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    openConnections: counter(server),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A loopback URL nothing listens on: the port was free a moment ago, and is closed again. */
export async function closedPortUrl(): Promise<string> {
  const server = createTcpServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
