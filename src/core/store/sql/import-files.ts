import { join } from 'node:path';
import type { AuditCheck } from '../../../shared';
import type { AuditHead } from '../../audit/audit-chain';
import { verifyAudit } from '../../audit/audit-files';
import { dateOf, isoOf } from '../../time/clock';
import type { Clock } from '../../time/clock';
import { storageAt } from '../file-system';
import { storageError } from '../storage-error';
import { takeBackUnfinished } from '../unfinished-change';
import {
  importAudit,
  importConversations,
  importCursors,
  importNotes,
  importOutbox,
  importPosts,
  readCursors,
  reporter,
} from './import-readers';
import type { OnProgress, Read } from './import-readers';
import { exists, placeDatabase, removeDatabase } from './database-file';
import { oldFiles, readImportRecord, setAsideFiles, writeImportRecord } from './set-aside';
import type { ImportCounts, ImportRecord } from './set-aside';
import { Column, DATABASE_FILE, sqlStorageError } from './sqlite';
import type { Database } from './sqlite';
import { SqliteStore } from './sqlite-store';
import { upgradeFile } from './migrations';

export type { ImportPhase, ImportProgress, OnProgress } from './import-readers';
export type { ImportCounts, ImportRecord } from './set-aside';
export { readImportRecord } from './set-aside';

/** Where the import writes before the file is checked and becomes `inbox.db`. */
export const IMPORTING_FILE = `${DATABASE_FILE}.importing`;

export interface ImportOptions {
  clock: Clock;
  /** Told how far the import is, phase by phase (a large data folder takes a while). */
  onProgress?: OnProgress;
  /** For tests: changes the new file just before it is checked, as an import gone wrong would. */
  beforeCheck?: (db: Database) => void;
}

/** The store, and the import this open made or finished (null when there was none to do). */
export interface MigratedStore {
  store: SqliteStore;
  imported: ImportRecord | null;
  /** The old files this open moved aside (relative paths). */
  setAside: string[];
}

/**
 * An import whose new file did not match the files it was read from. The new file was deleted and
 * the files left as they were: the inbox can be opened again (and the import tried again) by a
 * version that fixes whatever differed.
 */
export class ImportCheckError extends Error {
  override readonly name = 'ImportCheckError';

  constructor(
    readonly dataDir: string,
    readonly differences: readonly string[],
  ) {
    super(
      `The data folder ${dataDir} was not moved to ${DATABASE_FILE}: the new file did not match ` +
        `the files (${differences.join('; ')}). The files are as they were.`,
    );
  }
}

/**
 * Opens the data folder's SQLite store, moving a data folder of files into it first, once. The
 * import writes a new file beside `inbox.db`, checks it against the files, and only then renames it
 * into place, with the record of the import inside it; the old files are moved aside after. A crash
 * before the rename leaves the files as they were (the next open starts over); one after it leaves
 * the record, and the next open finishes moving the files without importing again.
 */
export async function openMigrated(
  dataDir: string,
  options: ImportOptions,
): Promise<MigratedStore> {
  let imported = (await needsImport(dataDir)) ? await importFiles(dataDir, options) : null;
  await removeLeftovers(dataDir);
  try {
    await upgradeFile(join(dataDir, DATABASE_FILE), options.onProgress);
  } catch (err) {
    throw storageError(
      sqlStorageError(err, dataDir, join(dataDir, DATABASE_FILE)),
      dataDir,
      DATABASE_FILE,
    );
  }
  const store = SqliteStore.open(dataDir, { clock: options.clock });
  try {
    const record = readImportRecord(store.db);
    let setAside: string[] = [];
    if (record != null && record.setAsideAt == null) {
      setAside = await setAsideFiles(dataDir, record.setAsideTo, options.onProgress);
      imported = { ...record, setAsideAt: isoOf(options.clock) };
      writeImportRecord(store.db, imported);
    }
    return { store, imported, setAside };
  } catch (err) {
    await store.close();
    throw storageError(sqlStorageError(err, dataDir, store.file), dataDir, DATABASE_FILE);
  }
}

/** Whether the folder has no `inbox.db` yet and holds data of the store before it. */
export async function needsImport(dataDir: string): Promise<boolean> {
  if (await exists(join(dataDir, DATABASE_FILE))) return false;
  if ((await oldFiles(dataDir)).length > 0) return true;
  return Object.keys(await readCursors(dataDir)).length > 0;
}

/**
 * Imports the data folder's files into a new `inbox.db` and checks it (see `check`); the files are
 * not changed, but for a change a crash left unfinished, taken back first as the old store would
 * have at its start. Fast and unsafe while it writes (no sync, the rollback journal in memory: a
 * crash throws the new file away anyway). Then back to full sync with an ordinary rollback journal,
 * so the closed file is whole on its own (no WAL beside it to checkpoint, nothing left under the
 * temporary name); it is synced and renamed into place, and opened in WAL mode from then on.
 */
