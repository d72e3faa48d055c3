import type { AuditCheck } from '../../../shared';
import type { AuditHead } from '../../audit/audit-chain';

/**
 * A table both engines hold with the same columns (their schemas mirror each other), moved row for
 * row: the audit trail keeps its canonical texts and hashes, the conversations their row numbers
 * (tags and search rows point at them), notes and replies their order.
 */
export interface MovedTable {
  name: string;
  columns: readonly string[];
  /** The column PostgreSQL numbers itself (an identity): given on insert, its sequence moved after. */
  identity?: string;
  /** Run on the target before the rows are written (rows a trigger wrote from the tables before). */
  before?: string;
  /** The embedded store's key the rows are read in order of, a page at a time (default rowid). */
  key?: readonly string[];
}

/**
 * In the order they are written: conversations before their tags and search rows, replies before
 * the states their trigger records (which the moved states replace), the trail and its head last.
 * The counts kept by triggers (facets, tags) are made again by the target's own triggers.
 */
export const MOVED_TABLES: readonly MovedTable[] = [
  {
    name: 'conversations',
    columns: [
      'rowid',
      'id',
      'platform',
      'account_id',
      'status',
      'assignee',
      'language',
      'priority',
      'reach',
      'last_post_ms',
      'created_ms',
      'body',
      'statement_by',
      'statement_ms',
      'answered_outside',
      'sentiment',
    ],
    identity: 'rowid',
  },
  { name: 'conversation_tags', columns: ['conversation', 'tag'], key: ['tag', 'conversation'] },
  { name: 'conversation_search', columns: ['rowid', 'text'] },
  {
    name: 'posts',
    columns: [
      'id',
      'conversation_id',
      'account_id',
      'created_ms',
      'in_reply_to',
      'outbound',
      'sent_by',
      'private',
      'outside',
      'body',
      'sentiment',
      'language',
      'author_id',
    ],
  },
  {
    name: 'post_translations',
    columns: ['post_id', 'target', 'body'],
    key: ['post_id', 'target'],
  },
  {
    name: 'notes',
    columns: ['rowid', 'id', 'conversation_id', 'created_at', 'body'],
    identity: 'rowid',
  },
  {
    name: 'outbox',
    columns: ['rowid', 'key', 'state', 'conversation_id', 'created_at', 'body', 'translated'],
    identity: 'rowid',
  },
  {
    name: 'outbox_states',
    columns: ['seq', 'key', 'state', 'at'],
    identity: 'seq',
    before: 'DELETE FROM outbox_states',
  },
  { name: 'cursors', columns: ['account_id', 'stream', 'value'], key: ['account_id', 'stream'] },
  { name: 'sync_gaps', columns: ['id', 'account_id', 'since_ms', 'until_ms', 'body'] },
  {
    name: 'idempotency_keys',
    columns: ['agent', 'key', 'at', 'method', 'fingerprint', 'state', 'answer'],
    key: ['agent', 'key'],
  },
  { name: 'audit', columns: ['seq', 'at', 'conversation_id', 'canonical', 'hash'] },
  { name: 'audit_head', columns: ['one', 'seq', 'hash'] },
];

/** Rows written per statement. */
export const MOVE_BATCH = 500;

export type Row = unknown[];

/**
 * How far the move is: a table's rows written so far, of how many; then (into PostgreSQL) the
 * kept counts and the indexes built from the rows; then the check.
 */
export type MoveProgress =
  | { phase: 'copy'; table: string; done: number; total: number }
  | { phase: 'index' }
  | { phase: 'check' };

export type OnMoveProgress = (progress: MoveProgress) => void;

/** What a finished move says: rows per table, the audit head and the trail's verdict. */
export interface MoveResult {
  counts: Record<string, number>;
  head: AuditHead | null;
  audit: AuditCheck;
}

/**
 * A move whose copy did not match its source: nothing of it was kept (the database's transaction
 * rolled back, or the new file deleted), and the source is as it was.
 */
export class MoveCheckError extends Error {
  override readonly name = 'MoveCheckError';

  constructor(
    readonly target: string,
    readonly differences: readonly string[],
  ) {
    super(
      `The copy in ${target} did not match its source (${differences.join('; ')}): nothing was kept.`,
    );
  }
}

/** Reports a table's progress at its start, at every tenth and at its end. */
export function tableReporter(
  onProgress: OnMoveProgress | undefined,
  table: string,
  total: number,
): (done: number) => void {
  let next = 0;
  return (done) => {
    if (onProgress == null || (done < next && done < total)) return;
    onProgress({ phase: 'copy', table, done, total });
    next = done + Math.max(1, Math.ceil(total / 10));
  };
}

/** What differs between a source and its copy: counts per table, the audit head, `verify`'s verdict. */
export function differences(
  source: MoveResult,
  copy: Omit<MoveResult, 'audit'> & { audit: AuditCheck },
): string[] {
  const out: string[] = [];
  for (const table of MOVED_TABLES) {
    const a = source.counts[table.name] ?? 0;
    const b = copy.counts[table.name] ?? 0;
    if (a !== b) out.push(`${table.name}: ${a} in the source, ${b} in the copy`);
  }
  if (source.head?.seq !== copy.head?.seq || source.head?.hash !== copy.head?.hash)
    out.push(
      `audit head: ${headText(source.head)} in the source, ${headText(copy.head)} in the copy`,
    );
  if (verdictText(source.audit) !== verdictText(copy.audit))
    out.push(
      `audit verify: ${verdictText(source.audit)} of the source, ${verdictText(copy.audit)} of the copy`,
    );
  return out;
}

export const headText = (head: AuditHead | null): string =>
  head == null ? 'none' : `entry ${head.seq} (${head.hash.slice(0, 12)}…)`;

export function verdictText(check: AuditCheck): string {
  return check.intact
    ? `intact, ${check.entries} entries`
    : `broken at entry ${check.brokenAt} after ${check.entries} entries (${check.reason})`;
}

/** Values as SQLite binds them (PostgreSQL's booleans become 1 and 0, as SQLite stores them). */
export function sqliteValues(row: Row): Row {
  return row.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
}
