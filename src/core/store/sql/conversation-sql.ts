import { searchOf } from '../conversation-query';
import { ConversationPageSchema, InboxError, statusesOf } from '../../../shared';
import type { Conversation, ConversationPage } from '../../../shared';
import type { ConversationQuery } from '../port';
import { newestAlongSql } from './list-newest';
import type { NewestAlong } from './list-newest';
import { ORDERS, PRIORITY_RANK, SAMPLE, decodeCursor, encodeCursor } from './list-order';
import type { SqlValue } from './sqlite';

type Sort = ConversationQuery['sort'];

/**
 * How a list finds the conversations of a tag or a search. `set`: the few that match are read
 * from the tag table or the trigram index, then sorted. `scan`: the sort order's index is read
 * from the top and each conversation tested, which stops after one page when many match.
 */
export interface ListPlan {
  tag: 'set' | 'scan';
  q: 'set' | 'scan';
  /** A total past this many is given as "at least" (counting a huge match costs what it counts). */
  totalCap: number;
  /** For a search: the matches it was counted up to (a set is smaller than this). */
  probe?: number;
}

/** What a plan is chosen by: the engine's counts, each read only when the query needs it. */
export interface PlanCounts {
  /** Conversations in the queue. */
  size(): Promise<number> | number;
  /** Conversations carrying the tag. */
  tagged(tag: string): Promise<number> | number;
  /** Matches of an indexable search in the trigram index, counted up to `probe`. */
  found(q: string, probe: number): Promise<number> | number;
}

/** How lists choose their plan; tests set it to walk every plan on small data. */
export interface ListTuning {
  setBelow: number | null;
  totalCap: number;
}

/**
 * Set or scan, for a tag and for a search: a set costs what matches, a scan what it reads
 * before a page is full (the queue's size over the matches, per row of the page). Whichever is
 * smaller: below about √(page × queue) matches, the set.
 */
export async function choosePlan(
  query: ConversationQuery,
  tuning: ListTuning,
  counts: PlanCounts,
): Promise<ListPlan> {
  const plan: ListPlan = { tag: 'set', q: 'set', totalCap: tuning.totalCap };
  if (!query.tag && !searchOf(query)) return plan;
  const size = await counts.size();
  const threshold = tuning.setBelow ?? Math.max(2000, Math.sqrt((query.limit + 1) * size));
  if (query.tag) plan.tag = (await counts.tagged(query.tag)) < threshold ? 'set' : 'scan';
  const q = searchOf(query);
  if (q) {
    const probe = Math.ceil(threshold);
    const found = indexable(q) ? await counts.found(q, probe) : probe;
    plan.q = found < probe ? 'set' : 'scan';
    plan.probe = probe;
  }
  return plan;
}

/** Totals are exact up to this many matches of a tag with other filters, or of a search. */
export const TOTAL_CAP = 1000;

/** Filter columns whose combinations `conversation_facets` counts. */
type Facet = 'platform' | 'account_id' | 'status' | 'language' | 'priority' | 'assignee';

/** A counted column and the values it may take (one, or several for a group of statuses). */
interface FacetTest {
  column: Facet;
  values: SqlValue[];
}

/** A list query as SQL: the filters (shared by the page and its total), then the page itself. */
export interface ListSql {
  page: { sql: string; params: SqlValue[] };
  /** The exact total, from the counts the store keeps, or a capped count of the matches. */
  count: { sql: string; params: SqlValue[]; cap: number | null };
  limit: number;
  sort: Sort;
}

export { searchOf };

/** A phrase for the trigram index: the text as one quoted string. */
export function phrase(q: string): string {
  return `"${q.replaceAll('"', '""')}"`;
}

/** Whether the trigram index can look a search up (three characters or more). */
export function indexable(q: string): boolean {
  return [...q].length >= 3;
}

/**
 * What differs between engines in a list's SQL: how a tag and a search are looked up (each as a
 * set or a scan, one `?` parameter each). Everything else (filters, orders, keyset cursors, the
 * totals from the kept counts) is the same text on SQLite and PostgreSQL.
 */
export interface ListDialect {
  tag: Record<ListPlan['tag'], string>;
  /** The set plan's clause and its parameter (only for an indexable search). */
  searchSet: (q: string) => [string, SqlValue];
  /** The scan plan's clause; its parameter is the lower-cased search text. */
  searchScan: string;
  /** The queue's size, where the engine keeps it in one row (else summed over the facets). */
  total?: string;
  /**
   * Whether `conversation_tags` rows carry their conversation's `last_post_ms` and `id`, ordered
   * by an index on `(tag, last_post_ms, id)`: a tag's newest page is then read along them, one
   * page of them whatever the tag's size, where a set reads all of them and a scan reads the
   * queue's newest until it has found a page of the tag's (the total still counts the tag as the
   * plan's `tag` says).
   */
  tagRows?: boolean;
  /**
   * Whether a newest page of one status is read along the status's index whatever the planner
   * would choose (see list-newest.ts): its equality is written as a range, leading the order.
   */
  statusLeads?: boolean;
  /**
   * What a page's rows are: the stored text first, then what else the engine keeps of them
   * (PostgreSQL: the row and the id, see KnownRows). `c.body` when not given.
   */
  pageColumns?: string;
}

