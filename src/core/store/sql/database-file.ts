import { chmod, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PRIVATE_FILE_MODE, isMissing } from '../file-system';
import { syncFolder } from './set-aside';
import { backupDatabase, openDatabase } from './sqlite';

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if (isMissing(err)) return false;
    throw err;
  }
}

/** Deletes a database file and the journals SQLite keeps beside it. */
export async function removeDatabase(path: string): Promise<void> {
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    try {
      await unlink(file);
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
  }
}

/** Makes a written file durable (before it is renamed into place). */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Errors of a rename refused because the file is still open (Windows). */
const STILL_OPEN = new Set(['EPERM', 'EACCES', 'EBUSY']);

/**
 * Puts a finished, closed database file in place: synced, made private, renamed over `to` (atomic:
 * `to` is the old file or the new one, never half), the folder synced.
 *
 * The driver lets go of a closed connection's file only once that connection's statements are
 * collected, and Windows refuses to rename a file that is open. There, a copy is made by SQLite's
 * backup (its connection holds no statements, so it is closed for good) and renamed instead; the
 * original is deleted when the system lets it (the next open deletes what is left).
 */
export async function placeDatabase(
  from: string,
  to: string,
  move: (from: string, to: string) => Promise<void> = rename,
): Promise<void> {
  await syncFile(from);
  await chmod(from, PRIVATE_FILE_MODE);
  try {
    await move(from, to);
  } catch (err) {
    if (!STILL_OPEN.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
    const copy = `${from}-copy`;
    await removeDatabase(copy);
    const db = openDatabase(from);
    try {
      await backupDatabase(db, copy);
    } finally {
      db.close();
    }
    await syncFile(copy);
    await chmod(copy, PRIVATE_FILE_MODE);
    await move(copy, to);
    await removeDatabase(from).catch(() => undefined);
  }
  await syncFolder(dirname(to));
}
