import { SyncGapSchema } from '../../../shared';
import type { Note, Post, Sentiment, SyncGap } from '../../../shared';
import type { OutboxItem } from '../../outbox/outbox-item';
import type {
  CursorRepository,
  GapRepository,
  NoteRepository,
  OutboxRepository,
  PostFacts,
  PostRepository,
  OutboxCheck,
} from '../port';
import { prepared } from './pg-client';
import type { Queryable } from './pg-client';
import { inIdOrder } from './pg-sent';
import type { SentWrites } from './pg-sent';
import { PG_PAGE, pgRange } from './pg-range';

/** The parsed bodies a fixed statement reads (prepared: see `prepared`). */
async function bodies<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  const { rows } = await db.query<{ body: string }>(prepared(sql, params));
  return rows.map((r) => JSON.parse(r.body) as T);
}

const POST_COLUMNS =
  'id, conversation_id, account_id, created_ms, in_reply_to, outbound, sent_by, private, outside, sentiment, language, author_id, body';

/** A commit's write: sent without waiting where the commit pipelines them, else awaited. */
async function write(
  db: Queryable,
  sent: SentWrites | undefined,
  sql: string,
  params: unknown[],
): Promise<void> {
  if (sent) sent.send(sql, params);
  else await db.query(prepared(sql, params));
}

/** Posts: stored once by id, found by conversation and by date. */
export class PgPosts implements PostRepository {
  constructor(
    private readonly db: Queryable,
    /** Inside a commit: where writes are sent without waiting for their answers. */
    private readonly sent?: SentWrites,
  ) {}

  async waitingFor(parentIds: readonly string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    if (parentIds.length === 0) return found;
    const { rows } = await this.db.query<{ id: string; in_reply_to: string }>(
      `SELECT id, in_reply_to FROM posts
       WHERE in_reply_to = ANY($1) AND in_reply_to IS NOT NULL AND id = conversation_id`,
      [[...new Set(parentIds)]],
    );
    for (const r of rows) {
      const list = found.get(r.in_reply_to);
      if (list) list.push(r.id);
      else found.set(r.in_reply_to, [r.id]);
    }
    return found;
  }

  async get(id: string): Promise<Post | undefined> {
    return (await bodies<Post>(this.db, 'SELECT body FROM posts WHERE id = $1', [id]))[0];
  }

  async getMany(ids: readonly string[]): Promise<Post[]> {
    if (ids.length === 0) return [];
    return bodies<Post>(this.db, 'SELECT body FROM posts WHERE id = ANY($1)', [[...new Set(ids)]]);
  }

  async ofConversation(conversationId: string): Promise<Post[]> {
    return bodies<Post>(
      this.db,
      'SELECT body FROM posts WHERE conversation_id = $1 ORDER BY created_ms, id',
      [conversationId],
    );
  }

  async factsOf(conversationIds: readonly string[]): Promise<Map<string, PostFacts[]>> {
    const found = new Map<string, PostFacts[]>();
    if (conversationIds.length === 0) return found;
    type Row = {
      created_ms: number;
      id: string;
      conversation_id: string;
      outbound: boolean;
      sent_by: string | null;
      private: boolean;
      outside: boolean;
      sentiment: Sentiment | null;
      language: string | null;
      author_id: string;
    };
    const { rows } = await this.db.query<Row>(
      `SELECT created_ms, id, conversation_id, outbound, sent_by, private, outside, sentiment,
         language, author_id FROM posts
       WHERE conversation_id = ANY($1) ORDER BY conversation_id, created_ms, id`,
      [[...new Set(conversationIds)]],
    );
    for (const r of rows) {
      const facts: PostFacts = {
        id: r.id,
        conversationId: r.conversation_id,
        createdMs: r.created_ms,
        direction: r.outbound ? 'outbound' : 'inbound',
        sentBy: r.sent_by,
        private: r.private,
        outside: r.outside,
        sentiment: r.sentiment,
        language: r.language,
        authorId: r.author_id,
      };
      const list = found.get(r.conversation_id);
      if (list) list.push(facts);
      else found.set(r.conversation_id, [facts]);
    }
    return found;
  }

  async *createdBetween(fromIso: string, toIso: string): AsyncIterable<Post> {
    const pages = pgRange<{ body: string }>(
      this.db,
      `SELECT created_ms AS ms, id, body FROM posts
       WHERE created_ms < $1 AND (created_ms, id) > ($2, $3) ORDER BY created_ms, id LIMIT ${PG_PAGE}`,
      fromIso,
      toIso,
    );
    for await (const page of pages) for (const row of page) yield JSON.parse(row.body) as Post;
  }

