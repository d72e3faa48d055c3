import type { AuditEntry } from '../../../shared';
import { KeyTaken, pendingClaim } from '../commit-claim';
import { dateOf } from '../../time/clock';
import type { Clock } from '../../time/clock';
import type {
  CommitFacts,
  InboxStore,
  SettingsVersion,
  SharedSettings,
  StoreChange,
} from '../port';
import { PgAudit } from './pg-audit';
import { databaseName, openPool, pgStorageError } from './pg-client';
import type { Client, PgConnection, Pool } from './pg-client';
import { PgConversations } from './pg-conversations';
import { PgConversationWrites } from './pg-conversation-writes';
import { COMMIT_CLAIM_SQL, PgKeys, PgSettings, claimValues } from './pg-keys';
import { PgEventRelay } from './pg-events';
import { PgLeases, PgOutboxClaims } from './pg-leases';
import { PgAttempts, PgOnce, PgPresence, PgSettingsDoc } from './pg-shared';
import { migratePg } from './pg-migrations';
import { PgCursors, PgGaps, PgNotes, PgOutbox, PgPosts } from './pg-records';
import { PgTranslations } from './pg-translations';
import { SentWrites } from './pg-sent';
import { KEY_TAKEN_CODE, NOT_AS_KNOWN_CODE } from './pg-schema-one-trip';

export interface PostgresStoreOptions extends PgConnection {
  /** Where the inbox reads the time (audit entries are stamped with it). */
  clock: Clock;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

/**
 * Every commit of every process on the database takes this lock in its transaction once its rows
 * are written, then appends to the audit trail and ends: the trail is one line, as on the embedded
 * store's one writer, with no fork, and commits hold the lock only for the server's work.
 */
export const WRITE_LOCK = 0x50_1b_0c_02;

/**
 * How many changes of different conversations a process runs at once (see ChangeQueue): their
 * reads, row writes and round trips overlap, their commits take the write lock in turn. 20 agents
 * at 100,000 conversations wrote with a p95 of 123 ms at 4 and 100 ms at 12 (one hub, two cores).
 */
export const CONCURRENT_CHANGES = 12;

/**
 * Connections of the writes: the commits of the changes running at once and one more (a change
 * that runs alone, the settings'); the reads of a conversation by its id that those changes make
 * first; the records of the calls' Idempotency-Keys.
 */
const WRITER_CONNECTIONS = CONCURRENT_CHANGES + 4;

/**
 * The server engine: the inbox in a PostgreSQL database, brought to the current schema at open.
 * A commit is one transaction on one connection (its changes, then the write lock, its audit
 * entries and the new head); PostgreSQL's COMMIT returns once the transaction is durable, so a
 * commit is durable when it resolves. Reads run on the pool and see every resolved commit.
 */
export class PostgresStore implements InboxStore {
  readonly conversations: PgConversations;
  readonly posts: PgPosts;
  readonly notes: PgNotes;
  readonly outbox: PgOutbox;
  readonly cursors: PgCursors;
  readonly gaps: PgGaps;
  readonly audit: PgAudit;
  readonly settings: PgSettings;
  readonly keys: PgKeys;
  readonly translations: PgTranslations;
  readonly leases: PgLeases;
  readonly outboxClaims: PgOutboxClaims;
  readonly events: PgEventRelay;
  readonly sharedSettings: SharedSettings;
  readonly attempts: PgAttempts;
  readonly presence: PgPresence;
  readonly once: PgOnce;
  /** What the database is called in messages: host, port and name, never the password. */
  readonly name: string;
  private readonly url: string;
  private closed = false;
  /**
   * The changes of conversations run at once (ChangeQueue.runOn): each commit checks the versions
   * it was made on under its rows' locks, and is durable once it resolves.
   */
  readonly concurrentChanges = CONCURRENT_CHANGES;
  /** The writes of this process kept in one order (the settings' commits, settled settings). */
  private writes: Promise<unknown> = Promise.resolve();
  /** A key's write that failed since `durable` last said so. */
  private keyFailure: unknown = null;
  /**
   * The Idempotency-Keys' writes under way. They are not in the line of the commits: a call's
   * record is written before the call runs (its caller waits for it) and its answer after, each
   * one statement, so the team's commits never wait behind the records of other calls.
   */
  private readonly keyWrites = new Set<Promise<unknown>>();
  /**
   * The commits under way. Each is durable once it resolves, to its caller; `close` waits for them.
   */
  private readonly commits = new Set<Promise<unknown>>();
  private constructor(
    readonly pool: Pool,
    /**
     * The connections the writes run on (commits, Idempotency-Keys), apart from the pool's: a
     * change never waits for a connection behind the team's lists.
     */
    readonly writer: Pool,
    /** Where the database is and how to reach it (a report thread opens its own pool on it). */
    readonly connection: PgConnection,
    private readonly clock: Clock,
  ) {
    const url = connection.url;
    this.url = url;
    const write = <T>(run: () => Promise<T>) => this.serial(run);
    this.conversations = new PgConversations(pool);
    this.conversations.byId = writer;
    this.posts = new PgPosts(pool);
    this.notes = new PgNotes(pool);
    this.outbox = new PgOutbox(pool);
    this.cursors = new PgCursors(pool);
    this.gaps = new PgGaps(pool);
    this.audit = new PgAudit(pool);
    this.settings = new PgSettings(pool, write);
    this.keys = new PgKeys(
      writer,
      (run) => this.track(this.keyWrites, run),
      (err) => (this.keyFailure ??= err),
      () => this.settled(),
    );
    this.translations = new PgTranslations(pool);
    this.leases = new PgLeases(pool);
    this.outboxClaims = new PgOutboxClaims(pool, (err) => pgStorageError(err, url));
    this.events = new PgEventRelay(pool, connection, async (id) => {
      const conversation = await this.conversations.get(id);
      return conversation ? { type: 'conversation.changed', conversation } : null;
    });
    this.attempts = new PgAttempts(pool);
    this.presence = new PgPresence(pool, this.events.origin);
    this.once = new PgOnce(pool);
    const doc = new PgSettingsDoc(pool);
    this.sharedSettings = {
      read: () => doc.read(),
      seed: (text) => doc.seed(text),
      onChange: (listener) => this.events.onSettings(listener),
      commit: (facts, changes, edit) => {
        if (this.closed) return Promise.reject(new Error('The store is closed'));
        const out: { settings?: SettingsVersion } = {};
        return this.serial(async () => {
          const entries = await this.transaction(facts, changes, async (client) => {
            out.settings = await new PgSettingsDoc(client).edit(edit);
          });
          return { entries, settings: out.settings! };
        });
      },
    };
    this.name = databaseName(url);
  }

