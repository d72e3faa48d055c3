import { closeSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import type {
  BackupOptions,
  DatabaseSyncInstance,
  SqliteModule,
  StatementSyncInstance,
} from '@photostructure/sqlite';
import { InboxError } from '../../../shared';
import { PRIVATE_FILE_MODE } from '../file-system';

export type Database = DatabaseSyncInstance;
export type Statement = StatementSyncInstance;

// The driver has the API of Node's own `node:sqlite`, as an N-API module: one build for Node 20,
// Node 24 and Electron. Loaded through require so it resolves the same under tsx, vitest and Electron.
const sqlite = createRequire(import.meta.url)('@photostructure/sqlite') as SqliteModule & {
  backup(db: Database, to: string, options?: BackupOptions): Promise<number>;
};

/** The store's file in a data folder. */
export const DATABASE_FILE = 'inbox.db';

/**
 * Opens (creating it if need be) an SQLite file the way the store uses it: WAL, so readers never
 * wait for the one writer; `synchronous = FULL`, so a committed transaction survives a power cut;
 * foreign keys on; a busy wait instead of an immediate error when a backup or a second process
 * holds the lock for a moment. Read-only, the file is opened as it is and never changed.
 */
export function openDatabase(path: string, options: { readOnly?: boolean } = {}): Database {
  // A new file is made private first: SQLite gives its WAL and shared-memory files the same mode.
  if (!options.readOnly && path !== ':memory:') closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  const db = new sqlite.DatabaseSync(path, {
    timeout: 5000,
    enableForeignKeyConstraints: true,
    readOnly: options.readOnly ?? false,
  });
  // A file opened to be read (a backup being checked) is left exactly as it is.
  if (options.readOnly) return db;
  try {
    db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA cache_size = -32000;
    `);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** A consistent copy of a live database, made page by page while writers go on (SQLite's backup API). */
export function backupDatabase(
  db: Database,
  to: string,
  progress?: (done: number, total: number) => void,
): Promise<number> {
  return sqlite.backup(db, to, {
    rate: 256,
    ...(progress
      ? {
          progress: ({
            totalPages,
            remainingPages,
          }: {
            totalPages: number;
            remainingPages: number;
          }) => progress(totalPages - remainingPages, totalPages),
        }
      : {}),
  });
}

/** A statement whose rows are read as their first column only. */
export class Column {
  private readonly statement: Statement;

  constructor(db: Database, sql: string) {
    this.statement = db.prepare(sql);
    this.statement.setReturnArrays(true);
  }

  /** The first row's value, or undefined when there is no row. */
  one<T>(...params: SqlValue[]): T | undefined {
    const row = this.statement.get(...params) as unknown[] | undefined;
    return row?.[0] as T | undefined;
  }

  all<T>(...params: SqlValue[]): T[] {
    return (this.statement.all(...params) as unknown[][]).map((row) => row[0] as T);
  }
}

export type SqlValue = string | number | bigint | null | Uint8Array;

/** Rows read at a time when a range is walked. */
export const PAGE = 1000;

/**
 * The bodies of the rows whose time (ms) is in [from, to), in (time, id) order, read a page at a
 * time by keyset. `page` selects `ms, id, body` with parameters (to, after ms, after id) and
 * `LIMIT ${PAGE}`.
 */
export async function* timeRange<T>(
  page: Statement,
  fromIso: string,
  toIso: string,
): AsyncIterable<T> {
  let after: [number, string] = [Date.parse(fromIso) - 1, '\uffff'];
  for (;;) {
    const rows = page.all(Date.parse(toIso), ...after) as {
      ms: number;
      id: string;
      body: string;
    }[];
    for (const row of rows) yield JSON.parse(row.body) as T;
    const last = rows.at(-1);
    if (last == null || rows.length < PAGE) return;
    after = [last.ms, last.id];
  }
}

/** (time, id) order of `[ms, id, …]` rows. */
export function byTimeAndId(a: readonly unknown[], b: readonly unknown[]): number {
  const [ta, ia] = a as [number, string];
  const [tb, ib] = b as [number, string];
  return ta !== tb ? ta - tb : ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** The rows in (time, id) order: as SQLite gives them, unless it did not. */
export function inTimeOrder<R extends readonly unknown[]>(rows: R[]): R[] {
  for (let i = 1; i < rows.length; i++)
    if (byTimeAndId(rows[i - 1]!, rows[i]!) > 0) return rows.sort(byTimeAndId);
  return rows;
}

/**
 * Like `timeRange`, for rows read as a few columns rather than a body, a page at a time: `page`
 * selects one JSON array (json_group_array) of `[ms, id, …]` arrays with the same parameters. A
 * page crosses into JavaScript as one value instead of a thousand rows, which is most of what
 * reading many small rows costs. The aggregate is not asked to sort (a sort of each page that
 * its subquery's order makes needless); the order is checked here.
 */
export async function* tupleRange<T>(
  page: Column,
  fromIso: string,
  toIso: string,
  make: (tuple: unknown[]) => T,
): AsyncIterable<T[]> {
  let after: [number, string] = [Date.parse(fromIso) - 1, '\uffff'];
  for (;;) {
    const rows = inTimeOrder(
      JSON.parse(page.one<string>(Date.parse(toIso), ...after) ?? '[]') as [
        number,
        string,
        ...unknown[],
      ][],
    );
    if (rows.length > 0) yield rows.map(make);
    const last = rows.at(-1);
    if (last == null || rows.length < PAGE) return;
    after = [last[0], last[1]];
  }
}

/** SQLite's result codes of a disk that is full, and of one that cannot be written now. */
const FULL = new Set([13]);
const UNAVAILABLE: Record<number, string> = {
  3: 'permission denied',
  8: 'read-only database',
  10: 'disk I/O error',
  11: 'the database file is malformed',
  14: 'unable to open the database file',
  26: 'not a database file',
};

/**
 * What the caller is told when SQLite refuses a change because of the disk: `storage_full` (507)
 * or `storage_unavailable` (503), naming the folder and SQLite's reason. Other errors pass through.
 */
export function sqlStorageError(err: unknown, folder: string, file: string): unknown {
  if (err instanceof InboxError) return err;
  const errcode = (err as { errcode?: unknown } | null)?.errcode;
  if (typeof errcode !== 'number') return err;
  const primary = errcode & 0xff;
  const name = (err as { sqliteCodeName?: string }).sqliteCodeName ?? `SQLite error ${errcode}`;
  const details = { errno: name, file };
  if (FULL.has(primary))
    return new InboxError(
      'storage_full',
      `The data folder ${folder} is full (${name}: ${(err as Error).message}): the change was not saved. Free some space and try again.`,
      details,
    );
  const reason = UNAVAILABLE[primary];
  if (reason != null)
    return new InboxError(
      'storage_unavailable',
      `The data folder ${folder} cannot be used (${name}: ${reason}): the change was not saved.`,
      details,
    );
  return err;
}
