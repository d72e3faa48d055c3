import type { AuditEntry } from '../../shared/audit';

/** What the timeline shows between posts; the rest is said by the posts themselves. */
const SHOWN = new Set<AuditEntry['action']>([
  'conversation.assigned',
  'conversation.status',
  'conversation.priority',
  'conversation.tagged',
  'conversation.claimed',
  'conversation.taken-over',
  'reply.failed',
  'post.hidden',
  'post.shown',
  'rule.fired',
]);

export function shownInTimeline(action: AuditEntry): boolean {
  return SHOWN.has(action.action);
}

export type TimelineItem<P> =
  { kind: 'post'; key: string; post: P } | { kind: 'action'; key: string; action: AuditEntry };

/**
 * Posts in thread order with the actions taken on the conversation placed among them by time:
 * each action after the last post made before it.
 */
export function interleave<P extends { id: string; createdAt: string }>(
  posts: readonly P[],
  actions: readonly AuditEntry[],
): TimelineItem<P>[] {
  const shown = actions.filter(shownInTimeline).sort((a, b) => a.seq - b.seq);
  const items: TimelineItem<P>[] = [];
  let next = 0;
  const flushUntil = (time: string | null) => {
    while (next < shown.length) {
      const action = shown[next] as AuditEntry;
      if (time != null && action.at >= time) break;
      items.push({ kind: 'action', key: `a${action.seq}`, action });
      next += 1;
    }
  };
  for (const post of posts) {
    flushUntil(post.createdAt);
    items.push({ kind: 'post', key: post.id, post });
  }
  flushUntil(null);
  return items;
}
