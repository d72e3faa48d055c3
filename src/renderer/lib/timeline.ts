import type { Note, Post } from '../../shared/model';

export type TimelineItem = { kind: 'post'; post: Post } | { kind: 'note'; note: Note };

/**
 * A conversation's posts with the team's notes slotted in by time: each note comes after every
 * post written before it, and the posts keep their own order.
 */
export function timeline(posts: readonly Post[], notes: readonly Note[]): TimelineItem[] {
  const sorted = [...notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const items: TimelineItem[] = [];
  let n = 0;
  for (const post of posts) {
    while (n < sorted.length && Date.parse(sorted[n]!.createdAt) < Date.parse(post.createdAt))
      items.push({ kind: 'note', note: sorted[n++]! });
    items.push({ kind: 'post', post });
  }
  while (n < sorted.length) items.push({ kind: 'note', note: sorted[n++]! });
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
