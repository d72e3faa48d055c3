import type { Conversation, ConversationPage } from '../../../shared';
import type { ConversationHead, ConversationQuery, ConversationRepository } from '../port';
import {
  PRIORITY_RANK,
  TOTAL_CAP,
  indexable,
  listSql,
  pageOf,
  phrase,
  searchOf,
  searchText,
} from './conversation-sql';
import type { ListPlan } from './conversation-sql';
import { Column, PAGE, timeRange, tupleRange } from './sqlite';
import type { Database, Statement } from './sqlite';

/**
 * The queue in SQL: one row per conversation (the columns lists filter and sort on, and the
 * conversation as JSON), its tags in their own table, its author and excerpt in a full-text index.
 */
export class SqlConversations implements ConversationRepository {
  private readonly byId: Column;
  private readonly upsert: Column;
  private readonly setBody: Statement;
  private readonly dropTag: Statement;
  private readonly addTag: Statement;
  private readonly addText: Statement;
  private readonly setText: Statement;
  private readonly removeRow: Statement;
  private readonly statements = new Map<string, Statement>();
  private readonly columns = new Map<string, Column>();
  /** How lists choose their plan; tests set it to walk every plan on small data. */
  tuning: { setBelow: number | null; totalCap: number } = { setBelow: null, totalCap: TOTAL_CAP };

  constructor(private readonly db: Database) {
    this.byId = new Column(db, 'SELECT body FROM conversations WHERE id = ?');
    this.upsert = new Column(
      db,
      `INSERT INTO conversations
           (id, platform, account_id, status, assignee, language, priority, reach, last_post_ms,
            created_ms, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET
           platform = excluded.platform, account_id = excluded.account_id,
           status = excluded.status, assignee = excluded.assignee, language = excluded.language,
           priority = excluded.priority, reach = excluded.reach,
           last_post_ms = excluded.last_post_ms, created_ms = excluded.created_ms,
           body = excluded.body
         RETURNING rowid`,
    );
    this.setBody = db.prepare('UPDATE conversations SET body = ? WHERE id = ? RETURNING rowid');
    this.dropTag = db.prepare('DELETE FROM conversation_tags WHERE conversation = ? AND tag = ?');
    this.addTag = db.prepare(
      'INSERT OR IGNORE INTO conversation_tags (conversation, tag) VALUES (?, ?)',
    );
    this.addText = db.prepare('INSERT INTO conversation_search (rowid, text) VALUES (?, ?)');
    this.setText = db.prepare('UPDATE conversation_search SET text = ? WHERE rowid = ?');
    // Its tags and search text go with it (foreign keys), and the counts follow (triggers).
    this.removeRow = db.prepare('DELETE FROM conversations WHERE id = ?');
  }

  async get(id: string): Promise<Conversation | undefined> {
    return this.getNow(id);
  }

  /** The conversation as stored now (inside a transaction: as this transaction left it). */
  getNow(id: string): Conversation | undefined {
    const body = this.byId.one<string>(id);
    return body == null ? undefined : (JSON.parse(body) as Conversation);
  }

  async getMany(ids: readonly string[]): Promise<Conversation[]> {
    if (ids.length === 0) return [];
    return this.column(
      'SELECT body FROM conversations WHERE id IN (SELECT value FROM json_each(?))',
    )
      .all<string>(JSON.stringify([...new Set(ids)]))
      .map((body) => JSON.parse(body) as Conversation);
  }

  async list(query: ConversationQuery): Promise<ConversationPage> {
    const list = listSql(query, this.plan(query));
    const rows = this.column(list.page.sql).all<string>(...list.page.params);
    const total = this.column(list.count.sql).one<number>(...list.count.params) ?? 0;
    return pageOf(
      list,
      rows.map((body) => JSON.parse(body) as Conversation),
      total,
    );
  }

  /**
   * Set or scan, for a tag and for a search: a set costs what matches, a scan what it reads
   * before a page is full (the queue's size over the matches, per row of the page). Whichever is
   * smaller: below about √(page × queue) matches, the set.
   */
  private plan(query: ConversationQuery): ListPlan {
    const plan: ListPlan = { tag: 'set', q: 'set', totalCap: this.tuning.totalCap };
    if (!query.tag && !searchOf(query)) return plan;
    const size =
      this.column('SELECT coalesce(sum(n), 0) FROM conversation_facets').one<number>() ?? 0;
    const threshold = this.tuning.setBelow ?? Math.max(2000, Math.sqrt((query.limit + 1) * size));
    if (query.tag) {
      const tagged =
        this.column('SELECT n FROM tag_counts WHERE tag = ?').one<number>(query.tag) ?? 0;
      plan.tag = tagged < threshold ? 'set' : 'scan';
    }
    const q = searchOf(query);
    if (q) {
      const probe = Math.ceil(threshold);
      const found = indexable(q)
        ? (this.column(
            `SELECT count(*) FROM (SELECT rowid FROM conversation_text WHERE conversation_text MATCH ? LIMIT ${probe})`,
          ).one<number>(phrase(q)) ?? 0)
        : probe;
      plan.q = found < probe ? 'set' : 'scan';
    }
    return plan;
  }

  async idsWithTag(tag: string): Promise<string[]> {
    return this.column(
      `SELECT c.id FROM conversation_tags t JOIN conversations c ON c.rowid = t.conversation
       WHERE t.tag = ?`,
    ).all<string>(tag);
  }