  async add(posts: readonly Post[]): Promise<void> {
    if (posts.length > 0)
      await write(
        this.db,
        this.sent,
        `INSERT INTO posts (${POST_COLUMNS}) SELECT * FROM ${unnested}
         ON CONFLICT (id) DO NOTHING`,
        columnsOf(posts, 'first'),
      );
  }

  async replace(posts: readonly Post[]): Promise<void> {
    if (posts.length > 0)
      await write(
        this.db,
        this.sent,
        `INSERT INTO posts (${POST_COLUMNS}) SELECT * FROM ${unnested}
         ON CONFLICT (id) DO UPDATE SET
           conversation_id = excluded.conversation_id, account_id = excluded.account_id,
           created_ms = excluded.created_ms, in_reply_to = excluded.in_reply_to,
           outbound = excluded.outbound, sent_by = excluded.sent_by, private = excluded.private,
           outside = excluded.outside, sentiment = excluded.sentiment,
           language = excluded.language, author_id = excluded.author_id, body = excluded.body`,
        columnsOf(posts, 'last'),
      );
  }

  async forgetAccount(accountId: string): Promise<void> {
    await this.db.query('DELETE FROM posts WHERE account_id = $1', [accountId]);
  }
}

/** Many posts in one statement: a column of values per parameter, in the given order. */
const unnested = `unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[],
  $6::boolean[], $7::text[], $8::boolean[], $9::boolean[], $10::text[], $11::text[], $12::text[],
  $13::text[])
  AS p (id, conversation_id, account_id, created_ms, in_reply_to, outbound, sent_by, private,
    outside, sentiment, language, author_id, body)`;

/**
 * The posts as columns, each id once: a post given twice keeps its first state when added (the
 * second is one already stored) and its last when replaced, as one statement per post would. In
 * the order of their ids, so two commits writing the same posts take their rows in one order.
 */
function columnsOf(posts: readonly Post[], keep: 'first' | 'last'): unknown[][] {
  const byId = new Map<string, Post>();
  for (const p of posts) if (keep === 'last' || !byId.has(p.id)) byId.set(p.id, p);
  const list = inIdOrder(byId.values());
  return [
    list.map((p) => p.id),
    list.map((p) => p.conversationId),
    list.map((p) => p.accountId),
    list.map((p) => Date.parse(p.createdAt)),
    list.map((p) => p.inReplyTo ?? null),
    list.map((p) => p.direction === 'outbound'),
    list.map((p) => p.sentBy ?? null),
    list.map((p) => p.private),
    list.map((p) => p.outside),
    list.map((p) => p.sentiment ?? null),
    list.map((p) => p.language ?? null),
    list.map((p) => p.author.id),
    list.map((p) => JSON.stringify(p)),
  ];
}

/** The team's internal notes, by conversation. */
export class PgNotes implements NoteRepository {
  constructor(private readonly db: Queryable) {}

  async ofConversation(conversationId: string): Promise<Note[]> {
    return bodies<Note>(
      this.db,
      'SELECT body FROM notes WHERE conversation_id = $1 ORDER BY created_at, rowid',
      [conversationId],
    );
  }

  async add(note: Note): Promise<void> {
    await this.db.query(
      'INSERT INTO notes (id, conversation_id, created_at, body) VALUES ($1, $2, $3, $4)',
      [note.id, note.conversationId, note.createdAt, JSON.stringify(note)],
    );
  }
}

/** Taken by the commits that check the replies queued lately before they queue one more. */
export const REPLIES_LOCK = 0x50_1b_0c_03;

/** Replies on their way out: the latest state of each, by idempotency key. */
export class PgOutbox implements OutboxRepository {
  constructor(
    private readonly db: Queryable,
    /** Inside a commit: where writes are sent without waiting for their answers. */
    private readonly sent?: SentWrites,
  ) {}

  async get(key: string): Promise<OutboxItem | undefined> {
    return (await bodies<OutboxItem>(this.db, 'SELECT body FROM outbox WHERE key = $1', [key]))[0];
  }

  async all(): Promise<OutboxItem[]> {
    return bodies<OutboxItem>(this.db, 'SELECT body FROM outbox ORDER BY created_at, rowid');
  }

