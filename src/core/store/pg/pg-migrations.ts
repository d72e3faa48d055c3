import type { Pool } from './pg-client';
import { PG_MIGRATIONS } from './pg-schema-steps';

/** One step of the PostgreSQL schema (numbered on its own, not SQLite's steps). */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

export { PG_MIGRATIONS } from './pg-schema-steps';

/** The newest PostgreSQL schema this version of the inbox knows. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.at(-1)!.version;

/** Serialises migrations of one database by several processes opening it at once. */
const MIGRATION_LOCK = 0x50_1b_0c_01;

/**
 * Brings the database to the newest schema, each step in its own transaction with its row in
 * `schema_migrations` (a step that fails leaves the database at the step before). A database
 * written by a newer inbox is refused.
 */
export async function migratePg(
  pool: Pool,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version INTEGER PRIMARY KEY,
           name TEXT NOT NULL,
           applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await client.query<{ v: number | null }>(
        'SELECT max(version) AS v FROM schema_migrations',
      );
      const current = rows[0]?.v ?? 0;
      const newest = migrations.at(-1)?.version ?? 0;
      if (current > newest)
        throw new Error(
          `The database was written by a newer version of the inbox (schema ${current}; this one knows up to ${newest}). Update the hub to open it.`,
        );
      for (const step of migrations) {
        if (step.version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(step.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
            step.version,
            step.name,
          ]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
      return Math.max(current, newest);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
