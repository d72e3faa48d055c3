import type { Note, Post, Sentiment } from '../../../shared';
import type { OutboxItem } from '../../outbox/outbox-item';
import type {
  CursorRepository,
  NoteRepository,
  OutboxRepository,
  PostFacts,
  PostRepository,
  SettingsRepository,
  OutboxCheck,
} from '../port';
import { Column, PAGE, inTimeOrder, timeRange } from './sqlite';
import type { Database, SqlValue, Statement } from './sqlite';

const parseAll = <T>(rows: unknown[]): T[] => rows.map((body) => JSON.parse(body as string) as T);

/** Conversations whose post facts one query reads (their ids go in as one JSON array). */
export const FACTS_BATCH = 500;

/** Posts: stored once by id, found by conversation and by date. */
export class SqlPosts implements PostRepository {
  private readonly byId: Column;
  private readonly byIds: Column;
  private readonly ofConv: Column;
  private readonly facts: Column;
  private readonly insert: Statement;
  private readonly update: Statement;
  private readonly range: Statement;
  private readonly forgetAcc: Statement;
  private readonly waiting: Column;

  constructor(db: Database) {
    this.byId = new Column(db, 'SELECT body FROM posts WHERE id = ?');
    // Many ids in one statement (a JSON array): one call however many posts a batch asks for.
    this.byIds = new Column(
      db,
      'SELECT body FROM posts WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.ofConv = new Column(
      db,
      'SELECT body FROM posts WHERE conversation_id = ? ORDER BY created_ms, id',
    );
    // From the index alone (posts_facts), and as one JSON array: a value per row crossing into
    // JavaScript costs more than SQLite's reading of the row. The index gives each conversation's
    // posts in order; factsOf checks it rather than having the aggregate sort them again.
    this.facts = new Column(
      db,
      `SELECT json_group_array(
         json_array(created_ms, id, conversation_id, outbound, sent_by, private, outside,
           sentiment, language, author_id))
       FROM posts WHERE conversation_id IN (SELECT value FROM json_each(?))`,
    );
    this.insert = db.prepare(
      `INSERT INTO posts (${COLUMNS}) VALUES (${PLACES}) ON CONFLICT (id) DO NOTHING`,
    );
    this.update = db.prepare(
      `INSERT INTO posts (${COLUMNS}) VALUES (${PLACES}) ON CONFLICT (id) DO UPDATE SET
         conversation_id = excluded.conversation_id, account_id = excluded.account_id,
         created_ms = excluded.created_ms, in_reply_to = excluded.in_reply_to,
         outbound = excluded.outbound, sent_by = excluded.sent_by, private = excluded.private,
         outside = excluded.outside, sentiment = excluded.sentiment,
         language = excluded.language, author_id = excluded.author_id, body = excluded.body`,
    );
    this.range = db.prepare(
      `SELECT created_ms AS ms, id, body FROM posts
       WHERE created_ms < ? AND (created_ms, id) > (?, ?) ORDER BY created_ms, id LIMIT ${PAGE}`,
    );
    this.forgetAcc = db.prepare('DELETE FROM posts WHERE account_id = ?');
    this.waiting = new Column(
      db,
      `SELECT id FROM posts WHERE in_reply_to = ? AND id = conversation_id`,
    );
  }

  /** Conversation roots stored before the post they answer, by that post's id. */
  async waitingFor(parentIds: readonly string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    for (const parent of new Set(parentIds)) {
      const roots = this.waiting.all<string>(parent);
      if (roots.length > 0) found.set(parent, roots);
    }
    return found;
  }

  async get(id: string): Promise<Post | undefined> {
    return this.getNow(id);
  }

  getNow(id: string): Post | undefined {
    const body = this.byId.one<string>(id);
    return body == null ? undefined : (JSON.parse(body) as Post);
  }

  async getMany(ids: readonly string[]): Promise<Post[]> {
    if (ids.length === 0) return [];
    return parseAll<Post>(this.byIds.all(JSON.stringify([...new Set(ids)])));
  }

  async ofConversation(conversationId: string): Promise<Post[]> {
    return parseAll<Post>(this.ofConv.all(conversationId));
  }