  async idsOfAccount(accountId: string): Promise<string[]> {
    return this.column('SELECT id FROM conversations WHERE account_id = ?').all<string>(accountId);
  }

  async idsAssignedTo(agentId: string): Promise<string[]> {
    return this.column('SELECT id FROM conversations WHERE assignee = ?').all<string>(agentId);
  }

  async tagCounts(): Promise<Map<string, number>> {
    const rows = this.statement(
      'SELECT tag, count(*) AS n FROM conversation_tags GROUP BY tag',
    ).all() as {
      tag: string;
      n: number;
    }[];
    return new Map(rows.map((r) => [r.tag, r.n]));
  }

  lastPostedBetween(fromIso: string, toIso: string): AsyncIterable<Conversation> {
    const page = this.statement(
      `SELECT last_post_ms AS ms, id, body FROM conversations
       WHERE last_post_ms < ? AND (last_post_ms, id) > (?, ?)
       ORDER BY last_post_ms, id LIMIT ${PAGE}`,
    );
    return timeRange<Conversation>(page, fromIso, toIso);
  }

  /** Conversations that arrived in [from, to), oldest first, a page at a time. */
  createdBetween(fromIso: string, toIso: string): AsyncIterable<Conversation> {
    const page = this.statement(
      `SELECT created_ms AS ms, id, body FROM conversations
       WHERE created_ms < ? AND (created_ms, id) > (?, ?)
       ORDER BY created_ms, id LIMIT ${PAGE}`,
    );
    return timeRange<Conversation>(page, fromIso, toIso);
  }

  /** Heads of the conversations that arrived in [from, to), a page at a time, from the columns. */
  headsCreatedBetween(fromIso: string, toIso: string): AsyncIterable<ConversationHead[]> {
    return tupleRange(this.column(headsSql('created_ms')), fromIso, toIso, headOfRow);
  }

  /** Heads of the conversations whose last post is in [from, to), a page at a time. */
  headsLastPostedBetween(fromIso: string, toIso: string): AsyncIterable<ConversationHead[]> {
    return tupleRange(this.column(headsSql('last_post_ms')), fromIso, toIso, headOfRow);
  }

  async count(): Promise<number> {
    return this.column('SELECT coalesce(sum(n), 0) FROM conversation_facets').one<number>() ?? 0;
  }

  /**
   * Stores new states (inside the commit's transaction). Tags and search text are written only
   * where they changed: most triage changes leave both as they were.
   */
  put(conversations: readonly Conversation[]): void {
    for (const c of conversations) {
      const previous = this.getNow(c.id);
      // Only the body when no filtered or sorted column moved: no index is touched.
      const rowid =
        previous != null && sameColumns(previous, c)
          ? (this.setBody.get(JSON.stringify(c), c.id) as { rowid: number }).rowid
          : this.upsert.one<number>(
              c.id,
              c.platform,
              c.accountId,
              c.status,
              c.assignee,
              c.language,
              PRIORITY_RANK[c.priority],
              c.reach,
              Date.parse(c.lastPostAt),
              Date.parse(c.createdAt),
              JSON.stringify(c),
            )!;
      const before = new Set(previous?.tags ?? []);
      const after = new Set(c.tags);
      for (const tag of before) if (!after.has(tag)) this.dropTag.run(rowid, tag);
      for (const tag of after) if (!before.has(tag)) this.addTag.run(rowid, tag);
      const text = searchText(c);
      if (previous == null) this.addText.run(rowid, text);
      else if (searchText(previous) !== text) this.setText.run(text, rowid);
    }
  }

  /** Removes conversations (inside the commit's transaction); their tags go with them. */
  remove(ids: readonly string[]): void {
    for (const id of new Set(ids)) this.removeRow.run(id);
  }

  /** One prepared statement per SQL text (the queue's filter mix is small). */
  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private column(sql: string): Column {
    let column = this.columns.get(sql);
    if (!column) {
      column = new Column(this.db, sql);
      this.columns.set(sql, column);
    }
    return column;
  }
}

/** A page of heads by one of the two times (each has its index), as one JSON array. */
function headsSql(time: 'created_ms' | 'last_post_ms'): string {
  return `SELECT json_group_array(json_array(ms, id, platform, language, created_ms, last_post_ms))
          FROM (SELECT ${time} AS ms, id, platform, language, created_ms, last_post_ms
                FROM conversations WHERE ${time} < ? AND (${time}, id) > (?, ?)
                ORDER BY ${time}, id LIMIT ${PAGE})`;
}

function headOfRow(tuple: unknown[]): ConversationHead {
  const [, id, platform, language, created, last] = tuple as [
    number,
    string,
    Conversation['platform'],
    string | null,
    number,
    number,
  ];
  return { id, platform, language, createdMs: created, lastPostMs: last };
}

/** Whether two states of a conversation have the same filtered and sorted columns. */
function sameColumns(a: Conversation, b: Conversation): boolean {
  return (
    a.platform === b.platform &&
    a.accountId === b.accountId &&
    a.status === b.status &&
    a.assignee === b.assignee &&
    a.language === b.language &&
    a.priority === b.priority &&
    a.reach === b.reach &&
    a.lastPostAt === b.lastPostAt &&
    a.createdAt === b.createdAt
  );
}