  /** Connects, brings the schema up to date and answers the store; failures name no password. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    let pool: Pool | null = null;
    let writer: Pool | null = null;
    try {
      pool = openPool(options, options.poolSize);
      writer = openPool(options, WRITER_CONNECTIONS, { pipeline: true });
      await migratePg(pool);
      // Where the database is, and nothing else of the options (a thread is given it).
      const connection: PgConnection = {
        url: options.url,
        ...(options.caFile != null ? { caFile: options.caFile } : {}),
      };
      return new PostgresStore(pool, writer, connection, options.clock);
    } catch (err) {
      await pool?.end().catch(() => undefined);
      await writer?.end().catch(() => undefined);
      throw pgStorageError(err, options.url);
    }
  }

  async commit(facts: CommitFacts, changes: readonly StoreChange[]): Promise<AuditEntry[]> {
    if (this.closed) throw new Error('The store is closed');
    return this.track(this.commits, () => this.transaction(facts, changes));
  }

  /** How many commits of this process are under way (asked for and not answered yet). */
  get commitsUnderWay(): number {
    return this.commits.size;
  }

  /** PostgreSQL's commits are durable once they are visible: nothing to wait for but them. */
  async visible<T>(change: () => Promise<T>): Promise<T> {
    return change();
  }

  /**
   * Resolves once every write asked for so far without waiting for it (the keys' records, the
   * settled settings) is committed, and so durable. A commit is durable once it resolves: its
   * caller waits for it, and nobody waits here for the commits of others under way.
   */
  async durable(): Promise<void> {
    await this.settled();
    const failure = this.keyFailure;
    this.keyFailure = null;
    if (failure != null) throw pgStorageError(failure, this.url);
  }

  /** Nothing to do: each write is its own committed transaction, durable once it runs. */
  durableSoon(): void {}

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writes.catch(() => undefined);
    await Promise.all(this.commits);
    await Promise.all(this.keyWrites);
    // This replica's presence goes with it (a killed one's runs out).
    await this.presence.clear().catch(() => undefined);
    await this.events.close();
    await this.pool.end();
    await this.writer.end();
  }

  /** Resolves once every write asked for so far is done (failed or not). */
  private async settled(): Promise<void> {
    await this.writes;
    await Promise.all(this.keyWrites);
  }

  /** Runs a write now (a commit, a key's record), kept in `under` until it settles. */
  private track<T>(under: Set<Promise<unknown>>, run: () => Promise<T>): Promise<T> {
    const write = run();
    const settled = write.then(
      () => undefined,
      () => undefined,
    );
    under.add(settled);
    void settled.then(() => under.delete(settled));
    return write;
  }

