import { badParameter } from './graph-errors';
import { compareItems } from './graph-store';
import { firstIndex } from './sorted-list';
import type { Sequence } from './sorted-list';

/** An item's place in a Graph list: creation time and id. Cursors carry it, opaque to clients. */
interface ItemKey {
  createdMs: number;
  id: string;
}

export function encodeCursor(item: ItemKey): string {
  return Buffer.from(`cursor:${item.createdMs}:${item.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, name: string): ItemKey {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^cursor:(-?\d+):([0-9_]+)$/.exec(text);
  if (!match) throw badParameter(`The parameter ${name} is not a valid cursor`);
  return { createdMs: Number(match[1]), id: match[2]! };
}

export interface ListPage<T> {
  items: T[];
  /** Items remain before the first (toward the list's start) or after the last. */
  hasBefore: boolean;
  hasAfter: boolean;
}

/**
 * One page of an ordered list: after the `after` cursor, or ending just before the `before` cursor,
 * else from the start. `descending` tells the list's order, so cursors survive insertions. The list
 * is sorted in that order, so a cursor's place is found by binary search.
 */
export function pageList<T extends ItemKey>(
  ordered: Sequence<T>,
  limit: number,
  cursors: { after: string | null; before: string | null },
  descending: boolean,
): ListPage<T> {
  const cmp = (a: ItemKey, b: ItemKey) => (descending ? compareItems(b, a) : compareItems(a, b));
  const length = ordered.length;
  let start = 0;
  let end = length;
  if (cursors.after !== null) {
    const key = decodeCursor(cursors.after, 'after');
    start = firstIndex(0, length, (i) => cmp(ordered.at(i)!, key) > 0);
    end = Math.min(length, start + limit);
  } else if (cursors.before !== null) {
    const key = decodeCursor(cursors.before, 'before');
    end = firstIndex(0, length, (i) => cmp(ordered.at(i)!, key) >= 0);
    start = Math.max(0, end - limit);
  } else {
    end = Math.min(length, limit);
  }
  const items: T[] = [];
  for (let i = start; i < end; i++) items.push(ordered.at(i)!);
  return { items, hasBefore: start > 0, hasAfter: end < length };
}

/**
 * A Graph list body: `{data, paging: {cursors, next?, previous?}}`, or `{data: []}` when empty. The
 * links repeat `url`'s query (access_token included when the client sent it) with the new cursor.
 */
export function listBody<T extends ItemKey>(
  page: ListPage<T>,
  data: unknown[],
  url: URL,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const first = page.items[0];
  const last = page.items[page.items.length - 1];
  if (!first || !last) return { data, ...extra };
  const link = (name: 'after' | 'before', cursor: string) => {
    const next = new URL(url.href);
    next.searchParams.delete('after');
    next.searchParams.delete('before');
    next.searchParams.set(name, cursor);
    return next.href;
  };
  const cursors = { before: encodeCursor(first), after: encodeCursor(last) };
  return {
    data,
    paging: {
      cursors,
      ...(page.hasBefore ? { previous: link('before', cursors.before) } : {}),
      ...(page.hasAfter ? { next: link('after', cursors.after) } : {}),
    },
    ...extra,
  };
}
