import { basename, join, relative } from 'node:path';
import { writeFileAtomic, writeFileSynced } from './durable-write';
import { isMissing } from './file-system';
import type { Storage } from './file-system';
import { storageError } from './storage-error';

/**
 * Where a file stood before a change, so the change can be taken back: a JSON-lines file's length
 * (its appends are cut off), or a document's whole text (null: there was no file).
 */
export type Mark = { path: string; size: number } | { path: string; text: string | null };

/** The marks of the change being written, while it is: its files' state before it. */
export const UNFINISHED_FILE = 'unfinished-change.json';

interface Intent {
  v: 1;
  /** Paths relative to the data folder. */
  marks: Mark[];
}

/**
 * The record of a change across several files (an audit entry and what it records) while it is
 * being written: written and synced before the first of them, removed after the last. If the
 * process dies (or the disk fails) in between, `takeBackUnfinished` puts every file back to its mark
 * at the next start, so the change and its audit entry are gone together.
 */
export class UnfinishedChange {
  private readonly path: string;

  constructor(private readonly storage: Storage) {
    this.path = join(storage.folder, UNFINISHED_FILE);
  }

  async begin(marks: readonly Mark[]): Promise<void> {
    const intent: Intent = {
      v: 1,
      marks: marks.map((m) => ({ ...m, path: relative(this.storage.folder, m.path) })),
    };
    try {
      await writeFileSynced(this.storage, this.path, JSON.stringify(intent));
    } catch (err) {
      // Half a record is read as none at the next start; remove it if the folder lets us.
      await this.storage.fs.unlink(this.path).catch(() => undefined);
      throw err;
    }
  }

  async end(): Promise<void> {
    try {
      await this.storage.fs.unlink(this.path);
    } catch (err) {
      if (!isMissing(err)) throw storageError(err, this.storage.folder, UNFINISHED_FILE);
    }
  }
}

/**
 * At start, before any store reads its files: a change left unfinished is taken back (each of its
 * files put back to its mark). Returns the files put back. A record cut short by a crash means its
 * change had not started writing: it is only removed.
 */
export async function takeBackUnfinished(storage: Storage): Promise<string[]> {
  const path = join(storage.folder, UNFINISHED_FILE);
  let text: string;
  try {
    text = await storage.fs.readFile(path);
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
  const intent = parseIntent(text);
  const files: string[] = [];
  try {
    for (const mark of intent?.marks ?? []) {
      const file = join(storage.folder, mark.path);
      if ('size' in mark) {
        let size: number;
        try {
          size = await storage.fs.size(file);
        } catch (err) {
          if (isMissing(err)) continue;
          throw err;
        }
        if (size <= mark.size) continue;
        await storage.fs.truncate(file, mark.size);
      } else {
        if ((await readOrNull(storage, file)) === mark.text) continue;
        if (mark.text == null) await storage.fs.unlink(file);
        else await writeFileAtomic(storage, file, mark.text);
      }
      files.push(mark.path);
    }
    await storage.fs.unlink(path);
  } catch (err) {
    throw storageError(err, storage.folder, basename(path));
  }
  if (files.length > 0)
    console.warn(
      `${storage.folder}: a change cut short by a crash or a storage fault was taken back (${files.join(', ')})`,
    );
  return files;
}

async function readOrNull(storage: Storage, path: string): Promise<string | null> {
  try {
    return await storage.fs.readFile(path);
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
}

function parseIntent(text: string): Intent | null {
  try {
    const intent = JSON.parse(text) as Intent;
    return intent.v === 1 && Array.isArray(intent.marks) ? intent : null;
  } catch {
    return null;
  }
}
