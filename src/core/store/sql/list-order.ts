import { z } from 'zod';
import { InboxError } from '../../../shared';
import type { Conversation } from '../../../shared';
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
export const ORDERS: Record<
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
export const SAMPLE = {
  lastPostAt: '1970-01-01T00:00:00.000Z',
  priority: 'low',
  reach: 0,
} as Conversation;

const CursorSchema = z.object({ k: z.array(z.union([z.string(), z.number()])), id: z.string() });

export function encodeCursor(k: Key, id: string): string {
  return Buffer.from(JSON.stringify({ k, id })).toString('base64url');
}

export function decodeCursor(cursor: string): { k: Key; id: string } {
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
