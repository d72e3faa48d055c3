import type { Post, PrivateReplyWindow } from '../../shared';

/** Facebook takes one private reply to a comment, within 7 days of it. */
export const PRIVATE_REPLY_WINDOW_MS = 7 * 24 * 3600_000;

/**
 * Whether a customer's post can still be answered privately: on Facebook once per comment and
 * within 7 days (what Graph says with `can_reply_privately`); an X direct message has no window.
 */
export function privateReplyWindow(
  post: Pick<Post, 'id' | 'platform' | 'createdAt'>,
  answeredPrivately: ReadonlySet<string>,
  now: number,
): PrivateReplyWindow {
  if (post.platform === 'x') return { postId: post.id, allowed: true, until: null, reason: null };
  const until = Date.parse(post.createdAt) + PRIVATE_REPLY_WINDOW_MS;
  const iso = new Date(until).toISOString();
  if (answeredPrivately.has(post.id))
    return { postId: post.id, allowed: false, until: iso, reason: 'already-sent' };
  if (now >= until) return { postId: post.id, allowed: false, until: iso, reason: 'expired' };
  return { postId: post.id, allowed: true, until: iso, reason: null };
}
