import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from './ingest';
import { SqliteStore } from './store/sql/sqlite-store';
import { brandThread, tempDir } from './test/fixtures';
import { ManualClock } from './time/clock';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const now = new Date('2026-11-20T12:00:00.000Z');
const open = async () => SqliteStore.open(dir, { clock: new ManualClock(now.getTime()) });
const { root, brand, followUp } = brandThread();

describe('ingest', () => {
  it('makes the conversation of posts stored without one (a folder of files a crash cut short), when they come again', async () => {
    const stores = await open();
    // As if an ingest of the store of files died between storing the posts and their conversation.
    await stores.commit(
      [],
      [{ kind: 'posts.add', posts: [{ ...root, conversationId: root.id, inReplyTo: null }] }],
    );
    expect(await stores.conversations.get(root.id)).toBeUndefined();

    const again = await ingest(stores, [root], now);
    expect(again.changed.map((c) => [c.id, c.postCount])).toEqual([[root.id, 1]]);
    expect(await stores.conversations.get(root.id)).toMatchObject({ postCount: 1 });
    // Nothing stored twice.
    expect(await stores.posts.ofConversation(root.id)).toHaveLength(1);
    await stores.close();
  });

  it('folds conversations stored before their parent into it, keeping triage decisions', async () => {
    const stores = await open();
    // Newest first, as X serves it: the follow-up, then the brand reply, then the root.
    expect((await ingest(stores, [followUp], now)).changed.map((c) => c.id)).toEqual(['x:102']);
    const decided = {
      ...(await stores.conversations.get('x:102'))!,
      assignee: 'agent-ana',
      tags: ['refund'],
    };
    await stores.commit([], [{ kind: 'conversations.put', conversations: [decided] }]);

    // The brand reply arrives: the follow-up's conversation now starts at it, still waiting for x:100.
    const second = await ingest(stores, [brand], now);
    expect(second.removed).toEqual([{ id: 'x:102', into: 'x:101' }]);
    expect(second.changed.map((c) => [c.id, c.postCount, c.assignee])).toEqual([
      ['x:101', 2, 'agent-ana'],
    ]);

    const third = await ingest(stores, [root], now);
    expect(third.removed).toEqual([{ id: 'x:101', into: 'x:100' }]);
    expect(
      third.changed.map((c) => [c.id, c.postCount, c.assignee, c.tags, c.firstResponseMs]),
    ).toEqual([['x:100', 3, 'agent-ana', ['refund'], 5 * 60_000]]);
    expect((await stores.posts.ofConversation('x:100')).map((p) => p.id)).toEqual([
      'x:100',
      'x:101',
      'x:102',
    ]);
    await stores.close();

    const reopened = await open();
    expect(await reopened.conversations.get('x:102')).toBeUndefined();
    expect(await reopened.conversations.get('x:101')).toBeUndefined();
    expect((await reopened.conversations.get('x:100'))?.postCount).toBe(3);
    expect(await reopened.posts.ofConversation('x:100')).toHaveLength(3);
    expect(await reopened.posts.ofConversation('x:102')).toEqual([]);
    await reopened.close();
  });

  it('ignores posts it already holds', async () => {
    const stores = await open();
    await ingest(stores, [root, brand, followUp], now);
    const again = await ingest(stores, [followUp, root], now);
    expect(again).toEqual({ changed: [], removed: [], fresh: [] });
    expect((await stores.conversations.get('x:100'))?.version).toBe(1);
    await stores.close();
  });

  it('folds a conversation and the posts arriving in it into the parent arriving with them', async () => {
    const stores = await open();
    await ingest(stores, [followUp], now);
    // The brand reply (answering x:100) and the root itself arrive in one batch: the follow-up's
    // conversation goes into the root's, through the brand reply arriving in the same batch.
    const both = await ingest(stores, [brand, root], now);
    expect(both.removed).toEqual([{ id: 'x:102', into: 'x:100' }]);
    expect(both.changed.map((c) => [c.id, c.postCount])).toEqual([['x:100', 3]]);
    expect((await stores.posts.ofConversation('x:100')).map((p) => p.id)).toEqual([
      'x:100',
      'x:101',
      'x:102',
    ]);
    await stores.close();
  });
});
