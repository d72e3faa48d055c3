import { appendFile, cp, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../../shared';
import { verifyAudit } from '../../audit/audit-files';
import { folderContents } from '../../test/data-folder';
import { conversation, tempDir } from '../../test/fixtures';
import { useCleanups } from '../../test/inbox-harness';
import { ManualClock, dateOf, isoOf } from '../../time/clock';
import { makePrivateDir } from '../private-files';
import { UNFINISHED_FILE } from '../unfinished-change';
import { IMPORTING_FILE, ImportCheckError, importFiles, openMigrated } from './import-files';
import type { ImportProgress } from './import-files';
import { DATABASE_FILE } from './sqlite';
import { FILES_FOLDER, filesFolderExpected } from './test/files-folder';

const cleanup = useCleanups();

/**
 * A data folder as the version before the SQL store wrote it (see files-folder.ts), copied to a
 * fresh folder, with that version's clock.
 */
async function folderOfFiles() {
  const { dir, cleanup: remove } = await tempDir();
  cleanup(remove);
  await cp(FILES_FOLDER, dir, { recursive: true });
  return { dir, clock: new ManualClock(filesFolderExpected().now) };
}

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

describe('the import of a data folder of files', () => {
  it('moves a folder written by the version of files into inbox.db, record for record, and sets the files aside', async () => {
    const { dir, clock } = await folderOfFiles();
    const old = filesFolderExpected();
    const before = await folderContents(dir);
    expect(old.notes).toHaveLength(2);
    expect(old.replies.map((r) => r.state)).toEqual(['sent']);
    expect(Object.keys(old.cursors).length).toBeGreaterThan(0);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['conversations.json', 'conversations.jsonl', 'posts/2026-09.jsonl']),
    );
    const files = await verifyAudit(dir, clock);
    expect(files).toMatchObject({ intact: true });
    expect({ ...files, checkedAt: null }).toEqual({ ...old.verdict, checkedAt: null });

    const progress: ImportProgress[] = [];
    const { store, imported, setAside } = await openMigrated(dir, {
      clock,
      onProgress: (p) => progress.push(p),
    });
    cleanup(() => store.close());

    const ids = old.conversations.map((c) => c.id);
    expect(await store.conversations.count()).toBe(ids.length);
    expect((await store.conversations.getMany(ids)).sort(byKey((c) => c.id))).toEqual(
      [...old.conversations].sort(byKey((c) => c.id)),
    );
    expect(await store.conversations.idsWithTag('remboursement')).toHaveLength(2);
    expect(await store.conversations.idsWithTag('refund')).toEqual([]);
    const postIds = old.posts.map((p) => p.id);
    expect((await store.posts.getMany(postIds)).sort(byKey((p) => p.id))).toEqual(
      [...old.posts].sort(byKey((p) => p.id)),
    );
    const notes = [];
    for (const id of ids) notes.push(...(await store.notes.ofConversation(id)));
    expect(notes).toEqual(old.notes);
    expect(await store.outbox.all()).toEqual(old.replies);
    for (const [accountId, cursors] of Object.entries(old.cursors))
      expect(await store.cursors.ofAccount(accountId)).toEqual(cursors);
    const entries = [];
    for await (const entry of store.audit.between('', '\uffff')) entries.push(entry);
    expect(entries).toEqual(old.entries);
    const last = old.entries.at(-1)!;
    expect(old.head).toEqual({ seq: last.seq, hash: last.hash });
    expect(store.audit.head()).toEqual(old.head);
    const { checkedAt: _at, ...verdict } = files;
    expect(await store.audit.verify(dateOf(clock))).toMatchObject(verdict);

    const cursorCount = Object.values(old.cursors).reduce((n, c) => n + Object.keys(c).length, 0);
    expect(imported).toMatchObject({
      counts: {
        conversations: ids.length,
        posts: postIds.length,
        notes: 2,
        outbox: 1,
        audit: old.entries.length,
        cursors: cursorCount,
      },
      head: old.head,
      audit: { intact: true, entries: old.entries.length, brokenAt: null, reason: null },
      skipped: {},
    });
    expect(imported!.setAsideTo).toMatch(/^before-sqlite-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z$/);
    expect(imported!.setAsideAt).toBeDefined();

    // The old files are in the folder set aside, as they were; the settings stayed.
    const after = await folderContents(dir);
    const aside = imported!.setAsideTo;
    const stays = ['workspace.json', 'idempotency.jsonl'];
    const moved = Object.keys(before).filter((path) => !stays.includes(path));
    expect(setAside).toEqual(
      [...new Set(moved.map((path) => path.split('/')[0]!))].sort(byKey((p) => p)),
    );
    for (const path of moved) {
      expect(after[join(aside, path)]).toBe(before[path]);
      expect(after[path]).toBeUndefined();
    }
    for (const path of stays) expect(after[path]).toBe(before[path]);
    // Besides the store (and its WAL while it is open), only the settings are left.
    const open = /^inbox\.db-(wal|shm)$/;
    expect(Object.keys(after).filter((p) => !p.startsWith(aside) && !open.test(p))).toEqual([
      'idempotency.jsonl',
      'inbox.db',
      'workspace.json',
    ]);
    expect((await stat(join(dir, DATABASE_FILE))).mode & 0o777).toBe(0o600);

    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual([
      'conversations',
      'posts',
      'notes',
      'outbox',
      'audit',
      'checking',
      'setting-aside',
    ]);
    expect(progress.find((p) => p.phase === 'conversations' && p.done === ids.length)).toEqual({
      phase: 'conversations',
      done: ids.length,
      total: ids.length,
      unit: 'items',
    });

    // The store goes on from the imported trail.
    const [next] = await store.commit(
      [
        {
          actor: 'rita',
          client: 'browser',
          action: 'rule.changed',
          conversationId: null,
          details: {},
        },
      ],
      [],
    );
    expect(next).toMatchObject({ seq: last.seq + 1, prev: last.hash });
    expect(await store.audit.verify(dateOf(clock))).toMatchObject({ intact: true });
    await store.close();

    // Opened again: nothing more to import or move.
    const again = await openMigrated(dir, { clock, onProgress: (p) => progress.push(p) });
    cleanup(() => again.store.close());
    expect(again).toMatchObject({ imported: null, setAside: [] });
    expect(await again.store.conversations.count()).toBe(ids.length);
  });

  it('leaves the files as they were when a check fails, and imports them at the next open', async () => {
    const { dir, clock } = await folderOfFiles();
    const before = await folderContents(dir);
    const posts = filesFolderExpected().posts.length;
    const failure = await importFiles(dir, {
      clock,
      beforeCheck: (db) => db.exec("DELETE FROM posts WHERE id = 'x:earlier'"),
    }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ImportCheckError);
    expect((failure as ImportCheckError).differences).toEqual([
      `posts: ${posts} in the files, ${posts - 1} in the new file`,
    ]);
    expect((failure as Error).message).toContain(
      `The data folder ${dir} was not moved to inbox.db: the new file did not match the files (posts: `,
    );
    expect(await folderContents(dir)).toEqual(before);

    const { store, imported } = await openMigrated(dir, { clock });
    cleanup(() => store.close());
    expect(imported?.counts.posts).toBe(posts);
    expect(await store.posts.get('x:earlier')).toMatchObject({ id: 'x:earlier' });
  });

  it('starts over after a crash during the import, and after one once inbox.db is in place only moves the files', async () => {
    const { dir, clock } = await folderOfFiles();
    const before = await folderContents(dir);
    // A crash while importing left half a new file and its journal.
    await writeFile(join(dir, IMPORTING_FILE), 'half a database');
    await writeFile(join(dir, `${IMPORTING_FILE}-journal`), 'its journal');
    // This time the crash comes after the rename, before any file was moved...
    const record = await importFiles(dir, { clock });
    expect(await readdir(dir)).not.toContain(IMPORTING_FILE);
    expect(await readdir(dir)).not.toContain(`${IMPORTING_FILE}-journal`);
    expect(await readdir(dir)).toContain(DATABASE_FILE);
    await expect(importFiles(dir, { clock })).rejects.toThrow(
      `The data folder ${dir} already has its inbox.db: nothing to import`,
    );
    // ...or once one had been.
    await makePrivateDir(join(dir, record.setAsideTo));
    await rename(join(dir, 'notes.jsonl'), join(dir, record.setAsideTo, 'notes.jsonl'));

    const progress: ImportProgress[] = [];
    const { store, imported, setAside } = await openMigrated(dir, {
      clock,
      onProgress: (p) => progress.push(p),
    });
    cleanup(() => store.close());
    expect(progress.every((p) => p.phase === 'setting-aside')).toBe(true);
    expect(imported).toMatchObject({ ...record, setAsideAt: expect.any(String) });
    expect(setAside).not.toContain('notes.jsonl');
    expect(setAside).toContain('audit.jsonl');
    const after = await folderContents(dir);
    const stays = ['workspace.json', 'idempotency.jsonl'];
    for (const path of Object.keys(before).filter((p) => !stays.includes(p)))
      expect(after[join(record.setAsideTo, path)]).toBe(before[path]);
    expect(await store.conversations.count()).toBe(record.counts.conversations);
    expect(await store.audit.headSeq()).toBe(record.counts.audit);
  });

  it('reads what the stores of files read (a file that version wrote by hand): a change left unfinished is taken back, unreadable lines are left out, counted and kept', async () => {
    const { dir, cleanup: remove } = await tempDir();
    cleanup(remove);
    const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));
    // The conversation journal as that version wrote it: x:2 stored, then folded away.
    const journal = join(dir, 'conversations.jsonl');
    await writeFile(
      journal,
      [conversation({ id: 'x:1' }), conversation({ id: 'x:2' }), { id: 'x:2', removed: true }]
        .map((record) => JSON.stringify(record) + '\n')
        .join(''),
    );
    const note = (id: string): Note => ({
      id,
      conversationId: 'x:1',
      author: 'agent:rita',
      text: `note ${id}`,
      mentions: [],
      createdAt: isoOf(clock),
    });
    const notesFile = join(dir, 'notes.jsonl');
    await writeFile(notesFile, JSON.stringify(note('n1')) + '\n');
    await appendFile(notesFile, 'not JSON\n' + JSON.stringify(note('n2')) + '\n');
    // A change was writing a third note when the process died: its record says where the file
    // stood before it.
    const size = (await stat(notesFile)).size;
    await writeFile(
      join(dir, UNFINISHED_FILE),
      JSON.stringify({ v: 1, marks: [{ path: 'notes.jsonl', size }] }),
    );
    await appendFile(notesFile, JSON.stringify(note('n3')) + '\n');
    await appendFile(journal, '{"id":"x:3","sta');

    const { store, imported } = await openMigrated(dir, { clock });
    cleanup(() => store.close());
    expect(imported).toMatchObject({
      counts: { conversations: 1, notes: 2, posts: 0, outbox: 0, audit: 0, cursors: 0 },
      skipped: { 'notes.jsonl': 1 },
      head: null,
      audit: { intact: true, entries: 0 },
    });
    expect((await store.notes.ofConversation('x:1')).map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(await store.conversations.get('x:2')).toBeUndefined();
    const aside = await readFile(join(dir, imported!.setAsideTo, 'notes.jsonl'), 'utf8');
    expect(aside.split('\n')).toEqual([
      JSON.stringify(note('n1')),
      'not JSON',
      JSON.stringify(note('n2')),
      '',
    ]);
    expect(await readdir(dir)).not.toContain('unfinished-change.json');
  });
});
