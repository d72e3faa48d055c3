import { chmod, mkdir, open, readdir, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './file-system';

/** Creates a folder (and its missing parents) readable by the owner only. */
export async function makePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Writes a whole file atomically (temporary file, then rename) with owner-only permissions. A
 * leftover temporary file with wider permissions is narrowed before it is written.
 */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.tmp`);
  const handle = await open(temp, 'w', PRIVATE_FILE_MODE);
  try {
    await handle.chmod(PRIVATE_FILE_MODE);
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

/** The store's own files (and their temporary copies): JSON documents and JSON-lines journals. */
const STORE_FILE = /^\.?[\w.-]+\.jsonl?(\.tmp)?$/;
/** The store's own subfolders. */
const STORE_DIRS = new Set(['posts']);

/**
 * Narrows a data folder left by an older version or another umask: the folder and the store's
 * subfolders become 0700, the store's files 0600. Anything else in it is left as it is (a data
 * folder pointed at a wrong place must not rewrite the permissions of unrelated files), and symbolic
 * links are never followed.
 */
export async function lockDownDataDir(dir: string): Promise<void> {
  await makePrivateDir(dir);
  await chmod(dir, PRIVATE_DIR_MODE);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && STORE_DIRS.has(entry.name)) {
      await chmod(path, PRIVATE_DIR_MODE);
      for (const inner of await readdir(path, { withFileTypes: true }))
        if (inner.isFile() && STORE_FILE.test(inner.name))
          await chmod(join(path, inner.name), PRIVATE_FILE_MODE).catch(ignoreGone);
    } else if (entry.isFile() && STORE_FILE.test(entry.name)) {
      await chmod(path, PRIVATE_FILE_MODE).catch(ignoreGone);
    }
  }
}

/** A file renamed or removed between listing and changing it has nothing left to narrow. */
function ignoreGone(err: unknown): void {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
}
