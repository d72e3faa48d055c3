import type { OutboxItem } from '../../outbox/outbox-item';
import type { LeaseRepository, OutboxClaim, OutboxClaims } from '../port';
import type { Client, Pool, Queryable } from './pg-client';

/**
 * Leases in one table: taking, renewing and taking over are one statement each, which the row's
 * lock makes atomic among replicas (two asking at once: one gets it, the other reads it is held).
 */
export class PgLeases implements LeaseRepository {
  constructor(private readonly db: Queryable) {}

  async hold(name: string, holder: string, nowMs: number, ttlMs: number): Promise<boolean> {
    const { rows } = await this.db.query(
      `INSERT INTO leases (name, holder, until_ms) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms
       WHERE leases.holder = excluded.holder OR leases.until_ms <= $4
       RETURNING holder`,
      [name, holder, nowMs + ttlMs, nowMs],
    );
    return rows.length === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
  }
}

/**
 * Claims of replies being sent: a claim is an open transaction holding its reply's row of
 * `outbox_claims` FOR UPDATE, taken with SKIP LOCKED so a reply another replica holds is skipped,
 * not waited for. The transaction ends when the send does (release) or when its replica's
 * connection does (a replica killed mid-send): the reply is then free for the others, which look
 * for it on the platform before sending it again (its state says `sending`).
 */
export class PgOutboxClaims implements OutboxClaims {
  constructor(
    private readonly pool: Pool,
    /** The storage error a failure is told as (naming the database, never its password). */
    private readonly failure: (err: unknown) => unknown,
  ) {}

  async claim(key: string): Promise<OutboxClaim | null> {
    let client: Client | null = null;
    try {
      await this.pool.query('INSERT INTO outbox_claims (key) VALUES ($1) ON CONFLICT DO NOTHING', [
        key,
      ]);
      client = await this.pool.connect();
      await client.query('BEGIN');
      const { rows } = await client.query(
        'SELECT key FROM outbox_claims WHERE key = $1 FOR UPDATE SKIP LOCKED',
        [key],
      );
      if (rows.length === 0) {
        await client.query('ROLLBACK');
        client.release();
        return null;
      }
    } catch (err) {
      client?.release(err instanceof Error ? err : true);
      throw this.failure(err);
    }
    const held = client;
    // A connection lost while the claim is held ends the claim (the server rolls it back); the
    // release then only gives the connection back.
    const lost = () => undefined;
    held.on('error', lost);
    return {
      release: async () => {
        held.off('error', lost);
        try {
          // The row goes with the claim: a later claim of the same reply makes it again.
          await held.query('DELETE FROM outbox_claims WHERE key = $1', [key]);
          await held.query('COMMIT');
          held.release();
        } catch (err) {
          held.release(err instanceof Error ? err : true);
        }
      },
    };
  }

  async open(): Promise<OutboxItem[]> {
    try {
      const { rows } = await this.pool.query<{ body: string }>(
        "SELECT body FROM outbox WHERE state IN ('pending', 'sending') ORDER BY created_at, rowid",
      );
      return rows.map((r) => JSON.parse(r.body) as OutboxItem);
    } catch (err) {
      throw this.failure(err);
    }
  }
}