  /** What reports count of the posts of several conversations: one query per FACTS_BATCH. */
  async factsOf(conversationIds: readonly string[]): Promise<Map<string, PostFacts[]>> {
    type Row = [
      number,
      string,
      string,
      number,
      string | null,
      number,
      number,
      Sentiment | null,
      string | null,
      string,
    ];
    const byConversation = new Map<string, Row[]>();
    const ids = [...new Set(conversationIds)];
    for (let at = 0; at < ids.length; at += FACTS_BATCH) {
      const rows = JSON.parse(
        this.facts.one<string>(JSON.stringify(ids.slice(at, at + FACTS_BATCH))) ?? '[]',
      ) as Row[];
      for (const row of rows) {
        const list = byConversation.get(row[2]);
        if (list) list.push(row);
        else byConversation.set(row[2], [row]);
      }
    }
    const found = new Map<string, PostFacts[]>();
    for (const [conversationId, rows] of byConversation)
      found.set(
        conversationId,
        inTimeOrder(rows).map(
          ([createdMs, id, , outbound, sentBy, priv, outside, tone, lang, authorId]) => ({
            id,
            conversationId,
            createdMs,
            direction: outbound === 1 ? 'outbound' : 'inbound',
            sentBy,
            private: priv === 1,
            outside: outside === 1,
            sentiment: tone,
            language: lang,
            authorId,
          }),
        ),
      );
    return found;
  }

  createdBetween(fromIso: string, toIso: string): AsyncIterable<Post> {
    return timeRange<Post>(this.range, fromIso, toIso);
  }

  add(posts: readonly Post[]): void {
    for (const p of posts) this.insert.run(...row(p));
  }

  replace(posts: readonly Post[]): void {
    for (const p of posts) this.update.run(...row(p));
  }

  forgetAccount(accountId: string): void {
    this.forgetAcc.run(accountId);
  }
}

const COLUMNS =
  'id, conversation_id, account_id, created_ms, in_reply_to, outbound, sent_by, private, outside, sentiment, language, author_id, body';
const PLACES = '?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?';

function row(p: Post): SqlValue[] {
  return [
    p.id,
    p.conversationId,
    p.accountId,
    Date.parse(p.createdAt),
    p.inReplyTo ?? null,
    p.direction === 'outbound' ? 1 : 0,
    p.sentBy ?? null,
    p.private ? 1 : 0,
    p.outside ? 1 : 0,
    p.sentiment ?? null,
    p.language ?? null,
    p.author.id,
    JSON.stringify(p),
  ];
}

/** The team's internal notes, by conversation. */
export class SqlNotes implements NoteRepository {
  private readonly ofConv: Column;
  private readonly insert: Statement;

  constructor(db: Database) {
    this.ofConv = new Column(
      db,
      'SELECT body FROM notes WHERE conversation_id = ? ORDER BY created_at, rowid',
    );
    this.insert = db.prepare(
      'INSERT INTO notes (id, conversation_id, created_at, body) VALUES (?, ?, ?, ?)',
    );
  }

  async ofConversation(conversationId: string): Promise<Note[]> {
    return parseAll<Note>(this.ofConv.all(conversationId));
  }

  add(note: Note): void {
    this.insert.run(note.id, note.conversationId, note.createdAt, JSON.stringify(note));
  }
}

/** Replies on their way out: the latest state of each, by idempotency key. */
export class SqlOutbox implements OutboxRepository {
  private readonly byKey: Column;
  private readonly every: Column;
  private readonly states: Column;
  private readonly inRange: Column;
  private readonly queuedSince: Column;
  private readonly upsert: Statement;

  constructor(db: Database) {
    this.byKey = new Column(db, 'SELECT body FROM outbox WHERE key = ?');
    this.every = new Column(db, 'SELECT body FROM outbox ORDER BY created_at, rowid');
    this.states = new Column(db, 'SELECT state FROM outbox_states WHERE key = ? ORDER BY seq');
    this.inRange = new Column(
      db,
      `SELECT body FROM outbox WHERE translated = 1 AND created_at >= ? AND created_at < ?
       ORDER BY created_at, rowid`,
    );
    this.queuedSince = new Column(
      db,
      `SELECT body FROM outbox WHERE created_at >= ? AND state NOT IN ('failed', 'discarded')
       ORDER BY created_at, rowid`,
    );
    this.upsert = db.prepare(
      `INSERT INTO outbox (key, state, conversation_id, created_at, translated, body)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET state = excluded.state, translated = excluded.translated,
         body = excluded.body`,
    );
  }

