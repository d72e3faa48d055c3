import type { Conversation, Post } from '../shared';
import type { InboxStore, StoreChange } from './store/port';
import { summarize } from './triage/summarize';
import { threadPosts } from './triage/threading';
import type { DraftPost } from './triage/threading';

export interface IngestResult {
  changed: Conversation[];
  /** Conversations folded into another (`into`) because their parent post arrived. */
  removed: { id: string; into: string }[];
  /** The posts stored for the first time. */
  fresh: Post[];
}

/** An ingest worked out against the store, nothing written yet. */
export interface StagedIngest extends IngestResult {
  /** Each changed conversation's posts as the commit leaves them, oldest first. */
  threads: Map<string, Post[]>;
  /** The store's changes: the posts, their moves, the conversations. */
  changes: StoreChange[];
}

/**
 * Stores new posts and brings their conversations up to date, as one commit (and nothing else).
 * The arrivals commit the same changes with their audit entries.
 */
export async function ingest(
  store: InboxStore,
  drafts: DraftPost[],
  now: Date,
): Promise<IngestResult> {
  const { changed, removed, fresh, changes } = await stageIngest(store, drafts, now);
  await store.commit([], changes);
  return { changed, removed, fresh };
}

/**
 * Works an ingest out: the posts not stored yet placed in their conversations, the conversations
 * stored before the post they answer folded into its conversation (X serves newest first), and the
 * new state of each conversation touched. Only conversations with a customer post are listed.
 */
export async function stageIngest(
  store: InboxStore,
  drafts: DraftPost[],
  now: Date,
): Promise<StagedIngest> {
  // The stored posts threading needs: the drafts already stored, and the posts they answer.
  const wanted = drafts.flatMap((d) => (d.parentId == null ? [d.id] : [d.id, d.parentId]));
  const known = new Map((await store.posts.getMany(wanted)).map((p) => [p.id, p]));
  const fresh = threadPosts(drafts, (id) => known.get(id));
  const touched = new Set(fresh.map((p) => p.conversationId));
  // Posts stored while their conversation was not (a brand reply alone, or a folder of files a
  // crash cut short): the platform serves them again, and their conversation is made if it lists.
  const storedAgain = drafts.flatMap((d) => known.get(d.id) ?? []);
  const existing = new Set(
    (await store.conversations.getMany(storedAgain.map((p) => p.conversationId))).map((c) => c.id),
  );
  for (const post of storedAgain)
    if (!existing.has(post.conversationId)) touched.add(post.conversationId);

  // Conversations that answer a post arriving now move into its conversation, with the posts
  // arriving in them (a conversation may move into one that moves too: each goes to the last).
  const freshById = new Map(fresh.map((p) => [p.id, p]));
  const removed = new Map<string, string>();
  const movedRoots: string[] = [];
  for (const [parentId, roots] of await store.posts.waitingFor([...freshById.keys()])) {
    const into = freshById.get(parentId)!.conversationId;
    for (const rootId of roots) {
      if (rootId === into || removed.has(rootId)) continue;
      removed.set(rootId, into);
      movedRoots.push(rootId);
    }
  }
  const final = (id: string): string => {
    const seen = new Set<string>();
    while (removed.has(id) && !seen.has(id)) {
      seen.add(id);
      id = removed.get(id)!;
    }
    return id;
  };
  for (const root of movedRoots) removed.set(root, final(root));
  const moved: Post[] = [];
  for (const rootId of movedRoots)
    for (const post of await store.posts.ofConversation(rootId))
      moved.push({ ...post, conversationId: removed.get(rootId)! });
  const placed = fresh.map((p) =>
    removed.has(p.conversationId) ? { ...p, conversationId: removed.get(p.conversationId)! } : p,
  );
  for (const into of removed.values()) touched.add(into);

  const arriving = [...placed, ...moved];
  const changed: Conversation[] = [];
  const threads = new Map<string, Post[]>();
  /**
   * The version each conversation changed here was read at; 0 for one not stored yet, so a
   * process that stores it meanwhile (the same comment from a webhook at another replica, or its
   * polling pass) refuses this commit, which is then worked out again with its posts known.
   */
  const expect: Record<string, number> = {};
  for (const id of touched) {
    if (removed.has(id)) continue;
    const thread = merge(
      await store.posts.ofConversation(id),
      arriving.filter((p) => p.conversationId === id),
    );
    if (!thread.some((p) => p.direction === 'inbound')) continue;
    const stored = await store.conversations.get(id);
    expect[id] = stored?.version ?? 0;
    const previous = stored ?? (await inherited(id, removed, store));
    changed.push(summarize(previous, thread, now));
    threads.set(id, thread);
  }
  const changes: StoreChange[] = [];
  if (placed.length > 0) changes.push({ kind: 'posts.add', posts: placed });
  if (moved.length > 0) changes.push({ kind: 'posts.replace', posts: moved });
  if (changed.length > 0)
    changes.push({ kind: 'conversations.put', conversations: changed, expect });
  if (removed.size > 0) changes.push({ kind: 'conversations.remove', ids: [...removed.keys()] });
  return {
    changed,
    removed: [...removed].map(([id, into]) => ({ id, into })),
    fresh: placed,
    threads,
    changes,
  };
}

/** A conversation's stored posts with the ones arriving (a newer state of a post wins), oldest first. */
function merge(stored: readonly Post[], arriving: readonly Post[]): Post[] {
  const byId = new Map(stored.map((p) => [p.id, p]));
  for (const post of arriving) byId.set(post.id, post);
  return [...byId.values()].sort(
    (a, b) =>
      (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * What people decided on conversations folded into a new one: the first one's status, assignee and
 * priority carry over, with every tag, so no triage work is lost in the fold.
 */
async function inherited(
  id: string,
  removed: Map<string, string>,
  store: InboxStore,
): Promise<Conversation | undefined> {
  const from = [...removed].filter(([, into]) => into === id).map(([root]) => root);
  const found = new Map((await store.conversations.getMany(from)).map((c) => [c.id, c]));
  const folded = from.flatMap((root) => found.get(root) ?? []);
  const first = folded[0];
  if (!first) return undefined;
  return { ...first, id, tags: [...new Set(folded.flatMap((c) => c.tags))] };
}
