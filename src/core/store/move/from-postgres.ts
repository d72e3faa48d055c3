import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { dateOf } from '../../time/clock';
import { writeFileAtomic } from '../durable-write';
import { storageAt } from '../file-system';
import { PgAudit } from '../pg/pg-audit';
import { databaseName, openPool, pgStorageError } from '../pg/pg-client';
import type { Client } from '../pg/pg-client';
import { PG_SCHEMA_VERSION } from '../pg/pg-migrations';
import { makePrivateDir } from '../private-files';
import { exists, placeDatabase, removeDatabase } from '../sql/database-file';
import { DATABASE_FILE } from '../sql/sqlite';
import type { Database } from '../sql/sqlite';
import { SqliteStore } from '../sql/sqlite-store';
import { WORKSPACE_FILE } from '../workspace-store';
import {
  MOVED_TABLES,
  MOVE_BATCH,
  MoveCheckError,
  differences,
  sqliteValues,
  tableReporter,
} from './move-tables';
import type { MoveResult, MovedTable, Row } from './move-tables';
import type { MoveOptions } from './to-postgres';

/** Where the export writes before the file is checked and becomes `inbox.db`. */
export const EXPORTING_FILE = `${DATABASE_FILE}.exporting`;

export interface ExportOptions extends MoveOptions {
  /**
   * The settings document to put in the folder (a hub's `workspace.json`, or its data folder):
   * by default the one the database keeps, if it keeps one.
   */
  settings?: string | null;
}

/**
 * Writes a data folder the app and the hub open from a PostgreSQL database: every table read in
 * one snapshot of the database (a REPEATABLE READ transaction, with cursors a batch at a time),
 * written into a new SQLite file beside `inbox.db`, checked (the same counts, audit head and
 * verdict of `verify` as the database), and only then renamed into place, with the settings
 * document written after it (and kept in the file until then). The database is only read.
 */
export async function exportFromPostgres(
  url: string,
  dataDir: string,
  options: ExportOptions,
): Promise<MoveResult> {
  const target = join(dataDir, DATABASE_FILE);
  if ((await exists(target)) && !options.replace)
    throw new Error(
      `${dataDir} already holds an inbox (${DATABASE_FILE}): export into an empty folder, or stop the inbox using it and pass --replace`,
    );
  const pool = openPool({ url, caFile: options.caFile ?? null }, 1);
  const temp = join(dataDir, EXPORTING_FILE);
  let store: SqliteStore | null = null;
  try {
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await checkSchema(client, url);
      const settings = options.settings ?? (await keptSettings(client));
      if (settings == null)
        throw new Error(
          `The database ${databaseName(url)} keeps no settings document (its hubs kept it in their data folders): name a hub's data folder with --settings`,
        );
      await makePrivateDir(dataDir);
      await removeDatabase(temp);
      store = SqliteStore.open(dataDir, { clock: options.clock, file: temp });
      const result = await copyFrom(client, store, settings, dataDir, options);
      await client.query('COMMIT');
      const db = store.db;
      db.exec('PRAGMA synchronous = FULL; PRAGMA journal_mode = DELETE;');
      await store.close();
      store = null;
      // The old file's WAL must not outlive it: SQLite would read it as the new file's.
      for (const journal of ['-wal', '-shm', '-journal'])
        await rm(`${target}${journal}`, { force: true });
      await placeDatabase(temp, target);
      await writeFileAtomic(
        storageAt(dataDir, { clock: options.clock }),
        join(dataDir, WORKSPACE_FILE),
        settings,
      );
      return result;
    } finally {
      client.release();
    }
  } catch (err) {
    await store?.close().catch(() => undefined);
    await removeDatabase(temp).catch(() => undefined);
    throw pgStorageError(err, url);
  } finally {
    await pool.end().catch(() => undefined);
  }
}

