import { InboxError } from '../../../shared';
import type { ConversationQuery } from '../port';
import { decodeCursor } from './list-order';
import type { SqlValue } from './sqlite';

/**
 * Pages in the newest order read along an index whose leading columns the filters fix: the page
 * starts at the cursor and stops once it is full, whatever the planner guesses of the data. Where
 * an engine's planner takes the newest order's own index instead and tests each row against the
 * filters, it reads what the filters do not match first: the newest conversations are those the
 * team handles first, so most of them have left `new` (at 100,000 conversations after the 20
 * agents, a page of `new` read 5,400 rows along the newest order, 200 along the status's index).
 */
export interface NewestAlong {
  /** What the page is read from; the conversations are `c`. */
  from: string;
  /** The fixed columns leading the index, with their values, in the index's order. */
  lead: { column: string; value: SqlValue }[];
  /** The columns of the last post's time and the conversation's id, as the index has them. */
  ms: string;
  id: string;
}

/** The page's SQL along such an index: the filters, the cursor after them, the order, the limit. */
export function newestAlongSql(
  query: ConversationQuery,
  clauses: readonly string[],
  params: readonly SqlValue[],
  along: NewestAlong,
  /** What each row of the page is (the stored text first: ListDialect.pageColumns). */
  select: string,
): { sql: string; params: SqlValue[] } {
  const pageClauses = [...clauses];
  const pageParams = [...params];
  const columns = [...along.lead.map((l) => l.column), along.ms, along.id];
  if (query.cursor) {
    const { k, id } = decodeCursor(query.cursor);
    // A cursor of another order (its key has another length) cannot say where to go on.
    if (k.length !== 1)
      throw new InboxError('bad_request', 'Invalid cursor: start again from the first page');
    // The whole key of the index, so the cursor is where its read starts.
    pageClauses.push(`(${columns.join(', ')}) < (${columns.map(() => '?').join(', ')})`);
    pageParams.push(...along.lead.map((l) => l.value), k[0]!, id);
  }
  return {
    sql: `SELECT ${select} FROM ${along.from} WHERE ${pageClauses.join(' AND ')}
      ORDER BY ${columns.map((c) => `${c} DESC`).join(', ')} LIMIT ?`,
    params: [...pageParams, query.limit + 1],
  };
}
