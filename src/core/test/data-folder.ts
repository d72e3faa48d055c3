import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { AuditEntry } from '../../shared';

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

/** The audit trail of a data folder, entry by entry. */
export async function auditEntries(dir: string): Promise<AuditEntry[]> {
  let text = '';
  try {
    text = await readFile(join(dir, 'audit.jsonl'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditEntry);
}