  /** Runs a write after every write asked for before it. */
  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.writes.then(run);
    this.writes = next.catch(() => undefined);
    return next;
  }

  /**
   * The commit's transaction. Its rows first, under their own row locks (a conversation's version
   * is checked there), with no answer awaited but those a change reads; then, sent together, the
   * write lock, the counts it moves, its entries sealed by the database after the head it finds
   * (facts given as a function are read after the changes) and COMMIT. The lock is so held for
   * the server's own work: no answer travels to this process and back while others wait for it.
   * Any failure rolls all of it back; one that PostgreSQL ended to break a deadlock is run again.
   */
  private async transaction(
    facts: CommitFacts,
    changes: readonly StoreChange[],
    /** More of the same transaction, after the changes (the settings document's). */
    more?: (client: Client) => Promise<void>,
  ): Promise<AuditEntry[]> {
    let fromKnown = true;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(facts, changes, fromKnown, more);
      } catch (err) {
        if (attempt >= COMMIT_ATTEMPTS) throw pgStorageError(err, this.url);
        // A conversation changed since this process saw it: made again from the rows as they are.
        if (hasCode(err, NOT_AS_KNOWN_CODE)) fromKnown = false;
        else if (!hasCode(err, '40P01')) throw pgStorageError(err, this.url);
      }
    }
  }

  private async attempt(
    facts: CommitFacts,
    changes: readonly StoreChange[],
    /** Whether a change may be made from a row this process knows, without reading it. */
    fromKnown: boolean,
    more?: (client: Client) => Promise<void>,
  ): Promise<AuditEntry[]> {
    const client = await this.writer.connect();
    const sent = new SentWrites(client);
    const claim = pendingClaim();
    try {
      sent.send('BEGIN');
      // The call's key first: a process holding it holds this commit here, until it ends; it
      // refuses the commit if it answered first (KEY_TAKEN_CODE).
      if (claim) sent.send(COMMIT_CLAIM_SQL, claimValues(claim.record, claim.since));
      for (const change of changes)
        if (change.kind === 'outbox.put' && change.unless)
          await new PgOutbox(client).check(change.unless);
      const conversations = new PgConversationWrites(
        client,
        sent,
        this.conversations.known,
        fromKnown,
      );
      for (const change of changes) await apply(client, change, sent, conversations);
      await more?.(client);
      const list = typeof facts === 'function' ? facts() : facts;
      sent.send('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      sent.sendLocked();
      const entries = new PgAudit(client).append(list, dateOf(this.clock), sent);
      // Read once COMMIT answered: a failure before it is COMMIT's.
      void entries.catch(() => undefined);
      await sent.commit();
      if (claim) claim.outcome = { state: 'claimed' };
      return await entries;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (claim && hasCode(sent.failure ?? err, KEY_TAKEN_CODE)) {
        claim.outcome = {
          state: 'taken',
          record: await this.keys.read(claim.record.agent, claim.record.key),
        };
        throw new KeyTaken();
      }
      throw sent.failure ?? err;
    } finally {
      client.release();
    }
  }
}

/**
 * How many times a commit is tried when PostgreSQL ends it to break a deadlock (40P01), or when a
 * conversation's row it was made from had changed (NOT_AS_KNOWN_CODE; it is then read again).
 */
const COMMIT_ATTEMPTS = 3;

/** Whether the database refused with this SQLSTATE. */
function hasCode(err: unknown, code: string): boolean {
  return (err as { code?: unknown } | null)?.code === code;
}

/** One change, on the commit's connection. */
function apply(
  db: Client,
  change: StoreChange,
  sent: SentWrites,
  conversations: PgConversationWrites,
): Promise<void> {
  switch (change.kind) {
    case 'conversations.put':
      return conversations.put(change.conversations, change.expect);
    case 'conversations.change':
      return conversations.change(change.id, change.version, change.change);
    case 'conversations.remove':
      return new PgConversationWrites(db).remove(change.ids);
    case 'posts.add':
      return new PgPosts(db, sent).add(change.posts);
    case 'posts.replace':
      return new PgPosts(db, sent).replace(change.posts);
    case 'posts.forget-account':
      return new PgPosts(db).forgetAccount(change.accountId);
    case 'notes.add':
      return new PgNotes(db).add(change.note);
    case 'outbox.put':
      return new PgOutbox(db, sent).put(change.items);
    case 'cursors.set':
      return new PgCursors(db).set(change.accountId, change.cursors);
    case 'cursors.forget-account':
      return new PgCursors(db).forgetAccount(change.accountId);
    case 'gaps.put':
      return new PgGaps(db).put(change.gaps);
    case 'gaps.forget-account':
      return new PgGaps(db).forgetAccount(change.accountId);
    case 'settings.put':
      return PgSettings.put(db, change.text);
    case 'translations.put':
      return new PgTranslations(db).put(change.translation);
  }
}
