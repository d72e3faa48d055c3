import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditFact } from '../../shared';
import { conversation, tempDir } from '../test/fixtures';
import { auditEntries, folderContents } from '../test/data-folder';
import { FaultyFileSystem } from '../test/faulty-file-system';
import { ConversationStore } from '../store/conversation-store';
import { takeBackUnfinished } from '../store/unfinished-change';
import { storageAt } from '../store/file-system';
import { WorkspaceStore } from '../store/workspace-store';
import { AuditLog } from './audit-log';

const fact = (to: string): AuditFact => ({
  action: 'conversation.status',
  actor: 'agent-1',
  client: 'browser',
  conversationId: 'x:1',
  details: { from: 'new', to },
});

describe('a change and its audit entry', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let fs: FaultyFileSystem;
  let audit: AuditLog;
  let conversations: ConversationStore;
  let workspace: WorkspaceStore;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    fs = new FaultyFileSystem();
    [audit, conversations, workspace] = await Promise.all([
      AuditLog.open(dir, undefined, { fs }),
      ConversationStore.open(dir, { fs }),
      WorkspaceStore.open(dir, { fs }),
    ]);
    await audit.commit([fact('new')], conversations.putting([conversation({ id: 'x:1' })]));
    await audit.flush();
  });
  afterEach(async () => {
    await Promise.all([audit.close(), conversations.close(), workspace.close()]);
    await cleanup();
  });

  const open = conversation({ id: 'x:1', status: 'open', version: 2 });

  it('are written together, and shown in memory only then', async () => {
    const seen: string[] = [];
    conversations.observe({ changed: (next) => seen.push(next.status), removed: () => undefined });
    const entries = await audit.commit(
      [fact('open')],
      conversations.putting([open]),
      workspace.changing((data) => {
        data.tags = [{ name: 'refund', color: 'red' }];
      }),
    );
    expect(entries.map((e) => e.seq)).toEqual([2]);
    expect(conversations.get('x:1')?.status).toBe('open');
    expect(workspace.data.tags).toEqual([{ name: 'refund', color: 'red' }]);
    expect(seen).toEqual(['open']);
    await audit.flush();
    expect((await auditEntries(dir)).map((e) => e.details.to)).toEqual(['new', 'open']);
    expect(await folderContents(dir)).not.toHaveProperty(['unfinished-change.json']);
    expect((await audit.verify()).intact).toBe(true);
  });

  it.each(['audit.jsonl', 'conversations.jsonl', 'workspace.json', 'unfinished-change.json'])(
    'leave no trace when %s refuses its write, and go through once it takes it',
    async (file) => {
      const before = await folderContents(dir);
      // A full disk refuses what takes room; cutting a file back or removing one still works.
      fs.fail({
        code: 'ENOSPC',
        ops: ['open', 'write', 'datasync', 'rename'],
        path: (p) => basename(p) === file || basename(p) === `${file}.tmp`,
      });
      const change = () =>
        audit.commit(
          [fact('open')],
          conversations.putting([open]),
          workspace.changing((data) => {
            data.tags = [{ name: 'refund', color: 'red' }];
          }),
        );
      await expect(change()).rejects.toMatchObject({ code: 'storage_full' });
      expect(conversations.get('x:1')?.status).toBe('new');
      expect(workspace.data.tags).toEqual([]);
      await audit.flush();
      expect(await folderContents(dir)).toEqual(before);

      fs.clear();
      await change();
      expect(conversations.get('x:1')?.status).toBe('open');
      expect((await auditEntries(dir)).map((e) => [e.seq, e.details.to])).toEqual([
        [1, 'new'],
        [2, 'open'],
      ]);
      expect((await audit.verify()).intact).toBe(true);
    },
  );

  it('are taken back together at the next start when the process died between them', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const before = await folderContents(dir);
    fs.fail({ code: 'EIO', ops: ['unlink', 'truncate', 'rename'] });
    await expect(
      audit.commit(
        [fact('open')],
        conversations.putting([open]),
        workspace.changing((data) => {
          data.tags = [{ name: 'refund', color: 'red' }];
        }),
      ),
    ).rejects.toMatchObject({ code: 'storage_unavailable' });
    // What a crash at that point leaves: the entry and the journal line on disk, the marks too.
    expect((await auditEntries(dir)).length).toBe(2);
    const marks = JSON.parse(await readFile(join(dir, 'unfinished-change.json'), 'utf8'));
    expect(marks.marks.map((m: { path: string }) => m.path)).toEqual([
      'audit.jsonl',
      'conversations.jsonl',
      'workspace.json',
    ]);

    const taken = await takeBackUnfinished(storageAt(dir));
    expect(taken).toEqual(['audit.jsonl', 'conversations.jsonl']);
    expect(fs.injected.map((i) => i.op)).toContain('rename');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/was taken back/));
    warn.mockRestore();
    // A temporary file a crash left is harmless: the next write of that file replaces it.
    const after = Object.fromEntries(
      Object.entries(await folderContents(dir)).filter(([name]) => !name.endsWith('.tmp')),
    );
    expect(after).toEqual(before);
    const reopened = await ConversationStore.open(dir);
    expect(reopened.get('x:1')?.status).toBe('new');
    await reopened.close();
  });

  it('records a lone surrogate from a platform as U+FFFD, so the entry can always be hashed', async () => {
    const [entry] = await audit.commit([
      { ...fact('open'), details: { author: 'Ana \uD800', to: 'open' } },
    ]);
    expect(entry?.details.author).toBe('Ana \uFFFD');
    expect((await audit.verify()).intact).toBe(true);
  });
});
