import pg from 'pg';
import { WRITE_LOCK } from '../pg/postgres-store';

/** What a test's own transaction holds, and what it sees waiting meanwhile. */
export interface Held {
  /** The transaction's connection (for more of it: another lock, as a replica would ask). */
  client: pg.Client;
  /** Ends the transaction, and so lets go of what it held (once; again does nothing). */
  release(): Promise<void>;
  /** How many transactions of this database wait for the store's write lock now. */
  waitingForWriteLock(): Promise<number>;
  /** How many connections to this database wait for a lock now (the write lock or a row's). */
  waitingForLocks(): Promise<number>;
}

/**
 * A transaction of the test's own on the database, which takes what `sql` takes (the store's
 * write lock, a conversation's row) and holds it, as another replica's commit would: what the
 * inbox asks for meanwhile waits on the server, where it can be counted. `cleanup` is given the
 * release, so a failed test lets go too.
 */
export async function holdInTransaction(
  url: string,
  sql: string,
  params: unknown[],
  cleanup: (release: () => Promise<void>) => void,
  /** Set on the connection first (`SET deadlock_timeout = …`). */
  setting?: string,
): Promise<Held> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let held = true;
  const release = async () => {
    if (!held) return;
    held = false;
    await client.query('COMMIT').catch(() => undefined);
    await client.end();
  };
  cleanup(release);
  if (setting) await client.query(setting);
  await client.query('BEGIN');
  await client.query(sql, params);
  const count = async (query: string, values: unknown[] = []) => {
    // Read afresh: inside a transaction the statistics are otherwise those of its first read.
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ n: number }>(query, values);
    return rows[0]!.n;
  };
  return {
    client,
    release,
    waitingForWriteLock: () =>
      count(
        `SELECT count(*)::int AS n FROM pg_locks
         WHERE locktype = 'advisory' AND NOT granted AND objid = $1
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [WRITE_LOCK],
      ),
    waitingForLocks: () =>
      count(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      ),
  };
}

/** The store's write lock, held by a transaction of the test's own (see holdInTransaction). */
export function holdWriteLock(
  url: string,
  cleanup: (release: () => Promise<void>) => void,
): Promise<Held> {
  return holdInTransaction(url, 'SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK], cleanup);
}