/** SQLite's: the tag table by rowid, FTS5's trigram index, `instr` on the search text. */
export const SQLITE_LIST: ListDialect = {
  tag: {
    set: 'c.rowid IN (SELECT conversation FROM conversation_tags WHERE tag = ?)',
    scan: 'EXISTS (SELECT 1 FROM conversation_tags t WHERE t.tag = ? AND t.conversation = c.rowid)',
  },
  searchSet: (q) => [
    'c.rowid IN (SELECT rowid FROM conversation_text WHERE conversation_text MATCH ?)',
    phrase(q),
  ],
  searchScan:
    'EXISTS (SELECT 1 FROM conversation_search s WHERE s.rowid = c.rowid AND instr(s.text, ?) > 0)',
};

/** Builds the SQL of a list query (filters, keyset cursor, order, limit). */
export function listSql(
  query: ConversationQuery,
  plan: ListPlan = { tag: 'set', q: 'set', totalCap: TOTAL_CAP },
  dialect: ListDialect = SQLITE_LIST,
): ListSql {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const facets: FacetTest[] = [];
  const equal = (column: Facet, value: SqlValue): void => {
    clauses.push(`c.${column} = ?`);
    params.push(value);
    facets.push({ column, values: [value] });
  };
  if (query.platform) equal('platform', query.platform);
  if (query.accountId) equal('account_id', query.accountId);
  /** Where the one status's clause and parameter are (a page may lead by it). */
  let status: StatusAt | null = null;
  if (query.status) {
    const statuses = statusesOf(query.status);
    if (statuses.length === 1) {
      status = { clause: clauses.length, param: params.length, value: statuses[0]! };
      equal('status', statuses[0]!);
    } else {
      // Several statuses (`active`): the kept counts are summed over them as well.
      const marks = statuses.map(() => '?').join(', ');
      clauses.push(`c.status IN (${marks})`);
      params.push(...statuses);
      facets.push({ column: 'status', values: [...statuses] });
    }
  }
  if (query.language) equal('language', query.language);
  if (query.priority) equal('priority', PRIORITY_RANK[query.priority]);
  if (query.assignee === 'unassigned') {
    clauses.push('c.assignee IS NULL');
    facets.push({ column: 'assignee', values: [''] });
  } else if (query.assignee) equal('assignee', query.assignee);
  // Few conversations are answered with another app: their own index lists them in order.
  if (query.answered === 'outside') clauses.push('c.answered_outside = 1');
  // The tone is not among the counted facets: its own index lists each tone in order.
  if (query.sentiment) {
    clauses.push('c.sentiment = ?');
    params.push(query.sentiment);
  }
  /** Where the tag's clause is: a page walked along the tag's rows has its own there. */
  let tagAt = -1;
  if (query.tag) {
    tagAt = clauses.length;
    clauses.push(dialect.tag[plan.tag]);
    params.push(query.tag);
  }
  const q = searchOf(query);
  if (q) {
    if (plan.q === 'set' && indexable(q)) {
      const [clause, param] = dialect.searchSet(q);
      clauses.push(clause);
      params.push(param);
    } else {
      clauses.push(dialect.searchScan);
      params.push(q);
    }
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  const count = countSql(query, facets, where, params, plan.totalCap, dialect);
  const columns = dialect.pageColumns ?? 'c.body';
  const along = newestIndex(query, plan, dialect, { clauses, params, tagAt, status });
  if (along) {
    const page = newestAlongSql(query, along.clauses, along.params, along.along, columns);
    return { sort: query.sort, limit: query.limit, page, count };
  }
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
    sort: query.sort,
    limit: query.limit,
    page: {
      sql: `SELECT ${columns} FROM conversations c ${pageWhere} ORDER BY ${order.orderBy} LIMIT ?`,
      params: [...pageParams, query.limit + 1],
    },
    count,
  };
}

/** Where the one status filter is in a list's clauses and parameters. */
interface StatusAt {
  clause: number;
  param: number;
  value: SqlValue;
}

/**
 * Whether a newest page is read along an index its filters fix (see list-newest.ts), with the
 * clauses and parameters it is read with: a tag's own rows (`tagRows`, where the engine's tag
 * rows carry the order; the tag's clause is theirs), or the status's index (`statusLeads`), unless
 * another filter names few conversations (an assignee, a search or tag read as a set, the replies
 * from another app), whose own index or set the planner starts from.
 */
