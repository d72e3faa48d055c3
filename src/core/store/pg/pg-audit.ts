import type { AuditCheck, AuditEntry, AuditFact } from '../../../shared';
import { ChainChecker, chainPrefix, wellFormedFact } from '../../audit/audit-chain';
import type { AuditHead } from '../../audit/audit-chain';
import type { AuditRepository } from '../port';
import { parsed } from '../sql/sql-audit';
import type { AuditRow } from '../sql/sql-audit';
import { prepared } from './pg-client';
import type { Queryable } from './pg-client';
import { PG_PAGE } from './pg-range';
import type { SentWrites } from './pg-sent';

/**
 * The hash-chained audit trail in PostgreSQL: the same rows as the embedded store's (number, time,
 * conversation, the canonical text its hash was taken of, the hash) and the head beside them. The
 * entries hash alike on either engine (the same canonical text); a commit appends them after
 * taking the store's write lock, so the chain stays one line.
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
   * Appends entries after the head, sealed by the database (`audit_append`, schema step 11) once
   * the commit holds its write lock: their prefixes are made here, the head is read and the new
   * one written there, so the commit needs no answer between taking the lock and COMMIT. The
   * entries are those `sealEntries` would make from the same head, byte for byte.
   */
  append(facts: readonly AuditFact[], at: Date, sent: SentWrites): Promise<AuditEntry[]> {
    if (facts.length === 0) return Promise.resolve([]);
    const stamped = at.toISOString();
    const clean = facts.map(wellFormedFact);
    const rows = sent.ask<{ seq: number; prev: string; hash: string }>(
      'SELECT seq, prev, hash FROM audit_append($1::text[], $2, $3::text[])',
      [clean.map((f) => chainPrefix(f, stamped)), stamped, clean.map((f) => f.conversationId)],
    );
    return rows.then((sealed) =>
      clean.map((fact, i) => {
        const { seq, prev, hash } = sealed[i]!;
        return { ...fact, seq, at: stamped, prev, hash };
      }),
    );
  }

  async ofConversation(conversationId: string): Promise<AuditEntry[]> {
    const { rows } = await this.db.query<AuditRow>(
      prepared('SELECT seq, canonical, hash FROM audit WHERE conversation_id = $1 ORDER BY seq', [
        conversationId,
      ]),
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
