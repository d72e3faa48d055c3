import { z } from 'zod';
import { InboxError, statusesOf } from '../../shared';
import type { Conversation, ConversationPage, ListConversationsInputSchema } from '../../shared';

type Query = z.output<typeof ListConversationsInputSchema>;
type Sort = Query['sort'];
type SortKey = (string | number)[];
/**
 * One conversation in one order. The fields filters test are copied in, and entries are allocated in
 * their order, so a scan reads memory in sequence instead of chasing each conversation object.
 */
interface Entry {
  key: SortKey;
  c: Conversation;
  platform: Conversation['platform'];
  accountId: string;
  status: Conversation['status'];
  language: string | null;
  priority: Conversation['priority'];
  /** Lower-cased author and excerpt, made on the first text search. */
  text?: string;
}

const priorityRank = { urgent: 3, high: 2, normal: 1, low: 0 } as const;

const CursorSchema = z.object({ k: z.array(z.union([z.string(), z.number()])), id: z.string() });

/** Each order as a key sorted descending (bigger first); the id last breaks ties. */
const sortKeys: Record<Sort, (c: Conversation) => SortKey> = {
  newest: (c) => [Date.parse(c.lastPostAt), c.id],
  oldest: (c) => [-Date.parse(c.lastPostAt), c.id],
  priority: (c) => [priorityRank[c.priority], Date.parse(c.lastPostAt), c.id],
  reach: (c) => [c.reach, Date.parse(c.lastPostAt), c.id],
};

/**
 * Answers list queries over the queue. Each sort order is kept as a sorted array, built on first use
 * and then updated in place (binary search, splice) as conversations change, so a query scans in
 * order instead of sorting. Cursors are keyset cursors (the last item's sort key), so a page stays
 * right while new conversations arrive at the top.
 */
export class ConversationIndex {
  private readonly orders = new Map<Sort, Entry[]>();

  constructor(private readonly source: () => Iterable<Conversation>) {}

  /** Records a conversation's new state; `previous` is the state it replaces, if any. */
  update(next: Conversation, previous: Conversation | undefined): void {
    if (previous) this.remove(previous);
    for (const [sort, entries] of this.orders) {
      const key = sortKeys[sort](next);
      entries.splice(
        firstIndex(entries, (e) => compareKeys(e.key, key) < 0),
        0,
        entryOf(key, next),
      );
    }
  }

  /**
   * Records a change that leaves every sort key and filtered field but the tags as they were (a tag
   * renamed or deleted across the queue): the entries are replaced where they stand, no splicing.
   */
  retag(next: Conversation, previous: Conversation): void {
    for (const [sort, entries] of this.orders) {
      const key = sortKeys[sort](previous);
      const at = firstIndex(entries, (e) => compareKeys(e.key, key) <= 0);
      const entry = entries[at];
      if (entry?.c.id === previous.id) entry.c = next;
    }
  }

  /**
   * Follows a stored change: in place when only what no order or filter reads changed (tags, a
   * version), otherwise moved to its new place in each order.
   */
  changed(next: Conversation, previous: Conversation | undefined): void {
    if (previous != null && sameEntry(next, previous)) this.retag(next, previous);
    else this.update(next, previous);
  }

  /** Forgets a conversation (folded into another one). */
  remove(previous: Conversation): void {
    for (const [sort, entries] of this.orders) {
      const old = sortKeys[sort](previous);
      const at = firstIndex(entries, (e) => compareKeys(e.key, old) <= 0);
      if (entries[at]?.c.id === previous.id) entries.splice(at, 1);
    }
  }