export async function importFiles(dataDir: string, options: ImportOptions): Promise<ImportRecord> {
  const { clock } = options;
  const temp = join(dataDir, IMPORTING_FILE);
  // The rename at the end would replace it: what it holds is newer than the files.
  if (await exists(join(dataDir, DATABASE_FILE)))
    throw new Error(
      `The data folder ${dataDir} already has its ${DATABASE_FILE}: nothing to import`,
    );
  await takeBackUnfinished(storageAt(dataDir, { clock }));
  for (const file of temporaryFiles(dataDir)) await removeDatabase(file);
  let store: SqliteStore | null = null;
  try {
    store = SqliteStore.open(dataDir, { clock, file: temp });
    const db = store.db;
    db.exec('PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;');
    const read = await readAll(store, dataDir, options.onProgress);
    options.beforeCheck?.(db);
    const record = await check(store, dataDir, read, options);
    db.exec('PRAGMA synchronous = FULL; PRAGMA journal_mode = DELETE;');
    writeImportRecord(db, record);
    await store.close();
    store = null;
    await placeDatabase(temp, join(dataDir, DATABASE_FILE));
    return record;
  } catch (err) {
    await store?.close();
    await removeDatabase(temp).catch(() => undefined);
    // A full disk (the new file needs room beside the files) says so, as any write does.
    throw storageError(sqlStorageError(err, dataDir, temp), dataDir, IMPORTING_FILE);
  }
}

interface ReadFiles {
  counts: ImportCounts;
  skipped: Record<string, number>;
  head: AuditHead | null;
}

/** Every store's records, each in a transaction of its own. */
async function readAll(
  store: SqliteStore,
  dataDir: string,
  onProgress: OnProgress | undefined,
): Promise<ReadFiles> {
  const inTransaction = async <T extends Read>(run: () => Promise<T>): Promise<T> => {
    store.db.exec('BEGIN');
    try {
      const result = await run();
      store.db.exec('COMMIT');
      return result;
    } catch (err) {
      if (store.db.isTransaction) store.db.exec('ROLLBACK');
      throw err;
    }
  };
  const conversations = await inTransaction(() => importConversations(store, dataDir, onProgress));
  const posts = await inTransaction(() => importPosts(store, dataDir, onProgress));
  const notes = await inTransaction(() => importNotes(store, dataDir, onProgress));
  const outbox = await inTransaction(() => importOutbox(store, dataDir, onProgress));
  const cursors = await inTransaction(() => importCursors(store, dataDir));
  const audit = await inTransaction(() => importAudit(store, dataDir, onProgress));
  const skipped = Object.fromEntries(
    Object.entries({
      'conversations.jsonl': conversations.skipped,
      posts: posts.skipped,
      'notes.jsonl': notes.skipped,
      'outbox.jsonl': outbox.skipped,
    }).filter(([, n]) => n > 0),
  );
  return {
    counts: {
      conversations: conversations.count,
      posts: posts.count,
      notes: notes.count,
      outbox: outbox.count,
      audit: audit.count,
      cursors: cursors.count,
    },
    skipped,
    head: audit.head,
  };
}

const TABLES: Record<keyof ImportCounts, string> = {
  conversations: 'conversations',
  posts: 'posts',
  notes: 'notes',
  outbox: 'outbox',
  audit: 'audit',
  cursors: 'cursors',
};

/**
 * What must hold before the files may go: the new file has as many of each as the files held, its
 * audit head is the trail's, and its verify says what the files' verify says (the same verdict,
 * entries and first broken line: an edited trail is moved as it is, and said so).
 */
async function check(
  store: SqliteStore,
  dataDir: string,
  read: ReadFiles,
  options: ImportOptions,
): Promise<ImportRecord> {
  const { clock } = options;
  const report = reporter(options.onProgress, 'checking', 'items', 3);
  const differences: string[] = [];
  for (const [what, table] of Object.entries(TABLES) as [keyof ImportCounts, string][]) {
    const found = new Column(store.db, `SELECT count(*) FROM ${table}`).one<number>() ?? 0;
    if (found !== read.counts[what])
      differences.push(`${what}: ${read.counts[what]} in the files, ${found} in the new file`);
  }
  const head = store.audit.head();
  if (!sameHead(head, read.head))
    differences.push(
      `audit head: ${headText(read.head)} in the files, ${headText(head)} in the new file`,
    );
  report(1, true);
  const files = await verifyAudit(dataDir, clock);
  report(2, true);
  const stored = await store.audit.verify(dateOf(clock));
  report(3, true);
  if (verdictText(files) !== verdictText(stored))
    differences.push(
      `audit verify: ${verdictText(files)} of the files, ${verdictText(stored)} of the new file`,
    );
  if (differences.length > 0) throw new ImportCheckError(dataDir, differences);
  const importedAt = isoOf(clock);
  const { checkedAt: _checkedAt, ...audit } = files;
  return {
    importedAt,
    setAsideTo: `before-sqlite-${importedAt.replace(/:/g, '-')}`,
    counts: read.counts,
    skipped: read.skipped,
    head: read.head,
    audit,
  };
}

const sameHead = (a: AuditHead | null, b: AuditHead | null): boolean =>
  a?.seq === b?.seq && a?.hash === b?.hash;

const headText = (head: AuditHead | null): string =>
  head == null ? 'none' : `entry ${head.seq} (${head.hash.slice(0, 12)}…)`;

function verdictText(check: AuditCheck): string {
  return check.intact
    ? `intact, ${check.entries} entries`
    : `broken at line ${check.brokenAt} after ${check.entries} entries (${check.reason})`;
}

/** The files an import writes before `inbox.db` (see placeDatabase for the copy). */
function temporaryFiles(dataDir: string): string[] {
  const temp = join(dataDir, IMPORTING_FILE);
  return [temp, `${temp}-copy`];
}

/** What an import left under its temporary names: a crash, or a file Windows kept open. */
async function removeLeftovers(dataDir: string): Promise<void> {
  for (const file of temporaryFiles(dataDir)) await removeDatabase(file).catch(() => undefined);
}
