import { readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures';
import { useCleanups } from '../../test/inbox-harness';
import { placeDatabase } from './database-file';
import { openDatabase } from './sqlite';

const cleanup = useCleanups();

/** A database file with one row, closed; the folder it is in. */
async function written(): Promise<{ dir: string; file: string }> {
  const { dir, cleanup: remove } = await tempDir();
  cleanup(remove);
  const file = join(dir, 'inbox.db.importing');
  const db = openDatabase(file);
  db.exec("PRAGMA journal_mode = DELETE; CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('kept')");
  db.close();
  return { dir, file };
}

function rowsOf(file: string): unknown[] {
  const db = openDatabase(file);
  try {
    return db
      .prepare('SELECT a FROM t')
      .all()
      .map((r) => ({ ...r }));
  } finally {
    db.close();
  }
}

describe('placeDatabase', () => {
  it('renames the closed file into place, private', async () => {
    const { dir, file } = await written();
    await placeDatabase(file, join(dir, 'inbox.db'));
    expect(await readdir(dir)).toEqual(['inbox.db']);
    expect((await stat(join(dir, 'inbox.db'))).mode & 0o777).toBe(0o600);
    expect(rowsOf(join(dir, 'inbox.db'))).toEqual([{ a: 'kept' }]);
  });

  it('puts a copy in place when the file cannot be renamed while a handle holds it (Windows)', async () => {
    const { dir, file } = await written();
    const moves: string[] = [];
    const move = async (from: string, to: string): Promise<void> => {
      moves.push(from);
      if (from === file)
        throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
      await rename(from, to);
    };
    await placeDatabase(file, join(dir, 'inbox.db'), move);
    expect(moves).toEqual([file, `${file}-copy`]);
    expect(await readdir(dir)).toEqual(['inbox.db']);
    expect(rowsOf(join(dir, 'inbox.db'))).toEqual([{ a: 'kept' }]);
  });

  it('fails on any other error, leaving the file where it was', async () => {
    const { dir, file } = await written();
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    await expect(
      placeDatabase(file, join(dir, 'inbox.db'), () => Promise.reject(full)),
    ).rejects.toBe(full);
    expect(await readdir(dir)).toEqual(['inbox.db.importing']);
  });
});
