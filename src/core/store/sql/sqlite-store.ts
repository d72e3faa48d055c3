import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import { changedMeanwhile, noConversation } from '../conversation-refusals';
import type { AuditEntry } from '../../../shared';
import { dateOf } from '../../time/clock';
import type { Clock } from '../../time/clock';
import type { CommitFacts, InboxStore, KeyRecord, StoreChange } from '../port';
import { SCHEMA_VERSION, migrate, schemaOf } from './migrations';
import { SqlAudit } from './sql-audit';
import { SqlConversations } from './sql-conversations';
import { SqlGaps } from './sql-gaps';
import { ListReader } from './list-reader';
import { SqlKeys } from './sql-keys';
import { SqlCursors, SqlNotes, SqlOutbox, SqlPosts, SqlSettings } from './sql-records';
import { SqlTranslations } from './sql-translations';
import { DATABASE_FILE, openDatabase, sqlStorageError } from './sqlite';
import type { Database } from './sqlite';
import { storageError } from '../storage-error';
import { WalCheckpoints } from './wal-checkpoints';
import { WalSync } from './wal-sync';

export interface SqliteStoreOptions {
  /** Where the inbox reads the time (audit entries are stamped with it). */
  clock: Clock;
  /** The file, when not the data folder's `inbox.db`. */
  file?: string;
  /** Only to read (a backup being checked): not migrated, never written. */
  readOnly?: boolean;
}

/**
 * The embedded engine: one SQLite file in the data folder (`inbox.db`), opened in WAL mode and
 * brought to the current schema at open. This process is its one writer: a commit is one
 * transaction (its changes, then its audit entries and the new head), durable when it resolves.
 * The transaction is made at once, on the event loop; the wait for the disk is not (`WalSync`).
 */
export class SqliteStore implements InboxStore {
  readonly conversations: SqlConversations;
  readonly posts: SqlPosts;
  readonly notes: SqlNotes;
  readonly outbox: SqlOutbox;
  readonly cursors: SqlCursors;
  readonly gaps: SqlGaps;
  readonly audit: SqlAudit;
  readonly settings: SqlSettings;
  readonly keys: SqlKeys;
  readonly translations: SqlTranslations;
  private closed = false;
  /** Null when read-only: nothing is ever committed then. */
  private readonly walSync: WalSync | null;
  /** Checkpoints on the list thread, once it runs (see `listOnThread`). */
  private checkpoints: WalCheckpoints | null = null;
  /**
   * Set while a change runs through `visible`: its commits do not wait for the disk. Work the
   * change started and that commits after it ended waits again (the mark is closed by then).
   */
  private readonly seenFirst = new AsyncLocalStorage<{ open: boolean }>();

  private constructor(
    readonly db: Database,
    readonly folder: string,
    readonly file: string,
    private readonly clock: Clock,
    private readonly readOnly: boolean,
  ) {
    this.conversations = new SqlConversations(db);
    this.posts = new SqlPosts(db);
    this.notes = new SqlNotes(db);
    this.outbox = new SqlOutbox(db);
    this.cursors = new SqlCursors(db);
    this.gaps = new SqlGaps(db);
    this.audit = new SqlAudit(db);
    this.settings = new SqlSettings(db);
    this.keys = new SqlKeys(db);
    this.translations = new SqlTranslations(db);
    if (readOnly) this.walSync = null;
    else {
      // COMMIT no longer waits for the disk: `commit` waits for WalSync's flush instead.
      db.exec('PRAGMA synchronous = NORMAL');
      this.walSync = WalSync.open(file);
    }
  }

  static open(dataDir: string, options: SqliteStoreOptions): SqliteStore {
    const file = options.file ?? join(dataDir, DATABASE_FILE);
    let db: Database;
    try {
      db = openDatabase(file, { readOnly: options.readOnly ?? false });
      if (!options.readOnly) migrate(db);
      else if (schemaOf(db) !== SCHEMA_VERSION)
        throw new Error(
          `The store is at schema ${schemaOf(db)} and this inbox reads schema ${SCHEMA_VERSION}: open it once with this version of the inbox (or restore it into a data folder) to bring it up to date.`,
        );
    } catch (err) {
      throw sqlStorageError(err, dataDir, file);
    }
    return new SqliteStore(db, dataDir, file, options.clock, options.readOnly ?? false);
  }

  /**
   * The commit, made at once (`commitNow`), resolved once it is on the disk, or at once inside
   * `visible`.
   */
  async commit(facts: CommitFacts, changes: readonly StoreChange[]): Promise<AuditEntry[]> {
    const entries = this.commitNow(facts, changes);
    if (this.seenFirst.getStore()?.open !== true) await this.durable();
    return entries;
  }

