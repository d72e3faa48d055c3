import type { AuditCheck, AuditEntry, AuditFact } from '../../../shared';
import { ChainChecker, sealEntries } from '../../audit/audit-chain';
import type { AuditHead } from '../../audit/audit-chain';
import type { AuditRepository } from '../port';
import { parsed } from '../sql/sql-audit';
import type { AuditRow } from '../sql/sql-audit';
import type { Queryable } from './pg-client';
import { PG_PAGE } from './pg-range';
import type { SentWrites } from './pg-sent';

/**
 * The hash-chained audit trail in PostgreSQL: the same rows as the embedded store's (number, time,
 * conversation, the canonical text its hash was taken of, the hash) and the head beside them. The
 * entries are sealed by the same chain code, so a trail hashes alike on either engine; a commit
 * appends them after taking the store's write lock, so the chain stays one line.
 */
export class PgAudit implements AuditRepository {
  constructor(private readonly db: Queryable) {}

  /** Where the chain ends as stored (on a commit's connection: as its transaction left it). */
  async head(): Promise<AuditHead | null> {
    const { rows } = await this.db.query<AuditHead>(
      'SELECT seq, hash FROM audit_head WHERE one = 1',
    );
    return rows[0] ?? null;
  }

  /**
   * Seals and appends entries after the head, inside the commit's transaction after its lock:
   * `known` is the head as the caller read it there, else it is read now. The entries and the new
   * head are one statement, sent without waiting for its answer when `sent` is given.
   */
  async append(
    facts: readonly AuditFact[],
    at: Date,
    known?: { head: AuditHead | null },
    sent?: SentWrites,
  ): Promise<AuditEntry[]> {
    const { sealed, head } = sealEntries(known ? known.head : await this.head(), facts, at);
    if (sealed.length === 0 || head == null) return [];
    const sql = `WITH entries AS (
        INSERT INTO audit (seq, at, conversation_id, canonical, hash)
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]))
      INSERT INTO audit_head (one, seq, hash) VALUES (1, $6, $7)
      ON CONFLICT (one) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`;
    const params = [
      sealed.map((s) => s.entry.seq),
      sealed.map((s) => s.entry.at),
      sealed.map((s) => s.entry.conversationId),
      sealed.map((s) => s.canonical),
      sealed.map((s) => s.entry.hash),
      head.seq,
      head.hash,
    ];
    if (sent) sent.send(sql, params);
    else await this.db.query(sql, params);
    return sealed.map((s) => s.entry);
  }

  async ofConversation(conversationId: string): Promise<AuditEntry[]> {
    const { rows } = await this.db.query<AuditRow>(
      'SELECT seq, canonical, hash FROM audit WHERE conversation_id = $1 ORDER BY seq',
      [conversationId],
    );
    return rows.flatMap(parsed);
  }

  async *between(fromIso: string, toIso: string): AsyncIterable<AuditEntry> {
    let after = 0;
    for (;;) {
      const { rows } = await this.db.query<AuditRow>(
        `SELECT seq, canonical, hash FROM audit WHERE at >= $1 AND at < $2 AND seq > $3
         ORDER BY seq LIMIT ${PG_PAGE}`,
        [fromIso, toIso, after],
      );
      for (const row of rows) yield* parsed(row);
      const last = rows.at(-1);
      if (last == null || rows.length < PG_PAGE) return;
      after = last.seq;
    }
  }

  async headSeq(): Promise<number> {
    return (await this.head())?.seq ?? 0;
  }

  /** Checks the chain a page at a time: memory stays flat however long the trail is. */
  async verify(now: Date): Promise<AuditCheck> {
    const checker = new ChainChecker(await this.head());
    let after = 0;
    for (;;) {
      const { rows } = await this.db.query<AuditRow>(
        `SELECT seq, canonical, hash FROM audit WHERE seq > $1 ORDER BY seq LIMIT ${PG_PAGE}`,
        [after],
      );
      for (const row of rows)
        if (!checker.feedCanonical(row.canonical, row.hash)) return checker.finish(now);
      const last = rows.at(-1);
      if (last == null || rows.length < PG_PAGE) break;
      after = last.seq;
    }
    return checker.finish(now);
  }
}
