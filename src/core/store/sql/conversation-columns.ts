import type { Conversation } from '../../../shared';
import { PRIORITY_RANK } from './list-order';
import type { SqlValue } from './sqlite';

/**
 * The columns lists filter and sort on, each with its value in a conversation. `conversation_facets`
 * counts conversations by the filter columns (`facet`): the triggers count an insert and a delete,
 * and put moves the counts of an update (it is the one statement that updates them).
 */
export const COLUMNS: readonly {
  name: string;
  /** The field the value comes from: when it is the same, so is the value. */
  field: keyof Conversation;
  facet: boolean;
  of: (c: Conversation) => SqlValue;
}[] = [
  { name: 'platform', field: 'platform', facet: true, of: (c) => c.platform },
  { name: 'account_id', field: 'accountId', facet: true, of: (c) => c.accountId },
  { name: 'status', field: 'status', facet: true, of: (c) => c.status },
  { name: 'assignee', field: 'assignee', facet: true, of: (c) => c.assignee },
  { name: 'language', field: 'language', facet: true, of: (c) => c.language },
  { name: 'priority', field: 'priority', facet: true, of: (c) => PRIORITY_RANK[c.priority] },
  { name: 'reach', field: 'reach', facet: false, of: (c) => c.reach },
  {
    name: 'last_post_ms',
    field: 'lastPostAt',
    facet: false,
    of: (c) => Date.parse(c.lastPostAt),
  },
  { name: 'created_ms', field: 'createdAt', facet: false, of: (c) => Date.parse(c.createdAt) },
  { name: 'statement_by', field: 'statement', facet: false, of: (c) => c.statement?.by ?? null },
  {
    name: 'statement_ms',
    field: 'statement',
    facet: false,
    of: (c) => (c.statement == null ? null : Date.parse(c.statement.at)),
  },
  { name: 'sentiment', field: 'sentiment', facet: false, of: (c) => c.sentiment ?? null },
  {
    name: 'answered_outside',
    field: 'answeredOutside',
    facet: false,
    of: (c) => (c.answeredOutside === true ? 1 : 0),
  },
];

/**
 * The columns a new state of a stored conversation moves: one bit each, in the order of COLUMNS,
 * and their new values in that order. A field left as it was is not looked at further.
 */
export function columnsMoved(
  previous: Conversation,
  next: Conversation,
): { moved: number; values: SqlValue[] } {
  let moved = 0;
  const values: SqlValue[] = [];
  for (let i = 0; i < COLUMNS.length; i++) {
    const column = COLUMNS[i]!;
    if (next[column.field] === previous[column.field]) continue;
    const value = column.of(next);
    if (Object.is(value, column.of(previous))) continue;
    moved |= 1 << i;
    values.push(value);
  }
  return { moved, values };
}

/** The columns of `conversation_facets` a conversation is counted under, in its key's order. */
export const FACET = 'status, assignee, platform, account_id, language, priority';

/** The bits of COLUMNS that are facet columns. */
export const FACET_BITS = COLUMNS.reduce(
  (bits, column, i) => (column.facet ? bits | (1 << i) : bits),
  0,
);

/** Conversations moved between facet combinations: the net change of each combination's count. */
export class FacetMoves {
  private readonly counts = new Map<string, { facet: SqlValue[]; n: number }>();

  move(from: Conversation, to: Conversation): void {
    this.add(facetOf(from), -1);
    this.add(facetOf(to), 1);
  }

  netted(): Iterable<{ facet: SqlValue[]; n: number }> {
    return this.counts.values();
  }

  private add(facet: SqlValue[], n: number): void {
    const key = JSON.stringify(facet);
    const count = this.counts.get(key);
    if (count) count.n += n;
    else this.counts.set(key, { facet, n });
  }
}

/** Whether two lists hold the same items in the same order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** A conversation's combination in `conversation_facets` (no assignee or language: ''). */
export function facetOf(c: Conversation): SqlValue[] {
  return [
    c.status,
    c.assignee ?? '',
    c.platform,
    c.accountId,
    c.language ?? '',
    PRIORITY_RANK[c.priority],
  ];
}
