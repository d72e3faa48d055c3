import type { Conversation, Post } from '../shared';
import type { ConversationStore } from './store/conversation-store';
import type { PostStore } from './store/post-store';
import { perform } from './store/staged-write';
import type { StagedWrite } from './store/staged-write';
import { summarize } from './triage/summarize';
import { threadPosts } from './triage/threading';
import type { DraftPost } from './triage/threading';

export interface IngestStores {
  posts: PostStore;
  conversations: ConversationStore;
}

export interface IngestResult {
  changed: Conversation[];
  /** Conversations folded into another (`into`) because their parent post arrived. */
  removed: { id: string; into: string }[];
  /** The posts stored for the first time. */
  fresh: Post[];
}

/** An ingest worked out: the posts' writes staged (shown in memory), the conversations not yet. */
export interface StagedIngest extends IngestResult {
  postWrites: StagedWrite[];
}

/**
 * Stores new posts and brings their conversations up to date, durably: posts, moves and
 * conversations in one write (taken back together if it fails). A conversation stored before the post
 * it answers (X serves newest first) is folded into that post's conversation when it arrives; a move
 * a crash interrupted is finished by the next ingest, and so is a conversation whose posts were stored
 * just before a crash. Only conversations with a customer post are listed.
 */
export async function ingest(
  stores: IngestStores,
  drafts: DraftPost[],
  now: Date,
): Promise<IngestResult> {
  const staged = await stageIngest(stores, drafts, now);
  const { conversations } = stores;
  await perform(
    ...staged.postWrites,
    conversations.putting(staged.changed),
    conversations.removing(staged.removed.map((r) => r.id)),
  );
  const { changed, removed, fresh } = staged;
  return { changed, removed, fresh };
}

/**
 * Works an ingest out: the new posts and the moves are staged (and shown in memory, which threading
 * needs), the conversations' new states computed; the caller writes them all as one change.
 */
export async function stageIngest(
  stores: IngestStores,
  drafts: DraftPost[],
  now: Date,
): Promise<StagedIngest> {
  try {
    return await stage(stores, drafts, now);
  } catch (err) {
    // Posts it showed in memory were not written: memory is read again from the files.
    stores.posts.forgetMemory();
    throw err;
  }
}

async function stage(stores: IngestStores, drafts: DraftPost[], now: Date): Promise<StagedIngest> {
  const { posts, conversations } = stores;
  await posts.loadAll();
  const added = await posts.adding(threadPosts(drafts, (id) => posts.get(id)));
  const { fresh } = added;
  const postWrites: StagedWrite[] = [added.write];

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
      postWrites.push(
        await posts.replacing(
          posts.ofConversation(rootId).map((p) => ({ ...p, conversationId: into })),
        ),
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
    changed.push(summarize(previous, thread, now));
  }
  return { changed, removed: [...removed].map(([id, into]) => ({ id, into })), fresh, postWrites };
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
