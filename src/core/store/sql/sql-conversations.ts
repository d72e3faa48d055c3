import type { Conversation, ConversationPage } from '../../../shared';
import type { ConversationHead, ConversationQuery, ConversationRepository } from '../port';
import {
  TOTAL_CAP,
  choosePlan,
  listSql,
  pageJson,
  pageOf,
  phrase,
  sameSearchText,
  searchText,
} from './conversation-sql';
import type { ListPlan, ListTuning } from './conversation-sql';
import {
  COLUMNS,
  FACET,
  FACET_BITS,
  FacetMoves,
  columnsMoved,
  sameList,
} from './conversation-columns';
import type { ListReader } from './list-reader';
import { Column, PAGE, timeRange, tupleRange } from './sqlite';
import type { Database, Statement } from './sqlite';

/**
 * The queue in SQL: one row per conversation (the columns lists filter and sort on, and the
 * conversation as JSON), its tags in their own table, its author and excerpt in a full-text index.
 */
export class SqlConversations implements ConversationRepository {
  private readonly byId: Column;
  private readonly stored: Statement;
  private readonly insert: Column;
  /** An UPDATE per set of moved columns (by bit mask of COLUMNS): few sets ever occur. */
  private readonly updates = new Map<number, Statement>();
  private readonly addFacet: Statement;
  private readonly dropFacet: Statement;
  private readonly dropTag: Statement;
  private readonly addTag: Statement;
  private readonly addText: Statement;
  private readonly setText: Statement;
  private readonly removeRow: Statement;
  private readonly statements = new Map<string, Statement>();
  private readonly columns = new Map<string, Column>();
  /** How lists choose their plan; tests set it to walk every plan on small data. */
  tuning: ListTuning = { setBelow: null, totalCap: TOTAL_CAP };

  constructor(private readonly db: Database) {
    this.byId = new Column(db, 'SELECT body FROM conversations WHERE id = ?');
    this.stored = db.prepare('SELECT rowid, body FROM conversations WHERE id = ?');
    this.stored.setReturnArrays(true);
    this.insert = new Column(
      db,
      `INSERT INTO conversations (${COLUMNS.map((c) => c.name).join(', ')}, id, body)
         VALUES (${COLUMNS.map(() => '?').join(', ')}, ?, ?)
         RETURNING rowid`,
    );
    this.addFacet = db.prepare(
      `INSERT INTO conversation_facets (${FACET}, n) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    );
    this.dropFacet = db.prepare(
      `UPDATE conversation_facets SET n = n - ?
       WHERE (${FACET}) = (?, ?, ?, ?, ?, ?)`,
    );
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

  /** Where lists run when not here: a thread of their own (`SqliteStore.listOnThread`). */
  reader: ListReader | null = null;

  async list(query: ConversationQuery): Promise<ConversationPage> {
    const page = await this.reader?.list({ query, tuning: this.tuning });
    return page ?? this.listHere(query);
  }

  async listJson(query: ConversationQuery): Promise<string> {
    const text = await this.reader?.listJson({ query, tuning: this.tuning });
    return text ?? pageJson(await this.listHere(query));
  }

  /** The page, read on this connection. */
  async listHere(query: ConversationQuery): Promise<ConversationPage> {
    const list = listSql(query, await this.plan(query));
    const rows = this.column(list.page.sql).all<string>(...list.page.params);
    const total = this.column(list.count.sql).one<number>(...list.count.params) ?? 0;
    return pageOf(
      list,
      rows.map((body) => JSON.parse(body) as Conversation),
      total,
    );
  }

  private plan(query: ConversationQuery): Promise<ListPlan> {
    return choosePlan(query, this.tuning, {
      size: () =>
        this.column('SELECT coalesce(sum(n), 0) FROM conversation_facets').one<number>() ?? 0,
      tagged: (tag) => this.column('SELECT n FROM tag_counts WHERE tag = ?').one<number>(tag) ?? 0,
      found: (q, probe) =>
        this.column(
          `SELECT count(*) FROM (SELECT rowid FROM conversation_text WHERE conversation_text MATCH ? LIMIT ${probe})`,
        ).one<number>(phrase(q)) ?? 0,
    });
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
   * Stores new states (inside the commit's transaction). A stored conversation is updated in place
   * and only in what moved: its body, and the filtered and sorted columns whose value changed. Each
   * index is rewritten only when its own columns change (assigning 500 conversations touches the
   * assignee indexes and leaves the ten others as they were). The facet counts a change moves are
   * netted over the call and written once per combination. Tags and search text are written only
   * where they changed: most triage changes leave both as they were.
   */
  put(conversations: readonly Conversation[]): void {
    const facets = new FacetMoves();
    for (const c of conversations) {
      const body = JSON.stringify(c);
      const row = this.stored.get(c.id) as [number, string] | undefined;
      if (row == null) {
        // Its count is added by the insert trigger.
        const rowid = this.insert.one<number>(
          ...COLUMNS.map((column) => column.of(c)),
          c.id,
          body,
        )!;
        for (const tag of new Set(c.tags)) this.addTag.run(rowid, tag);
        this.addText.run(rowid, searchText(c));
        continue;
      }
      const [rowid, stored] = row;
      const previous = JSON.parse(stored) as Conversation;
      const { moved, values } = columnsMoved(previous, c);
      this.update(moved).run(body, ...values, rowid);
      if ((moved & FACET_BITS) !== 0) facets.move(previous, c);
      if (!sameList(previous.tags, c.tags)) {
        const before = new Set(previous.tags);
        const after = new Set(c.tags);
        for (const tag of before) if (!after.has(tag)) this.dropTag.run(rowid, tag);
        for (const tag of after) if (!before.has(tag)) this.addTag.run(rowid, tag);
      }
      if (!sameSearchText(previous, c)) this.setText.run(searchText(c), rowid);
    }
    for (const { facet, n } of facets.netted()) {
      if (n > 0) this.addFacet.run(...facet, n);
      else if (n < 0) this.dropFacet.run(-n, ...facet);
    }
  }

  /** The UPDATE of the body and of the columns in `moved` (bits of COLUMNS), by rowid. */
  private update(moved: number): Statement {
    let statement = this.updates.get(moved);
    if (!statement) {
      const set = COLUMNS.filter((_, i) => (moved & (1 << i)) !== 0).map((c) => `, ${c.name} = ?`);
      statement = this.db.prepare(
        `UPDATE conversations SET body = ?${set.join('')} WHERE rowid = ?`,
      );
      this.updates.set(moved, statement);
    }
    return statement;
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
  return `SELECT json_group_array(json_array(ms, id, platform, language, created_ms, last_post_ms,
            statement_by, statement_ms))
          FROM (SELECT ${time} AS ms, id, platform, language, created_ms, last_post_ms,
                  statement_by, statement_ms
                FROM conversations WHERE ${time} < ? AND (${time}, id) > (?, ?)
                ORDER BY ${time}, id LIMIT ${PAGE})`;
}

function headOfRow(tuple: unknown[]): ConversationHead {
  const [, id, platform, language, created, last, by, at] = tuple as [
    number,
    string,
    Conversation['platform'],
    string | null,
    number,
    number,
    string | null,
    number | null,
  ];
  return {
    id,
    platform,
    language,
    createdMs: created,
    lastPostMs: last,
    statement: by == null || at == null ? null : { by, atMs: at },
  };
}
