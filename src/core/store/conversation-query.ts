import { z } from 'zod';
import { InboxError } from '../../shared';
import type { Conversation, ConversationPage, ListConversationsInputSchema } from '../../shared';

type Query = z.output<typeof ListConversationsInputSchema>;
type SortKey = string | number;

const priorityRank = { urgent: 3, high: 2, normal: 1, low: 0 } as const;

const CursorSchema = z.object({ k: z.array(z.union([z.string(), z.number()])), id: z.string() });

/** Sort orders as keys compared descending (bigger first), ties broken by id. */
const sortKeys: Record<Query['sort'], (c: Conversation) => SortKey[]> = {
  newest: (c) => [c.lastPostAt],
  oldest: (c) => [invert(c.lastPostAt)],
  priority: (c) => [priorityRank[c.priority], c.lastPostAt],
  reach: (c) => [c.reach, c.lastPostAt],
};

/**
 * Filters, sorts and pages conversations. Cursors are keyset cursors (the last item's sort key and
 * id), so a page stays right while new conversations arrive at the top.
 */
export function queryConversations(all: Iterable<Conversation>, query: Query): ConversationPage {
  const q = query.q?.trim().toLowerCase();
  const matches: Conversation[] = [];
  for (const c of all) {
    if (query.platform && c.platform !== query.platform) continue;
    if (query.accountId && c.accountId !== query.accountId) continue;
    if (query.status && c.status !== query.status) continue;
    if (query.language && c.language !== query.language) continue;
    if (query.priority && c.priority !== query.priority) continue;
    if (q && !haystack(c).includes(q)) continue;
    matches.push(c);
  }
  const keyOf = sortKeys[query.sort];
  const keyed = matches.map((c) => ({ c, key: [...keyOf(c), c.id] }));
  keyed.sort((a, b) => compareKeys(b.key, a.key));

  let start = 0;
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    const probe = [...after.k, after.id];
    start = keyed.findIndex((item) => compareKeys(item.key, probe) < 0);
    if (start < 0) start = keyed.length;
  }
  const page = keyed.slice(start, start + query.limit);
  const last = page[page.length - 1];
  const hasMore = start + page.length < keyed.length;
  return {
    items: page.map((item) => item.c),
    nextCursor: hasMore && last ? encodeCursor(last.key) : null,
    total: matches.length,
  };
}

function haystack(c: Conversation): string {
  return `${c.author.name} ${c.author.handle ?? ''} ${c.excerpt}`.toLowerCase();
}

function compareKeys(a: SortKey[], b: SortKey[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Reverses a string's order under comparison, for ascending dates in a descending sort. */
function invert(iso: string): string {
  return [...iso].map((ch) => String.fromCharCode(0xffff - ch.charCodeAt(0))).join('');
}

function encodeCursor(key: SortKey[]): string {
  const id = key[key.length - 1] as string;
  return Buffer.from(JSON.stringify({ k: key.slice(0, -1), id })).toString('base64url');
}

function decodeCursor(cursor: string): { k: SortKey[]; id: string } {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new InboxError('bad_request', 'Invalid cursor: start again from the first page');
  }
}
