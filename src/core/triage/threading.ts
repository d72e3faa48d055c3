import type { Post } from '../../shared';

/** A post as a connector maps it, before it is placed in a conversation. */
export type DraftPost = Omit<Post, 'conversationId' | 'inReplyTo'> & {
  /** Our id of the post this one answers, whether or not we hold it. */
  parentId: string | null;
};

/**
 * Places posts in conversations: a reply joins the conversation of the post it answers; anything
 * else starts a conversation of its own, which joins its parent's when the parent arrives later
 * (see InboxService). Brand posts that answer nothing (broadcasts) are left out. Posts are taken
 * oldest first, so a parent arriving in the same batch counts.
 */
export function threadPosts(drafts: DraftPost[], known: (id: string) => Post | undefined): Post[] {
  const placed = new Map<string, Post>();
  const ordered = [...drafts].sort(
    (a, b) =>
      (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
      compareIds(a.externalId, b.externalId),
  );
  for (const draft of ordered) {
    if (placed.has(draft.id)) continue;
    const existing = known(draft.id);
    if (existing) {
      placed.set(draft.id, existing);
      continue;
    }
    const { parentId, ...rest } = draft;
    const parent = parentId == null ? undefined : (placed.get(parentId) ?? known(parentId));
    if (parentId == null && draft.direction === 'outbound') continue;
    placed.set(draft.id, {
      ...rest,
      conversationId: parent?.conversationId ?? draft.id,
      inReplyTo: parentId,
    });
  }
  return [...placed.values()].filter((p) => known(p.id) == null);
}

/** Numeric-aware comparison for platform ids (X snowflakes, Graph `123_456`). */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
