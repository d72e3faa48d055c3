import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file of a data folder (sub-folders included) with its content, by relative path. */
export async function folderContents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path)] = await readFile(path, 'utf8');
    }
  };
  await walk(dir);
  return out;
}

/** The audit trail of a data folder, entry by entry, as its store holds it. */
export { storedAuditEntries as auditEntries } from './store-contents';
