import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import pg from 'pg';
import type { PoolClient, PoolConfig } from 'pg';
import { parse } from 'pg-connection-string';
import { InboxError } from '../../../shared';

export type Pool = pg.Pool;
export type Client = PoolClient;
/** A pool or one of its connections (inside a transaction): anything a query runs on. */
export type Queryable = pg.Pool | PoolClient;

/** How the inbox reaches its PostgreSQL database. */
export interface PgConnection {
  /** `postgres://user:password@host:port/database?sslmode=…` (libpq's meaning of sslmode). */
  url: string;
  /** A PEM file of the certificate authorities the server's certificate is checked against. */
  caFile?: string | null;
}

/** Whether a database option names a PostgreSQL server. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(value);
}

/** The URL with its password (and any password parameter) replaced by `***`: what may be shown. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()])
      if (/pass/i.test(key)) parsed.searchParams.set(key, '***');
    return parsed.toString();
  } catch {
    // Not a URL: nothing of it is shown but where it would lead.
    return 'postgres://***';
  }
}

/** `host:port/database` of a URL: how messages name the database (never the credentials). */
export function databaseName(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'the configured database';
  }
}

/** The name each statement text is prepared under (see `prepared`). */
const statementNames = new Map<string, string>();

/**
 * A statement each connection parses and plans once, then runs by its name: for the fixed
 * statements of commits, Idempotency-Keys and reads by id, which PostgreSQL planned for longer
 * than it ran them (a read by id: 0.1 ms planned, 0.02 ms run). Only texts from a set the code
 * bounds (an update names the columns it changes: a few combinations of them): lists stay
 * unnamed, each planned for its own values (a tag's size, a status's share).
 */
