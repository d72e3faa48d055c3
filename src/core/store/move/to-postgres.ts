import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Conversation } from '../../../shared';
import { dateOf } from '../../time/clock';
import type { Clock } from '../../time/clock';
import { isMissing } from '../file-system';
import { PgAudit } from '../pg/pg-audit';
import { bodyOf } from '../pg/pg-conversation-writes';
import { databaseName, openPool, pgStorageError } from '../pg/pg-client';
import type { Client, Pool } from '../pg/pg-client';
import { migratePg } from '../pg/pg-migrations';
import { WRITE_LOCK } from '../pg/postgres-store';
import { exists } from '../sql/database-file';
import { needsImport } from '../sql/import-files';
import { DATABASE_FILE } from '../sql/sqlite';
import type { Database } from '../sql/sqlite';
import { SqliteStore } from '../sql/sqlite-store';
import { WORKSPACE_FILE } from '../workspace-store';
import {
  MOVED_TABLES,
  MOVE_BATCH,
  MoveCheckError,
  differences,
  tableReporter,
} from './move-tables';
import type { MoveResult, MovedTable, OnMoveProgress, Row } from './move-tables';

export interface MoveOptions {
  clock: Clock;
  /** PEM certificate authorities the database server's certificate is checked against. */
  caFile?: string | null;
  /** Empties a target that already holds an inbox, instead of refusing it. */
  replace?: boolean;
  onProgress?: OnMoveProgress;
  /** For tests: changes the copy just before it is checked, as a move gone wrong would. */
  beforeCheck?: (db: Client) => Promise<unknown>;
}

/** Tables emptied, with the counts their triggers keep, when a target is replaced. */
const EMPTIED = [
  ...MOVED_TABLES.map((t) => t.name),
  'conversation_facets',
  'conversation_total',
  'tag_counts',
  'settings_pending',
  'settings_doc',
  'sign_in_attempts',
  'presence',
  'handled_once',
  'leases',
  'outbox_claims',
  // The sealed credentials of the inbox replaced: the moved one's come from its keychain, and a
  // stale one left here would be read before them.
  'secrets',
];

/**
 * Moves a data folder's embedded store and its settings document into a PostgreSQL database, in
 * one transaction: each table streamed from one read transaction of the SQLite file in batches
 * (memory stays flat however large the queue), the settings document kept in the database (where
 * every replica reads the team's), then checked before COMMIT: the same
 * count in every table, the same audit head and the same verdict of `verify`. A check that fails,
 * or any error, rolls all of it back. The data folder is only read.
 */
export async function moveToPostgres(
  dataDir: string,
  url: string,
  options: MoveOptions,
): Promise<MoveResult> {
  if (!(await exists(join(dataDir, DATABASE_FILE)))) {
    if (await needsImport(dataDir))
      throw new Error(
        `${dataDir} holds the files of an older inbox: open it once with the app or the hub (which moves them into ${DATABASE_FILE}), then move it.`,
      );
    throw new Error(`No inbox in ${dataDir} (expected ${DATABASE_FILE})`);
  }
  const source = SqliteStore.open(dataDir, { clock: options.clock, readOnly: true });
  let pool: Pool | null = null;
  try {
    // One moment of the store, however long the move takes (an inbox may go on writing).
    source.db.exec('BEGIN');
    const settings = (await source.settings.pending())?.text ?? (await settingsFile(dataDir));
    if (settings == null)
      throw new Error(`No settings document (${WORKSPACE_FILE}) in ${dataDir}: nothing to move`);
    pool = openPool({ url, caFile: options.caFile ?? null }, 1);
    await migratePg(pool);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      try {
        const result = await copyInto(client, source, settings, url, options);
        await client.query('COMMIT');
        await tidy(client);
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    } finally {
      client.release();
    }
  } catch (err) {
    throw pgStorageError(err, url);
  } finally {
    if (source.db.isTransaction) source.db.exec('ROLLBACK');
    await source.close();
    await pool?.end().catch(() => undefined);
  }
}

/** After the move: the planner's statistics taken, before hubs list. */
async function tidy(client: Client): Promise<void> {
  await client.query('ANALYZE');
}

