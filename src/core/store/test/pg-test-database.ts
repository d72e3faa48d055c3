import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Why the PostgreSQL half of a suite is skipped when no server is named. */
export const NO_TEST_SERVER =
  'no PostgreSQL server: set SOCIAL_INBOX_TEST_DATABASE_URL or the PG* variables (PGHOST, PGUSER, PGPASSWORD, PGPORT), e.g. run it under pg_virtualenv';

/**
 * The server the tests may use, as a URL: SOCIAL_INBOX_TEST_DATABASE_URL, or one made of the PG*
 * variables libpq reads (what `pg_virtualenv` sets). Null: none is named.
 */
export function testServerUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env.SOCIAL_INBOX_TEST_DATABASE_URL;
  if (given) return given;
  if (!env.PGHOST) return null;
  const user = encodeURIComponent(env.PGUSER ?? 'postgres');
  const password = env.PGPASSWORD ? `:${encodeURIComponent(env.PGPASSWORD)}` : '';
  const database = encodeURIComponent(env.PGDATABASE ?? 'postgres');
  // A socket directory goes in the host parameter (libpq's form); a name or address in the URL.
  if (env.PGHOST.startsWith('/'))
    return `postgres://${user}${password}@/${database}?host=${encodeURIComponent(env.PGHOST)}${env.PGPORT ? `&port=${env.PGPORT}` : ''}`;
  return `postgres://${user}${password}@${env.PGHOST}:${env.PGPORT ?? '5432'}/${database}`;
}

/** The same server's URL for another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database on the test server, dropped (connections and all) by `drop`. */
export async function createTestDatabase(
  server: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `inbox_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await admin(server, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(server, name),
    drop: () => admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
