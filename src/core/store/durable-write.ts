import { basename } from 'node:path';
import type { Storage, WritableFile } from './file-system';
import { shortWriteError, storageError } from './storage-error';

/**
 * Writes the whole buffer: a write may take only part of it (a disk filling up), so it goes on from
 * where the last one stopped; one that writes nothing at all fails.
 */
export async function writeAll(
  file: WritableFile,
  buffer: Uint8Array,
  path: string,
): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await file.write(buffer, offset, buffer.length - offset);
    if (bytesWritten <= 0) throw shortWriteError(path);
    offset += bytesWritten;
  }
}

/** Writes a whole file and syncs it to disk (no rename: for a file whose torn state is harmless). */
export async function writeFileSynced(storage: Storage, path: string, text: string): Promise<void> {
  try {
    await writeAndSync(storage, path, text);
  } catch (err) {
    throw storageError(err, storage.folder, basename(path));
  }
}

/** Empties the file, writes all of `text` and syncs it; errors are left as the system gave them. */
async function writeAndSync(storage: Storage, path: string, text: string): Promise<void> {
  const file = await storage.fs.open(path, 'w');
  try {
    await writeAll(file, Buffer.from(text), path);
    await file.datasync();
  } finally {
    await file.close();
  }
}

/**
 * Replaces a file with new content atomically: written to `<path>.tmp`, synced, then renamed over it,
 * so a crash or a full disk leaves the old content or the new one, never a mix. Calls for one path
 * must not overlap (each store serializes its own writes). Fails with a storage error naming the
 * data folder; the temporary file is removed.
 */
export async function writeFileAtomic(storage: Storage, path: string, text: string): Promise<void> {
  const temp = `${path}.tmp`;
  try {
    await writeAndSync(storage, temp, text);
    await storage.fs.rename(temp, path);
  } catch (err) {
    await storage.fs.unlink(temp).catch(() => undefined);
    throw storageError(err, storage.folder, basename(path));
  }
}