/** The triggers that keep counts as rows come, off while the rows are moved (see `countAgain`). */
const COUNTING_TRIGGERS = [
  ['conversations', 'conversations_facet_in'],
  ['conversation_tags', 'conversation_tags_in'],
] as const;

/**
 * Makes the moved tables ready to take many rows: their indexes that no constraint needs are
 * dropped (each written row would otherwise go into every one of them: twelve on the
 * conversations, and the search's trigram index), and the counting triggers turned off. Both come
 * back in the same transaction (`restore`): an index built once from all its rows is several times
 * faster than the same index grown a row at a time, and the counts are made by one `GROUP BY`
 * each instead of a new version of a count's row per conversation.
 */
async function setAside(client: Client): Promise<{ restore: () => Promise<void> }> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = ANY ($1) AND t.relnamespace = current_schema()::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [MOVED_TABLES.map((t) => t.name)],
  );
  for (const { name } of rows) await client.query(`DROP INDEX ${name}`);
  for (const [table, trigger] of COUNTING_TRIGGERS)
    await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
  return {
    restore: async () => {
      await countAgain(client);
      for (const [table, trigger] of COUNTING_TRIGGERS)
        await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
      // Sorting for an index build in memory rather than on disk, for this transaction only.
      await client.query("SET LOCAL maintenance_work_mem = '256MB'");
      for (const { def } of rows) await client.query(def);
    },
  };
}

/**
 * The counts the triggers keep (pg-schema-steps.ts, step 1; pg-schema-lists.ts, step 12), made
 * from the moved rows at once: conversations per combination of the filter columns, the queue's
 * size, conversations per tag.
 */
async function countAgain(client: Client): Promise<void> {
  await client.query(
    `INSERT INTO conversation_facets (status, assignee, platform, account_id, language, priority, n)
     SELECT status, coalesce(assignee, ''), platform, account_id, coalesce(language, ''), priority,
       count(*)
     FROM conversations GROUP BY 1, 2, 3, 4, 5, 6`,
  );
  await client.query(
    `INSERT INTO conversation_total (n) SELECT count(*) FROM conversations
     ON CONFLICT (one) DO UPDATE SET n = excluded.n`,
  );
  await client.query(
    'INSERT INTO tag_counts (tag, n) SELECT tag, count(*) FROM conversation_tags GROUP BY tag',
  );
}