  /**
   * Inside a commit, before its write lock: one such check at a time across the processes (an
   * advisory lock to the commit's end), reading the replies of every commit before it that are
   * neither failed nor discarded; `check` throws to refuse the commit.
   */
  async check({ since, check }: OutboxCheck): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock($1)', [REPLIES_LOCK]);
    check(
      await bodies<OutboxItem>(
        this.db,
        `SELECT body FROM outbox WHERE created_at >= $1 AND state NOT IN ('failed', 'discarded')
         ORDER BY created_at, rowid`,
        [since],
      ),
    );
  }

  async statesOf(key: string): Promise<OutboxItem['state'][]> {
    const { rows } = await this.db.query<{ state: OutboxItem['state'] }>(
      'SELECT state FROM outbox_states WHERE key = $1 ORDER BY seq',
      [key],
    );
    return rows.map((r) => r.state);
  }

  async translated(fromIso: string, toIso: string): Promise<OutboxItem[]> {
    return bodies<OutboxItem>(
      this.db,
      `SELECT body FROM outbox WHERE translated AND created_at >= $1 AND created_at < $2
       ORDER BY created_at, rowid`,
      [fromIso, toIso],
    );
  }

  async put(items: readonly OutboxItem[]): Promise<void> {
    for (const item of items)
      await write(
        this.db,
        this.sent,
        `INSERT INTO outbox (key, state, conversation_id, created_at, translated, body)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (key) DO UPDATE SET state = excluded.state,
           translated = excluded.translated, body = excluded.body`,
        [
          item.key,
          item.state,
          item.conversationId,
          item.createdAt,
          item.translation != null,
          JSON.stringify(item),
        ],
      );
  }
}

/** Where each account's sync stands, by stream; moved only in the commit that stores its posts. */
export class PgCursors implements CursorRepository {
  constructor(private readonly db: Queryable) {}

  async get(accountId: string, stream: string): Promise<string | null> {
    const { rows } = await this.db.query<{ value: string }>(
      'SELECT value FROM cursors WHERE account_id = $1 AND stream = $2',
      [accountId, stream],
    );
    return rows[0]?.value ?? null;
  }

  async ofAccount(accountId: string): Promise<Record<string, string>> {
    const { rows } = await this.db.query<{ stream: string; value: string }>(
      'SELECT stream, value FROM cursors WHERE account_id = $1',
      [accountId],
    );
    return Object.fromEntries(rows.map((r) => [r.stream, r.value]));
  }

  async set(accountId: string, cursors: Readonly<Record<string, string | null>>): Promise<void> {
    for (const [stream, value] of Object.entries(cursors)) {
      if (value == null)
        await this.db.query('DELETE FROM cursors WHERE account_id = $1 AND stream = $2', [
          accountId,
          stream,
        ]);
      else
        await this.db.query(
          `INSERT INTO cursors (account_id, stream, value) VALUES ($1, $2, $3)
           ON CONFLICT (account_id, stream) DO UPDATE SET value = excluded.value`,
          [accountId, stream, value],
        );
    }
  }

  async forgetAccount(accountId: string): Promise<void> {
    await this.db.query('DELETE FROM cursors WHERE account_id = $1', [accountId]);
  }
}

/** Stretches of posts sync could not fetch, kept in the commit that moves past them. */
export class PgGaps implements GapRepository {
  constructor(private readonly db: Queryable) {}

  async ofAccount(accountId: string, limit: number): Promise<SyncGap[]> {
    return gaps(
      this.db,
      'SELECT body FROM sync_gaps WHERE account_id = $1 ORDER BY since_ms DESC, id DESC LIMIT $2',
      [accountId, limit],
    );
  }

  async overlapping(fromIso: string, toIso: string): Promise<SyncGap[]> {
    return gaps(
      this.db,
      'SELECT body FROM sync_gaps WHERE since_ms < $1 AND until_ms > $2 ORDER BY since_ms, id',
      [Date.parse(toIso), Date.parse(fromIso)],
    );
  }

  async put(list: readonly SyncGap[]): Promise<void> {
    for (const gap of list)
      await this.db.query(
        `INSERT INTO sync_gaps (id, account_id, since_ms, until_ms, body) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET since_ms = excluded.since_ms, until_ms = excluded.until_ms,
           body = excluded.body`,
        [gap.id, gap.accountId, Date.parse(gap.since), Date.parse(gap.until), JSON.stringify(gap)],
      );
  }

  async forgetAccount(accountId: string): Promise<void> {
    await this.db.query('DELETE FROM sync_gaps WHERE account_id = $1', [accountId]);
  }
}

async function gaps(db: Queryable, sql: string, params: unknown[]): Promise<SyncGap[]> {
  return (await bodies<unknown>(db, sql, params)).map((g) => SyncGapSchema.parse(g));
}
