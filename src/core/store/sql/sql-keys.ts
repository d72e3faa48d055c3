import type { KeyRecord, KeyRepository } from '../port';
import type { Database, Statement } from './sqlite';

/** How long a key's record may wait for a commit to carry it before it gets a transaction of its own. */
const KEY_WRITE_BEHIND_MS = 100;

/**
 * The Idempotency-Keys. A record written waits (in memory, the newest per key) for the next
 * transaction of the store, which writes it first (`takePending`): the change a call commits carries
 * its key, so a keyed write costs one transaction, not three. A record no commit carries within a
 * moment, or one the store must make durable (`SqliteStore.durable`), is written on its own.
 */
export class SqlKeys implements KeyRepository {
  private readonly since: Statement;
  private readonly upsert: Statement;
  private readonly drop: Statement;
  private readonly one: Statement;
  private pending = new Map<string, KeyRecord>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Database) {
    this.since = db.prepare(
      'SELECT agent, key, at, method, fingerprint, state, answer FROM idempotency_keys WHERE at > ? ORDER BY at',
    );
    this.upsert = db.prepare(
      `INSERT INTO idempotency_keys (agent, key, at, method, fingerprint, state, answer)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (agent, key) DO UPDATE SET at = excluded.at, method = excluded.method,
         fingerprint = excluded.fingerprint, state = excluded.state, answer = excluded.answer`,
    );
    this.drop = db.prepare('DELETE FROM idempotency_keys WHERE at <= ?');
    this.one = db.prepare(
      'SELECT agent, key, at, method, fingerprint, state, answer FROM idempotency_keys WHERE agent = ? AND key = ?',
    );
  }

  async read(agent: string, key: string): Promise<KeyRecord | null> {
    const waiting = this.pending.get(`${agent}\u0000${key}`);
    if (waiting) return waiting;
    const row = this.one.get(agent, key) as unknown as KeyRecord | undefined;
    return row == null ? null : { ...row, at: Number(row.at) };
  }

  async live(since: number): Promise<KeyRecord[]> {
    this.writePending();
    return (this.since.all(since) as unknown as KeyRecord[]).map((r) => ({
      ...r,
      at: Number(r.at),
    }));
  }

  write(r: KeyRecord): void {
    this.pending.set(`${r.agent}\u0000${r.key}`, r);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.writePending();
      } catch {
        // Kept waiting: the next commit, or the next moment, writes them.
      }
    }, KEY_WRITE_BEHIND_MS);
    this.timer.unref();
  }

  /** Whether records wait to be written. */
  get waiting(): boolean {
    return this.pending.size > 0;
  }

  /**
   * Writes the records waiting, inside the caller's transaction; if that transaction rolls back,
   * the caller hands them back (`putBack`).
   */
  takePending(): KeyRecord[] {
    if (this.pending.size === 0) return [];
    const records = [...this.pending.values()];
    this.pending = new Map();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      for (const r of records)
        this.upsert.run(r.agent, r.key, r.at, r.method, r.fingerprint, r.state, r.answer);
    } catch (err) {
      this.putBack(records);
      throw err;
    }
    return records;
  }

  /** Records of a transaction that rolled back, waiting again (unless newer ones came since). */
  putBack(records: readonly KeyRecord[]): void {
    for (const r of records) {
      const id = `${r.agent}\u0000${r.key}`;
      if (!this.pending.has(id)) this.pending.set(id, r);
    }
  }

  /** Writes the records waiting, in a transaction of their own. */
  writePending(): void {
    if (this.pending.size === 0) return;
    this.db.exec('BEGIN IMMEDIATE');
    let records: KeyRecord[] = [];
    try {
      records = this.takePending();
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      this.putBack(records);
      throw err;
    }
  }

  /** Stops waiting to write: what waits is written by `writePending` when the store closes. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  forget(since: number): void {
    this.drop.run(since);
  }
}
