import { existsSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AuditCheck } from '../../../shared';
import { writeFileAtomic } from '../durable-write';
import { storageAt } from '../file-system';
import { WORKSPACE_FILE } from '../workspace-store';
import { dateOf } from '../../time/clock';
import type { Clock } from '../../time/clock';
import { placeDatabase, removeDatabase } from './database-file';
import { DATABASE_FILE, backupDatabase, openDatabase } from './sqlite';
import type { Database } from './sqlite';
import { SqliteStore } from './sqlite-store';

/** The table a backup file carries the settings document in (it exists only in backups). */
const SETTINGS_TABLE = 'backup_settings';

export interface BackupResult {
  file: string;
  /** Audit entries in the copy, and whether their chain checks out. */
  audit: AuditCheck;
  conversations: number;
  bytes: number;
}

export type Progress = (done: number, total: number) => void;

/**
 * A consistent copy of a live data folder in one file: the database through SQLite's backup API,
 * read in one step (one read transaction, so the copy is one moment of the store while writers go
 * on, in this process or another), and the settings document beside it in the same file. The copy
 * is written under a temporary name, checked (integrity and audit chain), synced, then renamed:
 * a backup file that exists is a whole one.
 */
export async function backupDataFolder(
  dataDir: string,
  to: string,
  options: { clock: Clock; progress?: Progress; overwrite?: boolean },
): Promise<BackupResult> {
  const source = join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new Error(`No store in ${dataDir} (expected ${DATABASE_FILE})`);
  if (existsSync(to) && !options.overwrite)
    throw new Error(`${to} already exists: choose another file, or pass --force to replace it`);
  const partial = `${to}.partial`;
  await removeDatabase(partial);
  const db = openDatabase(source);
  try {
    await backupDatabase(db, partial, options.progress);
  } finally {
    db.close();
  }
  try {
    const settings = await readFile(join(dataDir, WORKSPACE_FILE), 'utf8').catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    });
    const copy = openDatabase(partial);
    try {
      copy.exec(`CREATE TABLE ${SETTINGS_TABLE} (name TEXT PRIMARY KEY, text TEXT NOT NULL)`);
      if (settings != null)
        copy
          .prepare(`INSERT INTO ${SETTINGS_TABLE} (name, text) VALUES (?, ?)`)
          .run(WORKSPACE_FILE, settings);
      // One file, no WAL beside it: the backup is whole on its own.
      copy.exec('PRAGMA journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const checked = await checkCopy(partial, options.clock);
    await placeDatabase(partial, to);
    return { file: to, ...checked };
  } catch (err) {
    await removeDatabase(partial);
    throw err;
  }
}

/**
 * Brings a backup back into a data folder that no inbox has open: the copy is checked first, the
 * database is written under a temporary name and renamed over `inbox.db` (its old WAL removed),
 * then the settings document is written. Refuses a folder that has a store unless told to replace it.
 */
export async function restoreDataFolder(
  from: string,
  dataDir: string,
  options: { clock: Clock; overwrite?: boolean },
): Promise<BackupResult> {
  if (!existsSync(from)) throw new Error(`No backup at ${from}`);
  const target = join(dataDir, DATABASE_FILE);
  if (existsSync(target) && !options.overwrite)
    throw new Error(
      `${dataDir} already has a store: stop the inbox using it, then pass --force to replace it`,
    );
  const checked = await checkCopy(from, options.clock);
  const restoring = `${target}.restoring`;
  await removeDatabase(restoring);
  const backup = openDatabase(from, { readOnly: true });
  let settings: string | null = null;
  try {
    settings =
      (
        backup.prepare(`SELECT text FROM ${SETTINGS_TABLE} WHERE name = ?`).get(WORKSPACE_FILE) as
          { text: string } | undefined
      )?.text ?? null;
    await backupDatabase(backup, restoring);
  } finally {
    backup.close();
  }
  const copy = openDatabase(restoring);
  try {
    copy.exec(`DROP TABLE IF EXISTS ${SETTINGS_TABLE}`);
    copy.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    copy.close();
  }
  // The old file's WAL must not outlive it: SQLite would read it as the new file's.
  for (const journal of ['-wal', '-shm', '-journal'])
    await rm(`${target}${journal}`, { force: true });
  await placeDatabase(restoring, target);
  if (settings != null)
    await writeFileAtomic(
      storageAt(dataDir, { clock: options.clock }),
      join(dataDir, WORKSPACE_FILE),
      settings,
    );
  return { ...checked, file: target };
}

/** Opens a copy as a store and checks it: SQLite's own integrity check, then the audit chain. */
async function checkCopy(
  file: string,
  clock: Clock,
): Promise<{ audit: AuditCheck; conversations: number; bytes: number }> {
  const db: Database = openDatabase(file, { readOnly: true });
  try {
    const integrity = db.prepare('PRAGMA quick_check').get() as { quick_check: string };
    if (integrity.quick_check !== 'ok')
      throw new Error(`The copy ${file} is damaged: ${integrity.quick_check}`);
  } finally {
    db.close();
  }
  const store = SqliteStore.open(dirname(file), { clock, file, readOnly: true });
  try {
    const audit = await store.audit.verify(dateOf(clock));
    const conversations = await store.conversations.count();
    return { audit, conversations, bytes: (await stat(file)).size };
  } finally {
    await store.close();
  }
}
