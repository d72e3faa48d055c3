import type { Conversation, Post } from '../shared';
import type { ConversationIndex } from './store/conversation-query';
import type { ConversationStore } from './store/conversation-store';
import type { PostStore } from './store/post-store';
import { summarize } from './triage/summarize';
import { threadPosts } from './triage/threading';
import type { DraftPost } from './triage/threading';

export interface IngestStores {
  posts: PostStore;
  conversations: ConversationStore;
  index: ConversationIndex;
}

export interface IngestResult {
  changed: Conversation[];
  /** Conversations folded into another (`into`) because their parent post arrived. */
  removed: { id: string; into: string }[];
  /** The posts stored for the first time. */
  fresh: Post[];
}

/**
 * Stores new posts and brings their conversations up to date, durably, in this order: posts, then
 * moves, then conversations. A conversation stored before the post it answers (X serves newest
 * first) is folded into that post's conversation when it arrives; a move a crash interrupted is
 * finished by the next ingest, and so is a conversation whose posts were stored just before a crash.
 * Only conversations with a customer post are listed.
 */
export async function ingest(
  stores: IngestStores,
  drafts: DraftPost[],
  now: Date,
): Promise<IngestResult> {
  const { posts, conversations, index } = stores;
  await posts.loadAll();
  const fresh = threadPosts(drafts, (id) => posts.get(id));
  await posts.add(fresh);

  const touched = new Set(fresh.map((p) => p.conversationId));
  // Posts stored by an ingest a crash cut short before their conversation was: the platform serves
  // them again (the cursor had not moved), and their conversation is made now.
  for (const draft of drafts) {
    const known = posts.get(draft.id);
    if (known && !conversations.get(known.conversationId)) touched.add(known.conversationId);
  }
  const removed = new Map<string, string>();
  for (const parentId of posts.parentsWithOrphans()) {
    for (const rootId of posts.orphansOf(parentId)) {
      const into = posts.get(parentId)!.conversationId;
      await posts.replace(
        posts.ofConversation(rootId).map((p) => ({ ...p, conversationId: into })),
      );
      removed.set(rootId, into);
      touched.add(into);
    }
  }

  const changed: Conversation[] = [];
  for (const id of touched) {
    if (removed.has(id)) continue;
    const thread = posts.ofConversation(id);
    if (!thread.some((p) => p.direction === 'inbound')) continue;
    const previous = conversations.get(id) ?? inherited(id, removed, conversations);
    const next = summarize(previous, thread, now);
    index.update(next, conversations.get(id));
    changed.push(next);
  }
  for (const id of removed.keys()) {
    const gone = conversations.get(id);
    if (gone) index.remove(gone);
  }
  await conversations.put(changed);
  await conversations.remove([...removed.keys()]);
  return { changed, removed: [...removed].map(([id, into]) => ({ id, into })), fresh };
}

/**
 * What people decided on conversations folded into a new one: the first one's status, assignee and
 * priority carry over, with every tag, so no triage work is lost in the fold.
 */
function inherited(
  id: string,
  removed: Map<string, string>,
  conversations: ConversationStore,
): Conversation | undefined {
  const folded = [...removed]
    .filter(([, into]) => into === id)
    .map(([from]) => conversations.get(from))
    .filter((c): c is Conversation => c != null);
  const first = folded[0];
  if (!first) return undefined;
  return { ...first, id, tags: [...new Set(folded.flatMap((c) => c.tags))] };
}
