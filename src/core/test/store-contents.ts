import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry } from '../../shared';
import { SqliteStore } from '../store/sql/sqlite-store';
import { PostgresStore } from '../store/pg/postgres-store';
import type { InboxStore } from '../store/port';
import { DATABASE_FILE, openDatabase } from '../store/sql/sqlite';
import { ManualClock } from '../time/clock';

/** The PostgreSQL database an inbox of a test keeps its store in, by its data folder. */
const databases = new Map<string, string>();

/** Says that the inbox of this data folder keeps its store in this database. */
export function storeInDatabase(dir: string, url: string): void {
  databases.set(dir, url);
}

/**
 * Reads what a data folder's store holds, from another connection (read only, as another process
 * would, while the inbox may have it open); null when the folder has no store yet.
 */
export async function readStore<T>(
  dir: string,
  read: (store: InboxStore) => Promise<T>,
): Promise<T | null> {
  const database = databases.get(dir);
  if (database != null) {
    const store = await PostgresStore.open({
      url: database,
      clock: new ManualClock(0),
      poolSize: 1,
    });
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  }
  const file = join(dir, DATABASE_FILE);
  if (!existsSync(file)) return null;
  const store = SqliteStore.open(dir, { clock: new ManualClock(0), readOnly: true });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

/**
 * Every row of every table of a data folder's SQLite store, as text (with its schema version): what
 * it holds, not how its pages lie in the file, which a checkpoint changes at any moment.
 */
export async function storeDump(dir: string): Promise<string> {
  const bytes = (_key: string, value: unknown) =>
    value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value;
  const dump = await readStore(dir, async (store) => {
    const db = (store as SqliteStore).db;
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    const version = JSON.stringify(db.prepare('PRAGMA user_version').get());
    return [
      version,
      ...tables.map(({ name }) => {
        const rows = db.prepare(`SELECT * FROM "${name}"`).all();
        return [name, ...rows.map((row) => JSON.stringify(row, bytes)).sort()].join('\n');
      }),
    ].join('\n\n');
  });
  return dump ?? '';
}

/** Rows of a query (no parameters) on either engine. */
async function queryRows<R>(store: InboxStore, sql: string): Promise<R[]> {
  if (store instanceof PostgresStore) return (await store.pool.query(sql)).rows as R[];
  return (store as SqliteStore).db.prepare(sql).all() as R[];
}

/** Every post stored, by post id: its record (the store keeps one per post). */
export async function postRecords(dir: string): Promise<Map<string, string[]>> {
  const rows = await readStore(dir, async (store) =>
    queryRows<{ id: string; body: string }>(store, 'SELECT id, body FROM posts'),
  );
  return new Map((rows ?? []).map((r) => [r.id, [r.body]]));
}

/** The sync cursors as the store holds them, by account id. */
export async function cursorsOnDisk(dir: string): Promise<Record<string, Record<string, string>>> {
  const rows = await readStore(dir, async (store) =>
    queryRows<{ account_id: string; stream: string; value: string }>(
      store,
      'SELECT account_id, stream, value FROM cursors',
    ),
  );
  const cursors: Record<string, Record<string, string>> = {};
  for (const row of rows ?? []) (cursors[row.account_id] ??= {})[row.stream] = row.value;
  return cursors;
}

/** The audit trail as the store holds it, entry by entry. */
export async function storedAuditEntries(dir: string): Promise<AuditEntry[]> {
  const entries = await readStore(dir, async (store) => {
    const all: AuditEntry[] = [];
    for await (const entry of store.audit.between(
      '1970-01-01T00:00:00.000Z',
      '9999-12-31T00:00:00.000Z',
    ))
      all.push(entry);
    return all;
  });
  return entries ?? [];
}

/** Runs SQL on a data folder's store from another connection, as someone with the file could. */
export function tamperWithStore(dir: string, sql: string): void {
  const db = openDatabase(join(dir, DATABASE_FILE));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}
