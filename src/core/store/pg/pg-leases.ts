import type { LeaseRepository } from '../port';
import type { Queryable } from './pg-client';

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