  async visible<T>(change: () => Promise<T>): Promise<T> {
    const mark = { open: true };
    try {
      return await this.seenFirst.run(mark, change);
    } finally {
      mark.open = false;
    }
  }

  /** How many flushes of the disk the commits took so far. */
  get flushes(): number {
    return this.walSync?.flushes ?? 0;
  }

  durableSoon(): void {
    if (!this.closed) this.walSync?.durableSoon();
  }

  /** Resolves once every commit so far is on the disk; at once when closed (`close` flushed all). */
  async durable(): Promise<void> {
    if (this.closed) return;
    try {
      // Keys' records waiting for a commit to carry them get a transaction of their own.
      if (!this.readOnly) this.keys.writePending();
    } catch (err) {
      throw sqlStorageError(err, this.folder, this.file);
    }
    try {
      await this.walSync?.durable();
    } catch (err) {
      throw storageError(err, this.folder, `${this.file}-wal`);
    }
  }

  /**
   * The commit, run at once: the changes, then the entries (facts given as a function are read
   * after the changes, inside the transaction), then COMMIT. Any failure rolls all of it back.
   * When it returns, every later read sees it, and a crash of the process cannot undo it; the disk
   * has it once `commit` resolves.
   */
  commitNow(facts: CommitFacts, changes: readonly StoreChange[]): AuditEntry[] {
    if (this.closed) throw new Error('The store is closed');
    const db = this.db;
    try {
      db.exec('BEGIN IMMEDIATE');
      // The keys' records waiting go first: a call's key is in the log with its change.
      let keys: KeyRecord[] = [];
      try {
        keys = this.keys.takePending();
        for (const change of changes) this.apply(change);
        const list = typeof facts === 'function' ? facts() : facts;
        const entries = list.length > 0 ? this.audit.append(list, dateOf(this.clock)) : [];
        db.exec('COMMIT');
        this.checkpoints?.touch();
        return entries;
      } catch (err) {
        if (db.isTransaction) db.exec('ROLLBACK');
        this.keys.putBack(keys);
        throw err;
      }
    } catch (err) {
      throw sqlStorageError(err, this.folder, this.file);
    }
  }

  /**
   * Lists the queue on a thread of its own from now on (`ListReader`), with a connection that only
   * reads; `close` ends it.
   */
  listOnThread(entry?: URL, checkpointEveryMs?: number): ListReader {
    if (this.conversations.reader == null) {
      const reader = new ListReader(this.file, entry);
      this.conversations.reader = reader;
      // Once the thread runs, it makes the checkpoints too: no commit makes one on the event loop.
      if (!this.readOnly)
        void reader.ready.then(() => {
          if (reader.onThread && !this.closed)
            this.checkpoints = new WalCheckpoints(
              this.db,
              () => reader.checkpoint(),
              checkpointEveryMs,
            );
        });
    }
    return this.conversations.reader;
  }

  /** How many checkpoints the list thread made, and what the last said (null: it makes none). */
  get threadCheckpoints(): Pick<WalCheckpoints, 'made' | 'last'> | null {
    return this.checkpoints;
  }

  /**
   * Closes the store, its WAL first folded into the file: the driver closes the connection for
   * good only once its statements are collected, so the file alone is made whole now.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.checkpoints?.stop();
      await this.conversations.reader?.close();
      this.keys.stop();
      if (!this.readOnly) this.keys.writePending();
      await this.walSync?.close();
      if (!this.readOnly) this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }

  private apply(change: StoreChange): void {
    switch (change.kind) {
      case 'conversations.put':
        return this.conversations.put(change.conversations);
      case 'conversations.change': {
        const current = this.conversations.getNow(change.id);
        if (!current) throw noConversation(change.id);
        if (current.version !== change.version) throw changedMeanwhile(current);
        return this.conversations.put([change.change(current)]);
      }
      case 'conversations.remove':
        return this.conversations.remove(change.ids);
      case 'posts.add':
        return this.posts.add(change.posts);
      case 'posts.replace':
        return this.posts.replace(change.posts);
      case 'posts.forget-account':
        return this.posts.forgetAccount(change.accountId);
      case 'notes.add':
        return this.notes.add(change.note);
      case 'outbox.put':
        if (change.unless) this.outbox.check(change.unless);
        return this.outbox.put(change.items);
      case 'cursors.set':
        return this.cursors.set(change.accountId, change.cursors);
      case 'cursors.forget-account':
        return this.cursors.forgetAccount(change.accountId);
      case 'gaps.put':
        return this.gaps.put(change.gaps);
      case 'gaps.forget-account':
        return this.gaps.forgetAccount(change.accountId);
      case 'settings.put':
        return this.settings.put(change.text);
      case 'translations.put':
        return this.translations.put(change.translation);
    }
  }
}
