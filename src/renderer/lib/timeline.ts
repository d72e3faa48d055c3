import type { AuditEntry } from '../../shared/audit';
import type { Note } from '../../shared/model';

/** What the timeline shows of the audit trail; the rest is said by the posts and notes themselves. */
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
  | { kind: 'post'; key: string; post: P }
  | { kind: 'action'; key: string; action: AuditEntry }
  | { kind: 'note'; key: string; note: Note };

type Extra = Exclude<TimelineItem<never>, { kind: 'post' }> & { at: number; order: number };

/**
 * A conversation's posts in thread order, with what the team did (actions) and said among
 * themselves (notes) slotted in by time: each after every post written before it. Actions keep the
 * order they were recorded in.
 */
export function interleave<P extends { id: string; createdAt: string }>(
  posts: readonly P[],
  actions: readonly AuditEntry[],
  notes: readonly Note[] = [],
): TimelineItem<P>[] {
  const extras: Extra[] = [
    ...actions.filter(shownInTimeline).map((action): Extra => ({
      kind: 'action',
      key: `a${action.seq}`,
      action,
      at: Date.parse(action.at),
      order: action.seq,
    })),
    ...notes.map((note): Extra => ({
      kind: 'note',
      key: `n${note.id}`,
      note,
      at: Date.parse(note.createdAt),
      order: 0,
    })),
  ].sort((a, b) => a.at - b.at || a.order - b.order);
  const items: TimelineItem<P>[] = [];
  let next = 0;
  const flushBefore = (time: number) => {
    while (next < extras.length && (extras[next] as Extra).at < time) {
      const { at: _at, order: _order, ...item } = extras[next] as Extra;
      items.push(item);
      next += 1;
    }
  };
  for (const post of posts) {
    flushBefore(Date.parse(post.createdAt));
    items.push({ kind: 'post', key: post.id, post });
  }
  flushBefore(Infinity);
  return items;
}

/** The conversation detail with a note added (once), for the query cache. */
export function withNote<D extends { notes: Note[] }>(
  detail: D | undefined,
  note: Note,
): D | undefined {
  if (detail == null || detail.notes.some((n) => n.id === note.id)) return detail;
  return { ...detail, notes: [...detail.notes, note] };
}