/** A database of this inbox's schema (an older one is brought up to date by opening it with a hub). */
async function checkSchema(client: Client, url: string): Promise<void> {
  const { rows } = await client.query<{ v: number | null }>(
    `SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN NULL
       ELSE (SELECT max(version) FROM schema_migrations) END AS v`,
  );
  const version = rows[0]?.v ?? null;
  if (version == null) throw new Error(`The database ${databaseName(url)} holds no inbox`);
  if (version !== PG_SCHEMA_VERSION)
    throw new Error(
      `The database ${databaseName(url)} is at schema ${version} and this inbox reads schema ${PG_SCHEMA_VERSION}: ` +
        (version > PG_SCHEMA_VERSION
          ? 'update this inbox to export it.'
          : 'open it once with a hub of this version to bring it up to date.'),
    );
}

/** The team's settings document as the replicas share it, else one a commit left pending. */
async function keptSettings(client: Client): Promise<string | null> {
  const { rows } = await client.query<{ text: string }>(
    `SELECT text FROM settings_doc WHERE one = 1
     UNION ALL (SELECT text FROM settings_pending ORDER BY seq DESC LIMIT 1)`,
  );
  return rows[0]?.text ?? null;
}

async function copyFrom(
  client: Client,
  store: SqliteStore,
  settings: string,
  dataDir: string,
  options: ExportOptions,
): Promise<MoveResult> {
  const db = store.db;
  // Fast and unsafe while it writes: a crash throws the new file away anyway.
  db.exec('PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;');
  const counts: Record<string, number> = {};
  db.exec('BEGIN');
  try {
    for (const table of MOVED_TABLES) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${table.name}`);
      const total = rows[0]?.n ?? 0;
      counts[table.name] = total;
      const report = tableReporter(options.onProgress, table.name, total);
      report(0);
      if (table.before) db.exec(table.before);
      const insert = db.prepare(
        `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`,
      );
      let done = 0;
      for await (const batch of batches(client, table)) {
        for (const row of batch) insert.run(...(sqliteValues(row) as never[]));
        done += batch.length;
        report(done);
      }
    }
    // Kept in the file until its own file is written: the first open writes it if need be.
    db.prepare('INSERT INTO settings_pending (text) VALUES (?)').run(settings);
    db.exec('COMMIT');
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
  options.onProgress?.({ phase: 'check' });
  const now = dateOf(options.clock);
  const audit = new PgAudit(client);
  const expected: MoveResult = {
    counts,
    head: await audit.head(),
    audit: await audit.verify(now),
  };
  const found: MoveResult = {
    counts: Object.fromEntries(MOVED_TABLES.map((t) => [t.name, count(db, t.name)])),
    head: store.audit.head(),
    audit: await store.audit.verify(now),
  };
  const differ = differences(expected, found);
  if ((await store.settings.pending())?.text !== settings)
    differ.push('the settings document differs');
  if (differ.length > 0) throw new MoveCheckError(dataDir, differ);
  return found;
}

function count(db: Database, table: string): number {
  return Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
}

/** A table's rows, a batch at a time, through a cursor of the snapshot's transaction. */
async function* batches(client: Client, table: MovedTable): AsyncGenerator<Row[]> {
  const cursor = `export_${table.name}`;
  await client.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${table.columns.join(', ')} FROM ${table.name}`,
  );
  for (;;) {
    const { rows } = await client.query<Row>({
      text: `FETCH ${MOVE_BATCH} FROM ${cursor}`,
      rowMode: 'array',
    });
    if (rows.length === 0) break;
    yield rows;
  }
  await client.query(`CLOSE ${cursor}`);
}

/** The settings document of `--settings`: a `workspace.json`, or the data folder holding one. */
export async function readSettings(path: string): Promise<string> {
  const file = path.endsWith('.json') ? path : join(path, WORKSPACE_FILE);
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new Error(`Cannot read the settings document ${file} (${err.code ?? err.message})`);
  });
  try {
    JSON.parse(text);
  } catch {
    throw new Error(`The settings document ${file} is not JSON`);
  }
  return text;
}
