import { AuditEntrySchema } from '../../../shared';
import type { AuditCheck, AuditEntry, AuditFact } from '../../../shared';
import { ChainChecker, sealEntries } from '../../audit/audit-chain';
import type { AuditHead } from '../../audit/audit-chain';
import type { AuditRepository } from '../port';
import { PAGE } from './sqlite';
import type { Database, Statement } from './sqlite';

/**
 * The hash-chained audit trail in SQL: one row per entry (its number, time and conversation as
 * columns, the canonical text its hash was taken of, and the hash), and the head (where the chain
 * last ended) in a row of its own, written in the same transaction. The chain and its hashes are
 * the ones the files used, so a trail moved from files checks out the same.
 */
export class SqlAudit implements AuditRepository {
  private readonly insert: Statement;
  private readonly setHead: Statement;
  private readonly readHead: Statement;
  private readonly ofConv: Statement;
  private readonly range: Statement;
  private readonly pageAfter: Statement;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      'INSERT INTO audit (seq, at, conversation_id, canonical, hash) VALUES (?, ?, ?, ?, ?)',
    );
    this.setHead = db.prepare(
      `INSERT INTO audit_head (one, seq, hash) VALUES (1, ?, ?)
       ON CONFLICT (one) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`,
    );
    this.readHead = db.prepare('SELECT seq, hash FROM audit_head WHERE one = 1');
    this.ofConv = db.prepare(
      'SELECT seq, canonical, hash FROM audit WHERE conversation_id = ? ORDER BY seq',
    );
    this.range = db.prepare(
      `SELECT seq, canonical, hash FROM audit WHERE at >= ? AND at < ? AND seq > ? ORDER BY seq LIMIT ${PAGE}`,
    );
    this.pageAfter = db.prepare(
      `SELECT seq, canonical, hash FROM audit WHERE seq > ? ORDER BY seq LIMIT ${PAGE}`,
    );
  }

  /** Where the chain ends as stored (inside a transaction: as the transaction left it). */
  head(): AuditHead | null {
    return (this.readHead.get() as AuditHead | undefined) ?? null;
  }

  /** Seals and appends entries after the head (inside the commit's transaction). */
  append(facts: readonly AuditFact[], at: Date): AuditEntry[] {
    const { sealed, head } = sealEntries(this.head(), facts, at);
    const entries = sealed.map(({ entry: e, canonical }) => {
      this.insert.run(e.seq, e.at, e.conversationId, canonical, e.hash);
      return e;
    });
    if (head != null && entries.length > 0) this.setHead.run(head.seq, head.hash);
    return entries;
  }

  async ofConversation(conversationId: string): Promise<AuditEntry[]> {
    return (this.ofConv.all(conversationId) as unknown as AuditRow[]).flatMap(parsed);
  }

  async *between(fromIso: string, toIso: string): AsyncIterable<AuditEntry> {
    let after = 0;
    for (;;) {
      const rows = this.range.all(fromIso, toIso, after) as unknown as AuditRow[];
      for (const row of rows) yield* parsed(row);
      const last = rows.at(-1);
      if (last == null || rows.length < PAGE) return;
      after = last.seq;
    }
  }

  async headSeq(): Promise<number> {
    return this.head()?.seq ?? 0;
  }

  /** Checks the chain a page at a time: memory stays flat however long the trail is. */
  async verify(now: Date): Promise<AuditCheck> {
    const checker = new ChainChecker(this.head());
    let after = 0;
    for (;;) {
      const rows = this.pageAfter.all(after) as unknown as AuditRow[];
      for (const row of rows)
        if (!checker.feedCanonical(row.canonical, row.hash)) return checker.finish(now);
      const last = rows.at(-1);
      if (last == null || rows.length < PAGE) break;
      after = last.seq;
      // Other work goes on between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return checker.finish(now);
  }
}

export interface AuditRow {
  seq: number;
  canonical: string;
  hash: string;
}

/** An entry as stored, or nothing when it no longer parses (verify names it; reports skip it). */
export function parsed(row: AuditRow): AuditEntry[] {
  try {
    const entry = AuditEntrySchema.safeParse({
      ...(JSON.parse(row.canonical) as object),
      hash: row.hash,
    });
    return entry.success ? [entry.data] : [];
  } catch {
    return [];
  }
}