  async get(key: string): Promise<OutboxItem | undefined> {
    const body = this.byKey.one<string>(key);
    return body == null ? undefined : (JSON.parse(body) as OutboxItem);
  }

  async all(): Promise<OutboxItem[]> {
    return parseAll<OutboxItem>(this.every.all());
  }

  async statesOf(key: string): Promise<OutboxItem['state'][]> {
    return this.states.all<OutboxItem['state']>(key);
  }

  async translated(fromIso: string, toIso: string): Promise<OutboxItem[]> {
    return parseAll<OutboxItem>(this.inRange.all(fromIso, toIso));
  }

  /**
   * Inside a commit, before its writes: the replies queued since `since` that are neither failed
   * nor discarded, given to `check`, which throws to refuse the commit (the one writer makes it one
   * such check at a time).
   */
  check({ since, check }: OutboxCheck): void {
    check(parseAll<OutboxItem>(this.queuedSince.all(since)));
  }

  put(items: readonly OutboxItem[]): void {
    for (const item of items)
      this.upsert.run(
        item.key,
        item.state,
        item.conversationId,
        item.createdAt,
        item.translation ? 1 : 0,
        JSON.stringify(item),
      );
  }
}

/** Where each account's sync stands, by stream; moved only in the commit that stores its posts. */
export class SqlCursors implements CursorRepository {
  private readonly one: Column;
  private readonly ofAcc: Statement;
  private readonly upsert: Statement;
  private readonly clear: Statement;
  private readonly forgetAcc: Statement;

  constructor(db: Database) {
    this.one = new Column(db, 'SELECT value FROM cursors WHERE account_id = ? AND stream = ?');
    this.ofAcc = db.prepare('SELECT stream, value FROM cursors WHERE account_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO cursors (account_id, stream, value) VALUES (?, ?, ?)
       ON CONFLICT (account_id, stream) DO UPDATE SET value = excluded.value`,
    );
    this.clear = db.prepare('DELETE FROM cursors WHERE account_id = ? AND stream = ?');
    this.forgetAcc = db.prepare('DELETE FROM cursors WHERE account_id = ?');
  }

  async get(accountId: string, stream: string): Promise<string | null> {
    return this.one.one<string>(accountId, stream) ?? null;
  }

  async ofAccount(accountId: string): Promise<Record<string, string>> {
    const rows = this.ofAcc.all(accountId) as { stream: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.stream, r.value]));
  }

  set(accountId: string, cursors: Readonly<Record<string, string | null>>): void {
    for (const [stream, value] of Object.entries(cursors)) {
      if (value == null) this.clear.run(accountId, stream);
      else this.upsert.run(accountId, stream, value);
    }
  }

  forgetAccount(accountId: string): void {
    this.forgetAcc.run(accountId);
  }
}

/** The settings document as the last commits left it, until its file is written. */
export class SqlSettings implements SettingsRepository {
  private readonly newest: Statement;
  private readonly insert: Statement;
  private readonly drop: Statement;

  constructor(db: Database) {
    this.newest = db.prepare('SELECT seq, text FROM settings_pending ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare('INSERT INTO settings_pending (text) VALUES (?)');
    this.drop = db.prepare('DELETE FROM settings_pending WHERE seq <= ?');
  }

  async pending(): Promise<{ seq: number; text: string } | null> {
    const row = this.newest.get() as { seq: number; text: string } | undefined;
    return row == null ? null : { seq: Number(row.seq), text: row.text };
  }

  async settled(seq: number): Promise<void> {
    this.drop.run(seq);
  }

  /** Keeps a document (inside the commit's transaction). */
  put(text: string): void {
    this.insert.run(text);
  }
}
