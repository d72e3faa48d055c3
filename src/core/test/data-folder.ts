import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DATABASE_FILE } from '../store/sql/sqlite';
import { storeDump } from './store-contents';

/** Every file of a data folder (sub-folders included) with its content, by relative path. */
export async function folderContents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (at === dir && STORE_FILES.test(entry.name)) {
        // The store by what it holds: its bytes move with every checkpoint (made at any moment,
        // on the list thread), its WAL and shared memory with every read.
        if (entry.name === DATABASE_FILE) out[entry.name] = await storeDump(dir);
      } else out[relative(dir, path)] = await readFile(path, 'utf8');
    }
  };
  await walk(dir);
  return out;
}

/** The store's file, its WAL and its shared memory, in the data folder itself. */
const STORE_FILES = new RegExp(`^${DATABASE_FILE.replace('.', '\\.')}(-wal|-shm)?$`);

/** The audit trail of a data folder, entry by entry, as its store holds it. */
export { storedAuditEntries as auditEntries } from './store-contents';
