import { existsSync } from 'node:fs';
import type { OpeningProgress } from '../../../shared';
import { MIGRATIONS } from './schema-steps';
import { openDatabase } from './sqlite';
import type { Database } from './sqlite';

/**
 * One step of the schema: applied once, in order, in a transaction with its version number.
 * A step that fills a new column on a large table says so in `backfill`: the rows are filled in
 * batches (with progress, and with other work let in between when upgraded by `upgrade`), after
 * `sql` and before `backfill.then`.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  backfill?: {
    table: 'conversations' | 'posts' | 'outbox';
    /** The assignments of an `UPDATE <table> SET …`, read from each row alone. */
    set: string;
    /** A condition on the row, when only some rows are filled in. */
    where?: string;
    /** What follows the filled rows, e.g. the indexes over the new columns. */
    then?: string;
  };
}

export { MIGRATIONS } from './schema-steps';

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** How far an upgrade is: rows filled in of those the pending steps fill. */
export type OnUpgradeProgress = (done: number, total: number) => void;

/** Rows one batch of a backfill updates: a few tens of milliseconds of work. */
const BATCH_ROWS = 5000;

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
  const steps = upgrading(db, migrations);
  while (steps.next().done !== true);
  return newestOf(db, migrations);
}

/**
 * `migrate`, letting other work run between batches and saying how far it is: what opens a store
 * whose schema is behind uses it, so a large store's upgrade shows its progress instead of
 * holding the process for the whole of it.
 */
export async function upgrade(
  db: Database,
  onProgress?: OnUpgradeProgress,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  for (const { done, total } of upgrading(db, migrations)) {
    onProgress?.(done, total);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return newestOf(db, migrations);
}

/**
 * Brings a store file's schema up to date before the store opens it, if it is behind: the rows a
 * step fills in are counted in the `upgrading` phase of the opening's progress.
 */
export async function upgradeFile(
  file: string,
  onProgress?: (progress: OpeningProgress) => void,
): Promise<void> {
  if (!existsSync(file)) return;
  const db = openDatabase(file);
  try {
    if (!isBehind(db)) return;
    await upgrade(db, (done, total) =>
      onProgress?.({ phase: 'upgrading', done, total, unit: 'items' }),
    );
  } finally {
    db.close();
  }
}

/** Whether the file's schema is behind this inbox's (an upgrade is due at open). */
export function isBehind(db: Database, migrations: readonly Migration[] = MIGRATIONS): boolean {
  return schemaOf(db) < (migrations.at(-1)?.version ?? 0);
}

/**
 * The pending steps, applied one batch at a time: how far the upgrade is after each batch (and
 * once at the start), in rows filled in of all the steps' rows.
 */
function* upgrading(
  db: Database,
  migrations: readonly Migration[],
): Generator<{ done: number; total: number }> {
  const current = schemaOf(db);
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest)
    throw new Error(
      `The store was written by a newer version of the inbox (schema ${current}; this one knows up to ${newest}). Update the app to open it.`,
    );
  const steps = migrations.filter((step) => step.version > current);
  const total = steps.reduce((sum, step) => sum + rowsOf(db, step), 0);
  let done = 0;
  yield { done, total };
  for (const step of steps) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(step.sql);
      for (let from = 0, filled = fill(db, step, from); filled; filled = fill(db, step, from)) {
        from = filled.last;
        done += filled.rows;
        yield { done, total };
      }
      if (step.backfill?.then) db.exec(step.backfill.then);
      db.exec(`PRAGMA user_version = ${step.version}`);
      db.exec('COMMIT');
    } catch (err) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw err;
    }
  }
}

function newestOf(db: Database, migrations: readonly Migration[]): number {
  return Math.max(schemaOf(db), migrations.at(-1)?.version ?? 0);
}

/** Fills in a batch of rows after rowid `from`: the last rowid and how many; null when none left. */
function fill(db: Database, step: Migration, from: number): { last: number; rows: number } | null {
  const backfill = step.backfill;
  if (backfill == null) return null;
  const next = db
    .prepare(
      `SELECT max(rowid) AS last, count(*) AS rows FROM (SELECT rowid FROM ${backfill.table} WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH_ROWS})`,
    )
    .get(from) as { last: number | bigint | null; rows: number | bigint };
  if (next.last == null) return null;
  const last = Number(next.last);
  const only = backfill.where ? ` AND (${backfill.where})` : '';
  db.prepare(
    `UPDATE ${backfill.table} SET ${backfill.set} WHERE rowid > ? AND rowid <= ?${only}`,
  ).run(from, last);
  return { last, rows: Number(next.rows) };
}

/** The rows a step will fill in: none when its table is made by an earlier pending step. */
function rowsOf(db: Database, step: Migration): number {
  if (step.backfill == null) return 0;
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(step.backfill.table);
  if (exists == null) return 0;
  const row = db.prepare(`SELECT count(*) AS n FROM ${step.backfill.table}`).get() as {
    n: number | bigint;
  };
  return Number(row.n);
}
