import { MIGRATIONS } from './schema-steps';
import type { Database } from './sqlite';

/** One step of the schema: applied once, in order, in a transaction with its version number. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export { MIGRATIONS } from './schema-steps';

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** The schema version the file is at (0: a new file). */
export function schemaOf(db: Database): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}

/**
 * Brings the file's schema to the newest version, each step in its own transaction (a step that
 * fails leaves the file at the step before). A file written by a newer inbox is refused: this
 * version would not know what its tables mean.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaOf(db);
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest)
    throw new Error(
      `The store was written by a newer version of the inbox (schema ${current}; this one knows up to ${newest}). Update the app to open it.`,
    );
  for (const step of migrations) {
    if (step.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(step.sql);
      db.exec(`PRAGMA user_version = ${step.version}`);
      db.exec('COMMIT');
    } catch (err) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw err;
    }
  }
  return Math.max(current, newest);
}
