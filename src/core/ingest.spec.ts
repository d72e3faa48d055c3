import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from './ingest';
import type { IngestStores } from './ingest';
import { ConversationStore } from './store/conversation-store';
import { PostStore } from './store/post-store';
import { brandThread, tempDir } from './test/fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function open(): Promise<IngestStores & { close(): Promise<void> }> {
  const posts = await PostStore.open(dir);
  const conversations = await ConversationStore.open(dir);
  return {
    posts,
    conversations,
    close: async () => {
      await posts.close();
      await conversations.close();
    },
  };
}

const now = new Date('2026-11-20T12:00:00.000Z');
const { root, brand, followUp } = brandThread();

describe('ingest', () => {
  it('makes the conversation of posts a crash left stored without one, when they come again', async () => {
    const stores = await open();
    // As if an ingest died between storing the posts and storing their conversation.
    await stores.posts.add([{ ...root, conversationId: root.id, inReplyTo: null }]);
    expect(stores.conversations.get(root.id)).toBeUndefined();

    const again = await ingest(stores, [root], now);
    expect(again.changed.map((c) => [c.id, c.postCount])).toEqual([[root.id, 1]]);
    expect(stores.conversations.get(root.id)).toMatchObject({ postCount: 1 });
    // Nothing stored twice.
    expect(stores.posts.ofConversation(root.id)).toHaveLength(1);
    await stores.close();
  });

  it('folds conversations stored before their parent into it, keeping triage decisions', async () => {
    const stores = await open();
    // Newest first, as X serves it: the follow-up, then the brand reply, then the root.
    expect((await ingest(stores, [followUp], now)).changed.map((c) => c.id)).toEqual(['x:102']);
    const decided = {
      ...stores.conversations.get('x:102')!,
      assignee: 'agent-ana',
      tags: ['refund'],
    };
    await stores.conversations.put([decided]);

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
    expect(stores.posts.ofConversation('x:100').map((p) => p.id)).toEqual([
      'x:100',
      'x:101',
      'x:102',
    ]);
    await stores.close();

    const reopened = await open();
    await reopened.posts.loadAll();
    expect(reopened.conversations.get('x:102')).toBeUndefined();
    expect(reopened.conversations.get('x:101')).toBeUndefined();
    expect(reopened.conversations.get('x:100')?.postCount).toBe(3);
    expect(reopened.posts.ofConversation('x:100')).toHaveLength(3);
    expect(reopened.posts.ofConversation('x:102')).toEqual([]);
    await reopened.close();
  });

  it('ignores posts it already holds', async () => {
    const stores = await open();
    await ingest(stores, [root, brand, followUp], now);
    const again = await ingest(stores, [followUp, root], now);
    expect(again).toEqual({ changed: [], removed: [], fresh: [] });
    expect(stores.conversations.get('x:100')?.version).toBe(1);
    await stores.close();
  });
});