  query(query: Query): ConversationPage {
    const entries = this.ordered(query.sort);
    let start = 0;
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      const probe = [...after.k, after.id];
      start = firstIndex(entries, (e) => compareKeys(e.key, probe) < 0);
    }
    const matches = predicate(query);
    const items: Conversation[] = [];
    let total = 0;
    let last: Entry | undefined;
    let hasMore = false;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      if (!matches(entry)) continue;
      total += 1;
      if (i < start) continue;
      if (items.length < query.limit) {
        items.push(entry.c);
        last = entry;
      } else {
        hasMore = true;
      }
    }
    return { items, nextCursor: hasMore && last ? encodeCursor(last.key) : null, total };
  }

  private ordered(sort: Sort): Entry[] {
    let entries = this.orders.get(sort);
    if (!entries) {
      const keyOf = sortKeys[sort];
      const keyed = [...this.source()].map((c) => ({ key: keyOf(c), c }));
      keyed.sort((a, b) => compareKeys(b.key, a.key));
      entries = keyed.map(({ key, c }) => entryOf(key, c));
      this.orders.set(sort, entries);
    }
    return entries;
  }
}

function entryOf(key: SortKey, c: Conversation): Entry {
  return {
    key,
    c,
    platform: c.platform,
    accountId: c.accountId,
    status: c.status,
    language: c.language,
    priority: c.priority,
  };
}

/** Whether two states of a conversation sort and filter alike (the text search included). */
function sameEntry(a: Conversation, b: Conversation): boolean {
  return (
    a.id === b.id &&
    a.lastPostAt === b.lastPostAt &&
    a.priority === b.priority &&
    a.reach === b.reach &&
    a.platform === b.platform &&
    a.accountId === b.accountId &&
    a.status === b.status &&
    a.language === b.language &&
    a.sentiment === b.sentiment &&
    a.excerpt === b.excerpt &&
    a.author.name === b.author.name &&
    a.author.handle === b.author.handle
  );
}

/** The query's filters as one predicate, holding only the tests the query asks for. */
function predicate(query: Query): (entry: Entry) => boolean {
  const tests: ((entry: Entry) => boolean)[] = [];
  const { platform, accountId, status, language, priority } = query;
  if (platform) tests.push((e) => e.platform === platform);
  if (accountId) tests.push((e) => e.accountId === accountId);
  if (status) {
    const statuses: readonly string[] = statusesOf(status);
    tests.push((e) => statuses.includes(e.status));
  }
  if (language) tests.push((e) => e.language === language);
  if (priority) tests.push((e) => e.priority === priority);
  const { assignee, tag } = query;
  if (assignee === 'unassigned') tests.push((e) => e.c.assignee == null);
  else if (assignee) tests.push((e) => e.c.assignee === assignee);
  if (tag) tests.push((e) => e.c.tags.includes(tag));
  if (query.answered === 'outside') tests.push((e) => e.c.answeredOutside === true);
  const { sentiment } = query;
  if (sentiment) tests.push((e) => e.c.sentiment === sentiment);
  const q = searchOf(query);
  if (q) {
    tests.push((e) => {
      e.text ??= `${e.c.author.name} ${e.c.author.handle ?? ''} ${e.c.excerpt}`.toLowerCase();
      return e.text.includes(q);
    });
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  return (e) => tests.every((test) => test(e));
}

/** One-off query over a collection (builds a throwaway index). */
export function queryConversations(all: Iterable<Conversation>, query: Query): ConversationPage {
  return new ConversationIndex(() => all).query(query);
}

/** First index whose entry satisfies `pred`, for a predicate false then true along the array. */
function firstIndex(entries: Entry[], pred: (e: Entry) => boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(entries[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function compareKeys(a: SortKey, b: SortKey): number {
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

function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify({ k: key.slice(0, -1), id: key[key.length - 1] })).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): { k: SortKey; id: string } {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new InboxError('bad_request', 'Invalid cursor: start again from the first page');
  }
}

/**
 * The lower-cased search text of a query (empty: no search). NUL is left out: no stored text holds
 * one, FTS5 ends its phrase there and PostgreSQL refuses it in text.
 */
export function searchOf(query: { q?: string | undefined }): string {
  return query.q?.replaceAll('\u0000', '').trim().toLowerCase() ?? '';
}
