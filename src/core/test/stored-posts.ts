import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cursors } from '../store/workspace-store';

/** Every post record on disk, by post id, in the order written. */
export async function postRecords(dir: string): Promise<Map<string, string[]>> {
  const records = new Map<string, string[]>();
  for (const name of await readdir(join(dir, 'posts'))) {
    for (const line of (await readFile(join(dir, 'posts', name), 'utf8')).split('\n')) {
      if (!line) continue;
      const id = (JSON.parse(line) as { id: string }).id;
      records.set(id, [...(records.get(id) ?? []), line]);
    }
  }
  return records;
}

/** The sync cursors as `workspace.json` holds them, by account id. */
export async function cursorsOnDisk(dir: string): Promise<Cursors> {
  const text = await readFile(join(dir, 'workspace.json'), 'utf8');
  return (JSON.parse(text) as { cursors: Cursors }).cursors;
}
