import { open, readdir, rename, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditCheck } from '../../../shared';
import type { AuditHead } from '../../audit/audit-chain';
import { AUDIT_FILE, AUDIT_HEAD_FILE } from '../../audit/audit-files';
import { JOURNAL_FILE, SNAPSHOT_FILE } from './file-lines';
import { isMissing } from '../file-system';
import { makePrivateDir } from '../private-files';
import { UNFINISHED_FILE } from '../unfinished-change';
import type { ImportProgress } from './import-readers';
import { Column } from './sqlite';
import type { Database } from './sqlite';

/**
 * The files of the store before SQLite. `workspace.json` is not one (lowdb keeps the settings in
 * it), nor `idempotency.jsonl` (the hub or the app moves its keys into the store when it opens).
 */
const OLD_FILES = [
  SNAPSHOT_FILE,
  JOURNAL_FILE,
  'notes.jsonl',
  'outbox.jsonl',
  AUDIT_FILE,
  AUDIT_HEAD_FILE,
  UNFINISHED_FILE,
];
const OLD_FOLDERS = ['posts'];

/** How many of each the files held, as their stores read them. */
export interface ImportCounts {
  conversations: number;
  posts: number;
  notes: number;
  outbox: number;
  audit: number;
  cursors: number;
}

/**
 * What the store records of its import from the files (in its `meta` table, written in the same
 * file before it became `inbox.db`): when, what was read and checked, and where the files went.
 */
export interface ImportRecord {
  importedAt: string;
  /** The folder, in the data folder, the files are moved into. */
  setAsideTo: string;
  counts: ImportCounts;
  /** Lines of the files their stores did not read either (kept in the files set aside), by file. */
  skipped: Record<string, number>;
  head: AuditHead | null;
  /** The trail's verdict, the same of the files and of the store (a trail someone edited is imported as it is). */
  audit: Omit<AuditCheck, 'checkedAt'>;
  /** Set once every file is in `setAsideTo`; until then, each open finishes the move. */
  setAsideAt?: string;
}

export const IMPORT_KEY = 'import-from-files';

export function readImportRecord(db: Database): ImportRecord | null {
  const value = new Column(db, 'SELECT value FROM meta WHERE key = ?').one<string>(IMPORT_KEY);
  return value == null ? null : (JSON.parse(value) as ImportRecord);
}

export function writeImportRecord(db: Database, record: ImportRecord): void {
  db.prepare(
    `INSERT INTO meta (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(IMPORT_KEY, JSON.stringify(record));
}

/**
 * The old store's files present in the data folder (relative paths): its files, the side files
 * they left (`<file>.tmp`, `<file>.corrupt-<time>`) and the posts folder.
 */
export async function oldFiles(dataDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
  return names
    .filter(
      (name) =>
        OLD_FOLDERS.includes(name) ||
        OLD_FILES.some((file) => name === file || name.startsWith(`${file}.`)),
    )
    .sort();
}

/**
 * Moves the old files into `<dataDir>/<to>/`, keeping their relative paths; what an earlier,
 * interrupted move left behind joins what it moved. Each move is a rename within the folder, so a
 * file is in one place or the other, never lost; the folders are synced afterwards. Returns the
 * paths moved.
 */
export async function setAsideFiles(
  dataDir: string,
  to: string,
  onProgress?: (progress: ImportProgress) => void,
): Promise<string[]> {
  const names = await oldFiles(dataDir);
  const target = join(dataDir, to);
  if (names.length > 0) await makePrivateDir(target);
  const report = (done: number): void =>
    onProgress?.({ phase: 'setting-aside', done, total: names.length, unit: 'items' });
  report(0);
  for (const [i, name] of names.entries()) {
    await move(join(dataDir, name), join(target, name));
    report(i + 1);
  }
  if (names.length > 0) {
    await syncFolder(target);
    await syncFolder(dataDir);
  }
  return names;
}

/** Renames a file or a folder; a folder whose target exists (moved in part before) is merged. */
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EISDIR') throw err;
    await makePrivateDir(to);
    for (const name of await readdir(from)) await move(join(from, name), join(to, name));
    await rmdir(from);
  }
}

/** Makes the folder's entries (renames into or out of it) durable; not every system can. */
export async function syncFolder(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for syncing; its renames are journaled by the file system.
  }
}
