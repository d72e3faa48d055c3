import type { PoolClient } from 'pg';
import type { Pool } from '../pg/pg-client';

type Socket = {
  _write: (...args: unknown[]) => unknown;
  _writev: (...args: unknown[]) => unknown;
};

/** Counts each write of a connection's socket (whatever it carries) into `count`. */
function countWrites(client: PoolClient, count: () => void): void {
  const socket = (client as unknown as { connection: { stream: Socket } }).connection.stream;
  for (const method of ['_write', '_writev'] as const) {
    const write = socket[method].bind(socket);
    socket[method] = (...args) => {
      count();
      return write(...args);
    };
  }
}

/** How many writes the connection's socket has made since this was called. */
export function socketWrites(client: PoolClient): () => number {
  let n = 0;
  countWrites(client, () => n++);
  return () => n;
}

/** How many writes the sockets of the pool's connections have made since this was called. */
export function poolSocketWrites(pool: Pool): () => number {
  let n = 0;
  const counted = new WeakSet<PoolClient>();
  pool.on('acquire', (client: PoolClient) => {
    if (counted.has(client)) return;
    counted.add(client);
    countWrites(client, () => n++);
  });
  return () => n;
}
