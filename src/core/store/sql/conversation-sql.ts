import { z } from 'zod';
import { InboxError } from '../../../shared';
import type { Conversation, ConversationPage } from '../../../shared';
import type { ConversationQuery } from '../port';
import type { SqlValue } from './sqlite';

type Sort = ConversationQuery['sort'];
type Key = number[];

export const PRIORITY_RANK = { urgent: 3, high: 2, normal: 1, low: 0 } as const;

/**
 * Each order of the list: its ORDER BY, the values of a row's sort key (what a cursor carries,
 * in the format the queue always used, so a page a client holds stays valid), and the condition
 * for "after this key". Every order ends with the id, so pages never overlap.
 */
const ORDERS: Record<
  Sort,
  { orderBy: string; key: (c: Conversation) => Key; after: (k: Key) => [string, SqlValue[]] }
> = {
  newest: {
    orderBy: 'c.last_post_ms DESC, c.id DESC',
    key: (c) => [Date.parse(c.lastPostAt)],
    after: ([ms]) => ['(c.last_post_ms, c.id) < (?, ?)', [ms!]],
  },
  oldest: {
    orderBy: 'c.last_post_ms ASC, c.id DESC',
    key: (c) => [-Date.parse(c.lastPostAt)],
    after: ([negative]) => {
      const ms = -negative!;
      return ['(c.last_post_ms > ? OR (c.last_post_ms = ? AND c.id < ?))', [ms, ms]];
    },
  },
  priority: {
    orderBy: 'c.priority DESC, c.last_post_ms DESC, c.id DESC',
    key: (c) => [PRIORITY_RANK[c.priority], Date.parse(c.lastPostAt)],
    after: ([rank, ms]) => ['(c.priority, c.last_post_ms, c.id) < (?, ?, ?)', [rank!, ms!]],
  },
  reach: {
    orderBy: 'c.reach DESC, c.last_post_ms DESC, c.id DESC',
    key: (c) => [c.reach, Date.parse(c.lastPostAt)],
    after: ([reach, ms]) => ['(c.reach, c.last_post_ms, c.id) < (?, ?, ?)', [reach!, ms!]],
  },
};

/** Any conversation, for the length of a sort key. */
const SAMPLE = {
  lastPostAt: '1970-01-01T00:00:00.000Z',
  priority: 'low',
  reach: 0,
} as Conversation;

const CursorSchema = z.object({ k: z.array(z.union([z.string(), z.number()])), id: z.string() });

/** A list query as SQL: the filters (shared by the page and its total), then the page itself. */
export interface ListSql {
  where: string;
  params: SqlValue[];
  page: { sql: string; params: SqlValue[] };
  count: { sql: string; params: SqlValue[] };
  limit: number;
  sort: Sort;
}

/** Builds the SQL of a list query (filters, keyset cursor, order, limit). */
export function listSql(query: ConversationQuery): ListSql {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const equal = (column: string, value: SqlValue): void => {
    clauses.push(`c.${column} = ?`);
    params.push(value);
  };
  if (query.platform) equal('platform', query.platform);
  if (query.accountId) equal('account_id', query.accountId);
  if (query.status) equal('status', query.status);
  if (query.language) equal('language', query.language);
  if (query.priority) equal('priority', PRIORITY_RANK[query.priority]);
  if (query.assignee === 'unassigned') clauses.push('c.assignee IS NULL');
  else if (query.assignee) equal('assignee', query.assignee);
  if (query.tag) {
    clauses.push('c.rowid IN (SELECT conversation FROM conversation_tags WHERE tag = ?)');
    params.push(query.tag);
  }
  const q = query.q?.trim().toLowerCase();
  if (q) {
    // Trigrams find a part of a word of three characters or more; shorter ones are looked for
    // in the text itself.
    if ([...q].length >= 3) {
      clauses.push(
        'c.rowid IN (SELECT rowid FROM conversation_text WHERE conversation_text MATCH ?)',
      );
      params.push(`"${q.replaceAll('"', '""')}"`);
    } else {
      clauses.push('c.rowid IN (SELECT rowid FROM conversation_text WHERE instr(text, ?) > 0)');
      params.push(q);
    }
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  const order = ORDERS[query.sort];
  const pageClauses = [...clauses];
  const pageParams = [...params];
  if (query.cursor) {
    const { k, id } = decodeCursor(query.cursor);
    // A cursor of another order (its key has another length) cannot say where to go on.
    if (k.length !== order.key(SAMPLE).length)
      throw new InboxError('bad_request', 'Invalid cursor: start again from the first page');
    const [condition, values] = order.after(k);
    pageClauses.push(condition);
    pageParams.push(...values, id);
  }
  const pageWhere = pageClauses.length > 0 ? `WHERE ${pageClauses.join(' AND ')}` : '';
  return {
    where,
    params,
    sort: query.sort,
    limit: query.limit,
    page: {
      sql: `SELECT c.body FROM conversations c ${pageWhere} ORDER BY ${order.orderBy} LIMIT ?`,
      params: [...pageParams, query.limit + 1],
    },
    count: { sql: `SELECT count(*) FROM conversations c ${where}`, params },
  };
}

/** The page from the rows read (one more than the limit, when there are more). */
export function pageOf(list: ListSql, rows: Conversation[], total: number): ConversationPage {
  const items = rows.slice(0, list.limit);
  const last = items.at(-1);
  const more = rows.length > list.limit && last != null;
  return {
    items,
    nextCursor: more ? encodeCursor(ORDERS[list.sort].key(last), last.id) : null,
    total,
  };
}

/** The text a conversation is found by: its author and excerpt, lower-cased. */
export function searchText(c: Conversation): string {
  return `${c.author.name} ${c.author.handle ?? ''} ${c.excerpt}`.toLowerCase();
}

function encodeCursor(k: Key, id: string): string {
  return Buffer.from(JSON.stringify({ k, id })).toString('base64url');
}

function decodeCursor(cursor: string): { k: Key; id: string } {
  try {
    const parsed = CursorSchema.parse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
    const k = parsed.k.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    if (k.length !== parsed.k.length) throw new Error('not a key');
    return { k, id: parsed.id };
  } catch {
    throw new InboxError('bad_request', 'Invalid cursor: start again from the first page');
  }
}