function newestIndex(
  query: ConversationQuery,
  plan: ListPlan,
  dialect: ListDialect,
  at: { clauses: string[]; params: SqlValue[]; tagAt: number; status: StatusAt | null },
): { clauses: string[]; params: SqlValue[]; along: NewestAlong } | null {
  if (query.sort !== 'newest') return null;
  const { clauses, params, tagAt, status } = at;
  if (dialect.tagRows === true && query.tag && tagAt >= 0)
    return {
      clauses: clauses.map((c, i) => (i === tagAt ? 't.tag = ?' : c)),
      params,
      along: {
        from: 'conversation_tags t JOIN conversations c ON c.rowid = t.conversation',
        lead: [{ column: 't.tag', value: query.tag }],
        ms: 't.last_post_ms',
        id: 't.id',
      },
    };
  const q = searchOf(query);
  const fewElsewhere =
    query.assignee != null ||
    query.tag != null ||
    query.answered != null ||
    (q != null && plan.q === 'set' && indexable(q));
  if (dialect.statusLeads !== true || status == null || fewElsewhere) return null;
  // A range rather than an equality: the planner keeps the status in the order, which only the
  // status's index gives without sorting every conversation of it.
  const led = [...params];
  led.splice(status.param, 1, status.value, status.value);
  return {
    clauses: clauses.map((c, i) => (i === status.clause ? 'c.status >= ? AND c.status <= ?' : c)),
    params: led,
    along: {
      from: 'conversations c',
      lead: [{ column: 'c.status', value: status.value }],
      ms: 'c.last_post_ms',
      id: 'c.id',
    },
  };
}

/** The total's SQL: kept counts when the filters are all counted ones, else a capped count. */
function countSql(
  query: ConversationQuery,
  facets: FacetTest[],
  where: string,
  params: SqlValue[],
  cap: number,
  dialect: ListDialect,
): ListSql['count'] {
  const counted = query.answered == null && query.sentiment == null;
  if (counted && !query.tag && !searchOf(query) && facets.length === 0 && dialect.total)
    return { sql: dialect.total, params: [], cap: null };
  if (counted && !query.tag && !searchOf(query)) {
    const facetWhere = facets
      .map((f) =>
        f.values.length === 1
          ? `${f.column} = ?`
          : `${f.column} IN (${f.values.map(() => '?').join(', ')})`,
      )
      .join(' AND ');
    return {
      sql: `SELECT coalesce(sum(n), 0) FROM conversation_facets ${facetWhere ? `WHERE ${facetWhere}` : ''}`,
      params: facets.flatMap((f) => f.values),
      cap: null,
    };
  }
  if (counted && query.tag && !searchOf(query) && facets.length === 0)
    return {
      sql: 'SELECT coalesce(max(n), 0) FROM tag_counts WHERE tag = ?',
      params: [query.tag],
      cap: null,
    };
  return {
    sql: `SELECT count(*) FROM (SELECT 1 FROM conversations c ${where} LIMIT ${cap + 1}) AS matches`,
    params,
    cap,
  };
}

/** The page from the rows read (one more than the limit, when there are more). */
export function pageOf(list: ListSql, rows: Conversation[], counted: number): ConversationPage {
  const items = rows.slice(0, list.limit);
  return { items, ...pageRest(list, rows.length > list.limit ? items.at(-1) : undefined, counted) };
}

/**
 * The page as JSON text from the stored texts of the rows read, each a conversation as written
 * from its schema (PostgreSQL's bodies, see PgConversations): joined as they are, only the last
 * one read, for the cursor. The same page as `pageJson(pageOf(…))` gives, without parsing,
 * checking and writing again each of its conversations.
 */
export function pageTextOf(list: ListSql, bodies: readonly string[], counted: number): string {
  const items = bodies.slice(0, list.limit);
  const last = items.at(-1);
  const more = bodies.length > list.limit && last != null;
  const rest = pageRest(list, more ? (JSON.parse(last) as Conversation) : undefined, counted);
  // The items first, then the rest as JSON writes it (its opening brace left out).
  return `{"items":[${items.join(',')}],${JSON.stringify(rest).slice(1)}`;
}

/** A page's cursor (after `last`, when there are more) and total. */
function pageRest(
  list: ListSql,
  last: Conversation | undefined,
  counted: number,
): Omit<ConversationPage, 'items'> {
  const cap = list.count.cap;
  const atLeast = cap != null && counted > cap;
  return {
    nextCursor: last ? encodeCursor(ORDERS[list.sort].key(last), last.id) : null,
    total: atLeast ? cap : counted,
    ...(atLeast ? { totalAtLeast: true } : {}),
  };
}

/**
 * A page as the JSON text a host answers with, checked against its schema (which also leaves out
 * any field a stored conversation has that the contract does not).
 */
export function pageJson(page: ConversationPage): string {
  return JSON.stringify(ConversationPageSchema.parse(page));
}

/** The text a conversation is found by: its author and excerpt, lower-cased. */
export function searchText(c: Conversation): string {
  return `${c.author.name} ${c.author.handle ?? ''} ${c.excerpt}`.toLowerCase();
}

/** Whether two states of a conversation are found by the same text (most changes keep it). */
export function sameSearchText(a: Conversation, b: Conversation): boolean {
  if (
    a.author.name === b.author.name &&
    a.author.handle === b.author.handle &&
    a.excerpt === b.excerpt
  )
    return true;
  return searchText(a) === searchText(b);
}