async function copyInto(
  client: Client,
  source: SqliteStore,
  settings: string,
  url: string,
  options: MoveOptions,
): Promise<MoveResult> {
  // Hubs on the database wait for the move: their commits take the same lock.
  await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
  if (await holdsAnInbox(client)) {
    if (!options.replace)
      throw new Error(
        `The database ${databaseName(url)} already holds an inbox: move into an empty database, or pass --replace to empty this one first`,
      );
    await client.query(`TRUNCATE ${EMPTIED.join(', ')} RESTART IDENTITY CASCADE`);
  }
  const counts: Record<string, number> = {};
  const aside = await setAside(client);
  for (const table of MOVED_TABLES) {
    const total = count(source.db, table.name);
    counts[table.name] = total;
    const report = tableReporter(options.onProgress, table.name, total);
    report(0);
    if (table.before) await client.query(table.before);
    let done = 0;
    const written = writtenAs(table);
    for (const batch of batches(source.db, table)) {
      await insert(client, table, written ? batch.map(written) : batch);
      done += batch.length;
      report(done);
    }
    if (table.identity)
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${table.name}', '${table.identity}'),
           coalesce(max(${table.identity}), 0) + 1, false) FROM ${table.name}`,
      );
  }
  options.onProgress?.({ phase: 'index' });
  await aside.restore();
  // The team's document, as every replica reads it (see pg-shared.ts): its first version.
  await client.query('INSERT INTO settings_doc (one, version, text) VALUES (1, 1, $1)', [settings]);
  await options.beforeCheck?.(client);
  options.onProgress?.({ phase: 'check' });
  const now = dateOf(options.clock);
  const expected: MoveResult = {
    counts,
    head: source.audit.head(),
    audit: await source.audit.verify(now),
  };
  const audit = new PgAudit(client);
  // One query at a time: the transaction is one connection's.
  const copied: Record<string, number> = {};
  for (const t of MOVED_TABLES) copied[t.name] = await pgCount(client, t.name);
  const found: MoveResult = {
    counts: copied,
    head: await audit.head(),
    audit: await audit.verify(now),
  };
  const differ = differences(expected, found);
  const { rows } = await client.query<{ text: string }>(
    'SELECT text FROM settings_doc WHERE one = 1',
  );
  if (rows[0]?.text !== settings) differ.push('the settings document differs');
  if (differ.length > 0) throw new MoveCheckError(databaseName(url), differ);
  return found;
}

/** Whether any table of the inbox has a row (a new database has none). */
async function holdsAnInbox(client: Client): Promise<boolean> {
  const tables = [...MOVED_TABLES.map((t) => t.name), 'settings_pending', 'settings_doc'];
  const { rows } = await client.query<{ any: boolean }>(
    `SELECT ${tables.map((t) => `EXISTS (SELECT 1 FROM ${t})`).join(' OR ')} AS any`,
  );
  return rows[0]?.any === true;
}

async function pgCount(client: Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return rows[0]?.n ?? 0;
}

function count(db: Database, table: string): number {
  return Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
}

/**
 * A table's rows, a batch at a time, each batch a query of its own after the last row's key (no
 * statement is held open between batches while the writes to the database are awaited).
 */
function* batches(db: Database, table: MovedTable): Generator<Row[]> {
  const key = table.key ?? ['rowid'];
  const select = `SELECT ${[...key, ...table.columns].join(', ')} FROM ${table.name}`;
  const order = `ORDER BY ${key.join(', ')} LIMIT ${MOVE_BATCH}`;
  const first = db.prepare(`${select} ${order}`);
  const next = db.prepare(
    `${select} WHERE (${key.join(', ')}) > (${key.map(() => '?').join(', ')}) ${order}`,
  );
  first.setReturnArrays(true);
  next.setReturnArrays(true);
  let rows = first.all() as unknown as Row[];
  while (rows.length > 0) {
    yield rows.map((row) => row.slice(key.length));
    if (rows.length < MOVE_BATCH) return;
    const last = rows.at(-1)!.slice(0, key.length) as never[];
    rows = next.all(...last) as unknown as Row[];
  }
}

/**
 * How a table's rows are written into PostgreSQL where they differ from the embedded store's: a
 * conversation's text as its schema gives it, which PostgreSQL's lists answer as it is (bodyOf).
 */
function writtenAs(table: MovedTable): ((row: Row) => Row) | null {
  if (table.name !== 'conversations') return null;
  const at = table.columns.indexOf('body');
  const id = table.columns.indexOf('id');
  return (row) => {
    const text = row[at] as string;
    let body: string;
    try {
      body = bodyOf(JSON.parse(text) as Conversation);
    } catch (err) {
      throw new Error(
        `The conversation ${String(row[id])} is not one this version of the inbox reads (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); nothing was moved`,
      );
    }
    if (body === text) return row;
    const copy = [...row];
    copy[at] = body;
    return copy;
  };
}

/** Writes a batch in one statement (a full batch's statement is prepared once per table). */
async function insert(client: Client, table: MovedTable, rows: readonly Row[]): Promise<void> {
  const n = table.columns.length;
  const values = rows
    .map((_, r) => `(${table.columns.map((_, c) => `$${r * n + c + 1}`).join(', ')})`)
    .join(', ');
  const text = `INSERT INTO ${table.name} (${table.columns.join(', ')})${
    table.identity ? ' OVERRIDING SYSTEM VALUE' : ''
  } VALUES ${values}`;
  await client.query({
    ...(rows.length === MOVE_BATCH ? { name: `move_${table.name}` } : {}),
    text,
    values: rows.flat(),
  });
}

async function settingsFile(dataDir: string): Promise<string | null> {
  try {
    return await readFile(join(dataDir, WORKSPACE_FILE), 'utf8');
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
}
