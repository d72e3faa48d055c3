import { SyncGapSchema } from '../../../shared';
import type { SyncGap } from '../../../shared';
import type { GapRepository } from '../port';
import type { Database, Statement } from './sqlite';

/** Stretches of posts sync could not fetch, kept in the commit that moves past them. */
export class SqlGaps implements GapRepository {
  private readonly ofAcc: Statement;
  private readonly overlap: Statement;
  private readonly upsert: Statement;
  private readonly forgetAcc: Statement;

  constructor(db: Database) {
    this.ofAcc = db.prepare(
      'SELECT body FROM sync_gaps WHERE account_id = ? ORDER BY since_ms DESC, id DESC LIMIT ?',
    );
    this.overlap = db.prepare(
      'SELECT body FROM sync_gaps WHERE since_ms < ? AND until_ms > ? ORDER BY since_ms, id',
    );
    this.upsert = db.prepare(
      `INSERT INTO sync_gaps (id, account_id, since_ms, until_ms, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET since_ms = excluded.since_ms, until_ms = excluded.until_ms,
         body = excluded.body`,
    );
    this.forgetAcc = db.prepare('DELETE FROM sync_gaps WHERE account_id = ?');
  }

  async ofAccount(accountId: string, limit: number): Promise<SyncGap[]> {
    return parse(this.ofAcc.all(accountId, limit));
  }

  async overlapping(fromIso: string, toIso: string): Promise<SyncGap[]> {
    return parse(this.overlap.all(Date.parse(toIso), Date.parse(fromIso)));
  }

  put(gaps: readonly SyncGap[]): void {
    for (const gap of gaps)
      this.upsert.run(
        gap.id,
        gap.accountId,
        Date.parse(gap.since),
        Date.parse(gap.until),
        JSON.stringify(gap),
      );
  }

  forgetAccount(accountId: string): void {
    this.forgetAcc.run(accountId);
  }
}

function parse(rows: unknown[]): SyncGap[] {
  return (rows as { body: string }[]).map((r) => SyncGapSchema.parse(JSON.parse(r.body)));
}
