import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
