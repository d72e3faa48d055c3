import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FaultyFileSystem } from '../test/faulty-file-system';
import { conversation, post, tempDir } from '../test/fixtures';
import { ConversationStore } from './conversation-store';
import { PostStore } from './post-store';
import { WorkspaceStore } from './workspace-store';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('PostStore', () => {
  it('stores each post once, in a file per month, and finds them by conversation after reopening', async () => {
    const store = await PostStore.open(dir);
    await store.loadAll();
    const a = post({ externalId: '1', createdAt: '2026-10-31T23:59:00.000Z' });
    const b = post({
      externalId: '2',
      createdAt: '2026-11-01T08:00:00.000Z',
      conversationId: 'x:1',
    });
    expect((await store.add([a, b, a])).map((p) => p.id)).toEqual(['x:1', 'x:2']);
    expect(await store.add([b])).toEqual([]);
    await store.close();

    expect((await readdir(join(dir, 'posts'))).sort()).toEqual(['2026-10.jsonl', '2026-11.jsonl']);
    const reopened = await PostStore.open(dir);
    expect(reopened.loadedSize).toBe(0);
    await reopened.loadRange('2026-11-01T00:00:00.000Z', '2026-11-30T00:00:00.000Z');
    expect(reopened.ofConversation('x:1').map((p) => p.id)).toEqual(['x:2']);
    await reopened.loadAll();
    expect(reopened.loadedSize).toBe(2);
    expect(reopened.ofConversation('x:1').map((p) => p.id)).toEqual(['x:1', 'x:2']);
    expect(await reopened.add([a])).toEqual([]);
    await reopened.close();
  });
});

describe('ConversationStore', () => {
  it('replays the journal over the snapshot on open', async () => {
    const store = await ConversationStore.open(dir);
    await store.put([conversation({ id: 'x:1' }), conversation({ id: 'x:2' })]);
    await store.put([conversation({ id: 'x:1', status: 'done', version: 2 })]);
    await store.close();
    const reopened = await ConversationStore.open(dir);
    expect(reopened.size).toBe(2);
    expect(reopened.get('x:1')).toMatchObject({ status: 'done', version: 2 });
    await reopened.close();
  });

  it('compacts the journal into the snapshot once it grows, losing nothing', async () => {
    const store = await ConversationStore.open(dir, { compactAfter: 10 });
    for (let i = 0; i < 25; i++)
      await store.put([conversation({ id: `x:${i % 7}`, version: i + 1 })]);
    await store.close();
    const journal = await readFile(join(dir, 'conversations.jsonl'), 'utf8');
    expect(journal.split('\n').filter(Boolean).length).toBeLessThan(10);
    const snapshot = JSON.parse(await readFile(join(dir, 'conversations.json'), 'utf8'));
    expect(snapshot.conversations.length).toBe(7);
    const reopened = await ConversationStore.open(dir);
    expect(reopened.size).toBe(7);
    // x:3 was last written at i = 24 (24 % 7 = 3), as version 25.
    expect(reopened.get('x:3')?.version).toBe(25);
    await reopened.close();
  });
});

describe('WorkspaceStore', () => {
  it('keeps cursors across reopening', async () => {
    const store = await WorkspaceStore.open(dir);
    expect(store.cursor('x:1', 'mentions')).toBeNull();
    await store.setCursor('x:1', 'mentions', '1900');
    await store.setCursor('x:1', 'tweets', '1800');
    await store.close();
    const reopened = await WorkspaceStore.open(dir);
    expect(reopened.cursor('x:1', 'mentions')).toBe('1900');
    expect(reopened.cursor('x:1', 'tweets')).toBe('1800');
  });
});

describe('stores on a failing disk', () => {
  it('keeps the workspace in memory and on disk as it was when a write is refused, and writes the next', async () => {
    const fs = new FaultyFileSystem();
    const store = await WorkspaceStore.open(dir, { fs });
    await store.setCursor('x:1', 'mentions', '1900');
    const file = await readFile(join(dir, 'workspace.json'), 'utf8');
    fs.fail({ code: 'EROFS' });
    await expect(store.setCursor('x:1', 'mentions', '2000')).rejects.toMatchObject({
      code: 'storage_unavailable',
    });
    expect(store.cursor('x:1', 'mentions')).toBe('1900');
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(file);
    fs.clear();
    await store.setCursor('x:1', 'mentions', '2100');
    await store.close();
    expect((await WorkspaceStore.open(dir)).cursor('x:1', 'mentions')).toBe('2100');
  });

  it('shows a conversation only once its journal line is durable, and loses nothing to a refused compaction', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fs = new FaultyFileSystem();
    const store = await ConversationStore.open(dir, { fs, compactAfter: 5 });
    fs.fail({ code: 'ENOSPC', ops: ['write'] });
    await expect(store.put([conversation({ id: 'x:1' })])).rejects.toMatchObject({
      code: 'storage_full',
    });
    expect(store.get('x:1')).toBeUndefined();
    // The snapshot is refused; the journal keeps every change.
    fs.fail({ code: 'ENOSPC', path: (p) => basename(p).startsWith('conversations.json.') });
    for (let i = 0; i < 8; i++) await store.put([conversation({ id: `x:${i}`, version: i + 1 })]);
    await store.close();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/not compacted: .*is full/));
    warn.mockRestore();
    const reopened = await ConversationStore.open(dir);
    expect(reopened.size).toBe(8);
    expect(reopened.get('x:7')?.version).toBe(8);
    await reopened.close();
  });
});
