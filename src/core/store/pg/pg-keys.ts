import type { KeyRecord, KeyRepository, SettingsRepository } from '../port';
import { prepared, rowsOf } from './pg-client';
import type { Queryable } from './pg-client';

/** The settings document as the last commits left it, until its file is written. */
export class PgSettings implements SettingsRepository {
  constructor(
    private readonly db: Queryable,
    /** Runs a write in the store's order of writes. */
    private readonly write: <T>(run: () => Promise<T>) => Promise<T>,
  ) {}

  async pending(): Promise<{ seq: number; text: string } | null> {
    const { rows } = await this.db.query<{ seq: number; text: string }>(
      'SELECT seq, text FROM settings_pending ORDER BY seq DESC LIMIT 1',
    );
    return rows[0] ?? null;
  }

  async settled(seq: number): Promise<void> {
    await this.write(() => this.db.query('DELETE FROM settings_pending WHERE seq <= $1', [seq]));
  }

  /** Keeps a document (inside the commit's transaction, on its connection). */
  static async put(db: Queryable, text: string): Promise<void> {
    await db.query('INSERT INTO settings_pending (text) VALUES ($1)', [text]);
  }
}

/** A key's record written: its columns, in the order of the values given. */
const INSERT_KEY =
  'INSERT INTO idempotency_keys (agent, key, at, method, fingerprint, state, answer)';
/** A record of the same agent and key already there is replaced by the one written. */
const REPLACE_KEY = `ON CONFLICT (agent, key) DO UPDATE SET at = excluded.at, method = excluded.method,
  fingerprint = excluded.fingerprint, state = excluded.state, answer = excluded.answer`;

/** A record's values, in the order of INSERT_KEY's columns, and those columns' SQL types. */
const keyValues = (r: KeyRecord) => [
  r.agent,
  r.key,
  r.at,
  r.method,
  r.fingerprint,
  r.state,
  r.answer,
];
const KEY_TYPES = ['text', 'text', 'bigint', 'text', 'text', 'text', 'text'];

/** The statement writing records (as rows of parameters when few, as arrays when many). */
function answersSql(records: readonly KeyRecord[]) {
  const { sql, values } = rowsOf(records.map(keyValues), KEY_TYPES);
  return prepared(`${INSERT_KEY} ${sql} ${REPLACE_KEY}`, values);
}

/** How many records one statement writes at most. */
const WRITE_BATCH = 500;

/**
 * The Idempotency-Keys, one row per agent and key. A call's first record (`claim`) is written in
 * its own transaction before the call runs (it waits for it), so before anything the call then
 * commits, as on the embedded store; the records written after (`write`: the answers) go
 * together. `live` reads after the writes asked for before it. Writes of one key run in the order
 * they were asked for (the writer has several connections): the last record written is the one
 * kept.
 */
export class PgKeys implements KeyRepository {
  /** The latest write asked for each agent and key, while it runs. */
  private readonly latest = new Map<string, Promise<unknown>>();
  /** Records to write with the next statement, and their writers. */
  private readonly unwritten: {
    record: KeyRecord;
    resolve: () => void;
    reject: (err: unknown) => void;
  }[] = [];
  /** Settles once the records asked for so far are written (or failed). */
  private writing: Promise<void> | null = null;

  constructor(
    private readonly db: Queryable,
    /** Runs a write (the store's `durable` waits for it). */
    private readonly write_: <T>(run: () => Promise<T>) => Promise<T>,
    /** Where a write that failed is told (the store's `durable` rejects with it). */
    private readonly failed: (err: unknown) => void,
    /** Resolves once every write asked for so far is done. */
    private readonly written: () => Promise<void>,
  ) {}

  async live(since: number): Promise<KeyRecord[]> {
    await this.written().catch(() => undefined);
    const { rows } = await this.db.query<KeyRecord>(
      `SELECT agent, key, at, method, fingerprint, state, answer FROM idempotency_keys
       WHERE at > $1 ORDER BY at, agent, key`,
      [since],
    );
    return rows;
  }

  write(r: KeyRecord): void {
    this.inOrder(r, () => this.together(r)).catch(this.failed);
  }

  /**
   * Writes a record with those asked for while the write before was on its way: one statement
   * for many (a busy hub answers many calls while one write travels), each its own otherwise.
   * A key is never in the line twice: its writes run one after the other (`inOrder`).
   */
  private together(r: KeyRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.unwritten.push({ record: r, resolve, reject });
      this.writing ??= this.writeUnwritten();
    });
  }

  private async writeUnwritten(): Promise<void> {
    while (this.unwritten.length > 0) {
      const batch = this.unwritten.splice(0, WRITE_BATCH);
      try {
        await this.db.query(answersSql(batch.map((w) => w.record)));
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.writing = null;
  }

  /** Runs a write of the record's key after the writes of that key asked for before it. */
  private inOrder<T>(r: KeyRecord, run: () => Promise<T>): Promise<T> {
    const id = `${r.agent}\u0000${r.key}`;
    const before = this.latest.get(id);
    const write = this.write_(async () => {
      if (before) await before.catch(() => undefined);
      return run();
    });
    this.latest.set(id, write);
    const done = () => {
      if (this.latest.get(id) === write) this.latest.delete(id);
    };
    write.then(done, done);
    return write;
  }

  /** Claims a key in a commit's transaction: see `CommitClaim`. */
  readonly claimsInCommit = true;

  async claim(r: KeyRecord, since: number): Promise<KeyRecord | null> {
    return this.inOrder(r, async () => {
      const { rowCount } = await this.db.query(prepared(CLAIM_SQL, claimValues(r, since)));
      return rowCount === 1 ? null : ((await this.read(r.agent, r.key)) ?? null);
    });
  }

  async read(agent: string, key: string): Promise<KeyRecord | null> {
    const { rows } = await this.db.query<KeyRecord>(
      prepared(
        `SELECT agent, key, at, method, fingerprint, state, answer FROM idempotency_keys
         WHERE agent = $1 AND key = $2`,
        [agent, key],
      ),
    );
    return rows[0] ?? null;
  }

  forget(since: number): void {
    this.write_(() => this.db.query('DELETE FROM idempotency_keys WHERE at <= $1', [since])).catch(
      this.failed,
    );
  }
}

/**
 * The statement that writes a call's record unless a record of the same agent and key written
 * after `since` is there (one row when it did), and its values. A transaction writing the same
 * key is waited for.
 */
export const CLAIM_SQL = `${INSERT_KEY} VALUES ($1, $2, $3, $4, $5, $6, $7)
  ${REPLACE_KEY} WHERE idempotency_keys.at <= $8
  RETURNING 1 AS claimed`;

/**
 * The same claim made inside a commit (schema step 13): it raises SIK01 when another process holds
 * the key, so the commit is undone whatever was sent after it, without waiting for its answer.
 */
export const COMMIT_CLAIM_SQL = 'SELECT idempotency_claim($1, $2, $3, $4, $5, $6, $7, $8)';

export const claimValues = (r: KeyRecord, since: number): unknown[] => [...keyValues(r), since];