export function prepared(text: string, values?: readonly unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (name == null) {
    name = `inbox_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return { name, text, ...(values ? { values: [...values] } : {}) };
}

// int8 (counts, sums, ms since the epoch) and numeric as numbers: every such value here is an
// integer well inside 2^53.
const NUMBER_TYPES = new Set([20, 1700]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMBER_TYPES.has(oid)
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * The pool's configuration from the URL and the CA file: `sslmode` as libpq reads it (`disable`,
 * `prefer` and `require` encrypt without checking the certificate, `verify-ca` checks it against
 * the CA, `verify-full` also checks the host name); a CA file given alone means `verify-full`.
 */
export function poolConfig(connection: PgConnection, max = 10): PoolConfig {
  const parsed = parse(connection.url, { useLibpqCompat: true });
  let ssl = parsed.ssl as PoolConfig['ssl'];
  if (connection.caFile) {
    const ca = readFileSync(connection.caFile, 'utf8');
    ssl = ssl === false ? false : { ...(typeof ssl === 'object' ? ssl : {}), ca };
  }
  return {
    ...(parsed.host ? { host: parsed.host } : {}),
    ...(parsed.port ? { port: Number(parsed.port) } : {}),
    ...(parsed.database ? { database: parsed.database } : {}),
    ...(parsed.user ? { user: parsed.user } : {}),
    ...(parsed.password != null ? { password: parsed.password } : {}),
    ...(parsed.application_name ? { application_name: parsed.application_name } : {}),
    ...(ssl != null ? { ssl } : {}),
    application_name: parsed.application_name ?? 'social-inbox',
    max,
    types,
    connectionTimeoutMillis: 10_000,
  };
}

/**
 * A pool of connections to the database. `pipeline`: a connection sends a statement without
 * waiting for the answers of those before it (node-postgres' pipeline mode), which a commit uses
 * to send its writes at once; and the statements it is given in one tick leave in one write
 * (`sendsPerTick`).
 */
export function openPool(
  connection: PgConnection,
  max?: number,
  /** `idleMs`: how long a connection is kept unused (node-postgres' 10 s by default; 0: always). */
  options: { pipeline?: boolean; idleMs?: number } = {},
): Pool {
  const pool = new pg.Pool({
    ...poolConfig(connection, max),
    pipeline: options.pipeline ?? false,
    ...(options.idleMs != null ? { idleTimeoutMillis: options.idleMs } : {}),
  });
  // An idle connection the server drops is replaced at the next query; nothing to do here.
  pool.on('error', () => undefined);
  if (options.pipeline) pool.on('connect', sendsPerTick);
  return pool;
}

/**
 * Makes the statements a pipelined connection is given in one tick leave it in one write to the
 * socket. node-postgres writes each statement on its own: a commit's BEGIN, key and read were
 * three writes, its changes, counts, audit entry and COMMIT five more, and each write to a server
 * that waits wakes it, while the hub and the server share the machine's cores. The socket is
 * corked at a tick's first statement and uncorked once the tick's work is done.
 */
export function sendsPerTick(client: pg.PoolClient): void {
  const stream = (client as unknown as { connection?: { stream?: Partial<Writable> } }).connection
    ?.stream;
  if (typeof stream?.cork !== 'function' || typeof stream.uncork !== 'function') return;
  const cork = stream.cork.bind(stream);
  const uncork = stream.uncork.bind(stream);
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let corked = false;
  const uncorkNow = () => {
    corked = false;
    uncork();
  };
  Object.assign(client, {
    query: (...args: unknown[]) => {
      if (!corked) {
        corked = true;
        cork();
        process.nextTick(uncorkNow);
      }
      return query(...args);
    },
  });
}

/** Up to this many rows, a statement writing several takes them as parameters (`rowsOf`). */
export const FEW_ROWS = 8;

/**
 * The rows a statement writes, as SQL and its values: `VALUES ($1, …), (…)` when they are few
 * (a commit's two moved counts, a few keys' answers), else one array a column (`unnestOf`), which
 * keeps the statement one text whatever their number. node-postgres writes an array parameter as
 * a literal it escapes element by element, and the server parses it again: for one or two rows
 * of JSON texts that was most of the statement's cost. `types`: each column's SQL type.
 */
export function rowsOf(
  rows: readonly (readonly unknown[])[],
  types: readonly string[],
): { sql: string; values: unknown[] } {
  if (rows.length > FEW_ROWS)
    return { sql: unnestOf(types), values: types.map((_, i) => rows.map((row) => row[i])) };
  let n = 0;
  const sql = rows.map((row) => `(${row.map(() => `$${++n}`).join(', ')})`).join(', ');
  return { sql: `VALUES ${sql}`, values: rows.flat() };
}

/** `SELECT * FROM unnest($1::type[], …)`: rows given as one array a column, of these types. */
export function unnestOf(types: readonly string[]): string {
  return `SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
}

/** SQL written with `?` placeholders (as the SQLite adapter's), numbered for PostgreSQL. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The number a query of one value answers (a count, a sum), 0 when it answers none. */
export async function numberOf(
  db: Queryable,
  sql: string,
  params: unknown[] = [],
): Promise<number> {
  const { rows } = await db.query<[number | null]>({ text: sql, values: params, rowMode: 'array' });
  return Number(rows[0]?.[0] ?? 0);
}

/** SQLSTATE classes of a server that cannot take the change now (or will not let us in). */
const UNAVAILABLE_CLASSES = ['08', '28', '53', '57', '58'];
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

/**
 * What the caller is told when the database refuses a change because of where it lives:
 * `storage_full` (507) for a full disk (53100), `storage_unavailable` (503) for a server that
 * cannot be reached or cannot work now. The message names the database, never its password.
 * Other errors pass through, their text cleared of the URL's password if it appears.
 */
export function pgStorageError(err: unknown, url: string): unknown {
  if (err instanceof InboxError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const where = databaseName(url);
  const reason = redact((err as Error | null)?.message ?? String(err), url);
  if (code === '53100')
    return new InboxError(
      'storage_full',
      `The database ${where} is full (${reason}): the change was not saved. Free some space and try again.`,
      { errno: code, file: where },
    );
  const unavailable =
    typeof code === 'string' &&
    (CONNECTION_CODES.has(code) || UNAVAILABLE_CLASSES.includes(code.slice(0, 2)));
  if (unavailable || /connection terminated|timeout exceeded when trying to connect/i.test(reason))
    return new InboxError(
      'storage_unavailable',
      `The database ${where} cannot be used (${reason}): the change was not saved.`,
      { errno: typeof code === 'string' ? code : 'connection', file: where },
    );
  if (err instanceof Error && err.message !== reason) err.message = reason;
  return err;
}

/** A text with the URL's password taken out wherever it appears. */
export function redact(text: string, url: string): string {
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return text;
  }
  let out = text.replaceAll(url, redactUrl(url));
  if (password.length > 0) out = out.replaceAll(password, '***');
  return out;
}
