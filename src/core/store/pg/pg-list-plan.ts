import type { ConversationQuery } from '../port';
import { choosePlan, indexable, searchOf } from '../sql/conversation-sql';
import type { ListDialect, ListPlan, ListTuning } from '../sql/conversation-sql';
import type { SqlValue } from '../sql/sqlite';
import { numberOf } from './pg-client';
import type { Queryable } from './pg-client';

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
function likeLiteral(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The queue's size, kept in one row (schema step 12). */
export const QUEUE_SIZE = 'SELECT coalesce(max(n), 0) FROM conversation_total';

/**
 * PostgreSQL's part of a list's SQL: the tag table by rowid as on SQLite; a search as a LIKE that
 * the trigram index (pg_trgm) serves, or `strpos` row by row. Both find the lower-cased text as a
 * substring, as SQLite's trigram phrase and `instr` do. A set is read whole first (an array), then
 * its conversations by rowid and sorted: written as `IN (SELECT …)`, the planner walks the order's
 * index instead and looks each conversation up in the set, several times slower (measured: 40–75
 * ms against 16 ms for a tag on 3% of 100,000 conversations). A tag's page in the newest order is
 * read along the tag's own rows instead, which carry that order (schema step 12).
 */
export const POSTGRES_LIST: ListDialect = {
  tag: {
    set: 'c.rowid = ANY (ARRAY (SELECT conversation FROM conversation_tags WHERE tag = ?))',
    scan: 'EXISTS (SELECT 1 FROM conversation_tags t WHERE t.tag = ? AND t.conversation = c.rowid)',
  },
  searchSet: (q) => [
    'c.rowid = ANY (ARRAY (SELECT rowid FROM conversation_search WHERE text LIKE ?))',
    `%${likeLiteral(q)}%`,
  ],
  searchScan:
    'EXISTS (SELECT 1 FROM conversation_search s WHERE s.rowid = c.rowid AND strpos(s.text, ?) > 0)',
  total: QUEUE_SIZE,
  tagRows: true,
  statusLeads: true,
  // The row and the id of each conversation of a page are kept with its text (KnownRows).
  pageColumns: 'c.body, c.rowid, c.id',
};

/**
 * Lists that reuse the counts a plan was chosen by (the queue's size, a tag's, a search's
 * matches up to the probe) before they are read again. A plan needs their order of magnitude,
 * which moves slowly, and either plan gives the same page: what a stale count costs is a slower
 * plan for a while. Read each time, they cost a search more than its page (a common word's probe
 * reads about 14 ms of the search text at 100,000), and a search is paged and asked again.
 */
const PLAN_COUNTS_KEPT = 500;

/** Rows of search text a search's matches are estimated from (see `estimate`). */
const SEARCH_SAMPLE = 2000;

/** How PostgreSQL lists choose their plan, from counts of the database kept a while. */
export class PgListPlans {
  constructor(private readonly db: Queryable) {}

  /** A list's plan, and the SQL of its tag and search as that plan reads them. */
  async choose(
    query: ConversationQuery,
    tuning: ListTuning,
  ): Promise<{ plan: ListPlan; dialect: ListDialect }> {
    return this.searchSet(query, await this.plan(query, tuning));
  }

  /**
   * A search read as a set: its matches read once from the trigram index (up to the plan's probe)
   * and given to the page and its total as an array, rather than looked up again by each (at a
   * million conversations, a name's trigrams are in nearly every row: each lookup costs 10 ms).
   * As many as the probe: the search is scanned instead, and its count kept for the next lists.
   */
  private async searchSet(
    query: ConversationQuery,
    plan: ListPlan,
  ): Promise<{ plan: ListPlan; dialect: ListDialect }> {
    const q = searchOf(query);
    if (!q || plan.q !== 'set' || !indexable(q) || plan.probe == null)
      return { plan, dialect: POSTGRES_LIST };
    const { rows } = await this.db.query<[number]>({
      text: `SELECT rowid FROM conversation_search WHERE text LIKE $1 LIMIT ${plan.probe}`,
      values: [`%${likeLiteral(q)}%`],
      rowMode: 'array',
    });
    if (rows.length >= plan.probe) {
      this.planCounts.set(`search ${plan.probe} ${q}`, Promise.resolve(rows.length));
      return { plan: { ...plan, q: 'scan' }, dialect: POSTGRES_LIST };
    }
    const rowids = rows.map((r) => r[0]);
    return {
      plan,
      dialect: {
        ...POSTGRES_LIST,
        searchSet: () => ['c.rowid = ANY (?::bigint[])', rowids as unknown as SqlValue],
      },
    };
  }

  private plan(query: ConversationQuery, tuning: ListTuning): Promise<ListPlan> {
    if (++this.planned > PLAN_COUNTS_KEPT || this.planCounts.size > 1000) {
      this.planned = 0;
      this.planCounts.clear();
    }
    return choosePlan(query, tuning, {
      size: () => this.size(),
      tagged: (tag) =>
        this.planCount(`tag ${tag}`, () =>
          numberOf(this.db, 'SELECT coalesce(max(n), 0) FROM tag_counts WHERE tag = $1', [tag]),
        ),
      found: (q, probe) => this.planCount(`search ${probe} ${q}`, () => this.estimate(q)),
    });
  }

  /**
   * A search's matches in the queue, told from a sample of its text (the first rows of the table):
   * exact on a queue smaller than the sample, else the sample's share of the queue. A count up to
   * the probe read about 48,000 rows of a common word's text at a million (30 ms); the sample,
   * 2,000. A set the estimate misjudges is found as large as the probe when it is read (`searchSet`).
   */
  private async estimate(q: string): Promise<number> {
    const { rows } = await this.db.query<[number, number]>({
      text: `SELECT count(*) FILTER (WHERE strpos(text, $1) > 0), count(*)
             FROM (SELECT text FROM conversation_search LIMIT ${SEARCH_SAMPLE}) AS sample`,
      values: [q],
      rowMode: 'array',
    });
    const [found, read] = (rows[0] ?? [0, 0]).map(Number) as [number, number];
    if (read < SEARCH_SAMPLE) return found;
    const size = await this.size();
    return Math.round((found / read) * size);
  }

  /** Counts plans were chosen by lately, by what they count (see PLAN_COUNTS_KEPT). */
  private readonly planCounts = new Map<string, Promise<number>>();
  private planned = 0;

  private planCount(key: string, read: () => Promise<number>): Promise<number> {
    let count = this.planCounts.get(key);
    if (count == null) {
      count = read();
      this.planCounts.set(key, count);
      count.catch(() => this.planCounts.delete(key));
    }
    return count;
  }

  /** The queue's size, as it is kept. */
  private size(): Promise<number> {
    return this.planCount('size', () => numberOf(this.db, QUEUE_SIZE));
  }
}
