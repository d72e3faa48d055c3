import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry } from '../../shared';
import { SqliteStore } from '../store/sql/sqlite-store';
import { DATABASE_FILE, openDatabase } from '../store/sql/sqlite';
import { ManualClock } from '../time/clock';

/**
 * Reads what a data folder's store holds, from another connection (read only, as another process
 * would, while the inbox may have it open); null when the folder has no store yet.
 */
export async function readStore<T>(
  dir: string,
  read: (store: SqliteStore) => Promise<T>,
): Promise<T | null> {
  const file = join(dir, DATABASE_FILE);
  if (!existsSync(file)) return null;
  const store = SqliteStore.open(dir, { clock: new ManualClock(0), readOnly: true });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

/** Every post stored, by post id: its record (the store keeps one per post). */
export async function postRecords(dir: string): Promise<Map<string, string[]>> {
  const rows = await readStore(
    dir,
    async (store) =>
      store.db.prepare('SELECT id, body FROM posts').all() as { id: string; body: string }[],
  );
  return new Map((rows ?? []).map((r) => [r.id, [r.body]]));
}

/** The sync cursors as the store holds them, by account id. */
export async function cursorsOnDisk(dir: string): Promise<Record<string, Record<string, string>>> {
  const rows = await readStore(
    dir,
    async (store) =>
      store.db.prepare('SELECT account_id, stream, value FROM cursors').all() as {
        account_id: string;
        stream: string;
        value: string;
      }[],
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
