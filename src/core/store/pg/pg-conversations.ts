import type { Conversation, ConversationPage } from '../../../shared';
import type { ConversationHead, ConversationQuery, ConversationRepository } from '../port';
import { TOTAL_CAP, listSql, pageOf, pageTextOf } from '../sql/conversation-sql';
import type { ListTuning } from '../sql/conversation-sql';
import { numberOf, numbered, prepared } from './pg-client';
import type { Queryable } from './pg-client';
import { KnownRows } from './pg-known';
import { PgListPlans, QUEUE_SIZE } from './pg-list-plan';
import { PG_PAGE, pgRange } from './pg-range';

/** The queue as it is read: by id, by list, by time for the reports (writes: PgConversationWrites). */
export class PgConversations implements ConversationRepository {
  /** How lists choose their plan; tests set it to walk every plan on small data. */
  tuning: ListTuning = { setBelow: null, totalCap: TOTAL_CAP };

  /** How its lists are planned, from counts kept a while. */
  private readonly plans: PgListPlans;

  /** The rows its lists and reads by id answered last, for the changes made from them. */
  readonly known = new KnownRows();

  constructor(private readonly db: Queryable) {
    this.plans = new PgListPlans(db);
  }

  /**
   * Where a conversation is read by its id (what a change reads before it commits): the store
   * gives it the writes' connections, so a change never waits for one behind the team's lists.
   */
  byId: Queryable | null = null;

  async get(id: string): Promise<Conversation | undefined> {
    const { rows } = await (this.byId ?? this.db).query<{ rowid: number; body: string }>(
      prepared('SELECT rowid, body FROM conversations WHERE id = $1', [id]),
    );
    const row = rows[0];
    if (!row) return undefined;
    this.known.set(id, row);
    return JSON.parse(row.body) as Conversation;
  }

  async getMany(ids: readonly string[]): Promise<Conversation[]> {
    if (ids.length === 0) return [];
    return this.bodies('SELECT body FROM conversations WHERE id = ANY($1)', [[...new Set(ids)]]);
  }

  async list(query: ConversationQuery): Promise<ConversationPage> {
    const { list, texts, total } = await this.page(query);
    return pageOf(
      list,
      texts.map((text) => JSON.parse(text) as Conversation),
      total,
    );
  }

  /**
   * The page as the JSON text a host answers with, made of the stored texts as they are: each was
   * written from the conversation's schema (`bodyOf`), so none is parsed, checked and written
   * again here, on the event loop the team's changes wait for.
   */
  async listJson(query: ConversationQuery): Promise<string> {
    const { list, texts, total } = await this.page(query);
    return pageTextOf(list, texts, total);
  }

  /** A list's rows as stored texts (each kept as known), and its total. */
  private async page(query: ConversationQuery) {
    const { plan, dialect } = await this.plans.choose(query, this.tuning);
    const list = listSql(query, plan, dialect);
    const [rows, total] = await Promise.all([
      this.db.query<[string, number, string]>({
        text: numbered(list.page.sql),
        values: list.page.params,
        rowMode: 'array',
      }),
      numberOf(this.db, numbered(list.count.sql), list.count.params),
    ]);
    this.known.keepPage(rows.rows);
    return { list, texts: rows.rows.map((row) => row[0]), total };
  }

  async idsWithTag(tag: string): Promise<string[]> {
    return this.ids(
      `SELECT c.id FROM conversation_tags t JOIN conversations c ON c.rowid = t.conversation
       WHERE t.tag = $1`,
      [tag],
    );
  }

  async idsOfAccount(accountId: string): Promise<string[]> {
    return this.ids('SELECT id FROM conversations WHERE account_id = $1', [accountId]);
  }

  async idsAssignedTo(agentId: string): Promise<string[]> {
    return this.ids('SELECT id FROM conversations WHERE assignee = $1', [agentId]);
  }

  async tagCounts(): Promise<Map<string, number>> {
    const { rows } = await this.db.query<{ tag: string; n: number }>(
      'SELECT tag, count(*) AS n FROM conversation_tags GROUP BY tag',
    );
    return new Map(rows.map((r) => [r.tag, r.n]));
  }

  async *lastPostedBetween(fromIso: string, toIso: string): AsyncIterable<Conversation> {
    const pages = pgRange<{ body: string }>(
      this.db,
      `SELECT last_post_ms AS ms, id, body FROM conversations
       WHERE last_post_ms < $1 AND (last_post_ms, id) > ($2, $3)
       ORDER BY last_post_ms, id LIMIT ${PG_PAGE}`,
      fromIso,
      toIso,
    );
    for await (const page of pages) for (const row of page) yield JSON.parse(row.body);
  }

  headsCreatedBetween(fromIso: string, toIso: string): AsyncIterable<ConversationHead[]> {
    return this.heads('created_ms', fromIso, toIso);
  }

  headsLastPostedBetween(fromIso: string, toIso: string): AsyncIterable<ConversationHead[]> {
    return this.heads('last_post_ms', fromIso, toIso);
  }

  private async *heads(
    time: 'created_ms' | 'last_post_ms',
    fromIso: string,
    toIso: string,
  ): AsyncIterable<ConversationHead[]> {
    type Row = Omit<ConversationHead, 'createdMs' | 'lastPostMs' | 'statement'> & {
      created_ms: number;
      last_post_ms: number;
      statement_by: string | null;
      statement_ms: number | null;
    };
    const pages = pgRange<Row>(
      this.db,
      `SELECT ${time} AS ms, id, platform, language, created_ms, last_post_ms, statement_by,
         statement_ms FROM conversations
       WHERE ${time} < $1 AND (${time}, id) > ($2, $3) ORDER BY ${time}, id LIMIT ${PG_PAGE}`,
      fromIso,
      toIso,
    );
    for await (const page of pages)
      yield page.map((r) => ({
        id: r.id,
        platform: r.platform,
        language: r.language,
        createdMs: r.created_ms,
        lastPostMs: r.last_post_ms,
        statement:
          r.statement_by == null || r.statement_ms == null
            ? null
            : { by: r.statement_by, atMs: r.statement_ms },
      }));
  }

  async count(): Promise<number> {
    return numberOf(this.db, QUEUE_SIZE);
  }

  private async bodies(sql: string, params: unknown[]): Promise<Conversation[]> {
    const { rows } = await this.db.query<{ body: string }>(sql, params);
    return rows.map((r) => JSON.parse(r.body) as Conversation);
  }

  private async ids(sql: string, params: unknown[]): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(sql, params);
    return rows.map((r) => r.id);
  }
}
