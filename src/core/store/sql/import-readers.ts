import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditEntrySchema, NoteSchema } from '../../../shared';
import type { Conversation, Note, OpeningProgress, Post } from '../../../shared';
import { AUDIT_FILE, readHead } from '../../audit/audit-files';
import { canonicalText } from '../../audit/audit-chain';
import type { AuditHead } from '../../audit/audit-chain';
import type { OutboxItem } from '../../outbox/outbox-item';
import { JOURNAL_FILE, SNAPSHOT_FILE } from './file-lines';
import { isMissing } from '../file-system';
import { WORKSPACE_FILE } from '../workspace-store';
import type { Workspace } from '../workspace-store';
import { linesOf, parsedLine, sizeOf } from './file-lines';
import type { SqliteStore } from './sqlite-store';
import { Column } from './sqlite';

export type ImportPhase = OpeningProgress['phase'];

/** How far a phase of the import is (the desktop app shows it while it opens). */
export type ImportProgress = OpeningProgress;

export type OnProgress = (progress: ImportProgress) => void;

/** What a reader took from the files: the records as the old store reads them, and lines it left out. */
export interface Read {
  count: number;
  /** Lines the old store would not read either (not JSON, not a record); kept in the files set aside. */
  skipped: number;
}

const MONTH_FILE = /^\d{4}-\d{2}\.jsonl$/;
/** Rows written between two progress reports. */
const EVERY_ITEMS = 1000;
const EVERY_BYTES = 1 << 20;

/** Reports a phase's progress now and then (and always at its start and end). */
export function reporter(
  onProgress: OnProgress | undefined,
  phase: ImportPhase,
  unit: ImportProgress['unit'],
  total?: number,
): (done: number, last?: boolean) => void {
  let reported = -Infinity;
  const every = unit === 'items' ? EVERY_ITEMS : EVERY_BYTES;
  const report = (done: number, last = false): void => {
    if (onProgress == null || (!last && done - reported < every)) return;
    reported = done;
    onProgress(total == null ? { phase, done, unit } : { phase, done, total, unit });
  };
  report(0, true);
  return report;
}

/** Lets other work run between batches (the app shows the progress meanwhile). */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value != null && typeof value === 'object' && !Array.isArray(value);

/**
 * Every conversation, as ConversationStore opens them: the snapshot, then the journal's upserts and
 * removals replayed over it (the journal streamed). They are held in memory, as that store does.
 */
export async function importConversations(
  store: SqliteStore,
  dataDir: string,
  onProgress?: OnProgress,
): Promise<Read> {
  const byId = new Map<string, Conversation>();
  try {
    const text = await readFile(join(dataDir, SNAPSHOT_FILE), 'utf8');
    for (const c of (JSON.parse(text) as { conversations: Conversation[] }).conversations)
      byId.set(c.id, c);
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
  let skipped = 0;
  for await (const line of linesOf(join(dataDir, JOURNAL_FILE))) {
    if (line.length === 0) continue;
    const record = parsedLine(line);
    if (!isRecord(record) || typeof record.id !== 'string') skipped += 1;
    else if (record.removed === true) byId.delete(record.id);
    else byId.set(record.id, record as unknown as Conversation);
  }
  const report = reporter(onProgress, 'conversations', 'items', byId.size);
  let done = 0;
  let batch: Conversation[] = [];
  for (const c of byId.values()) {
    batch.push(c);
    if (batch.length === 500) {
      store.conversations.put(batch);
      done += batch.length;
      batch = [];
      report(done);
      await breathe();
    }
  }
  store.conversations.put(batch);
  report(byId.size, true);
  return { count: byId.size, skipped };
}

/**
 * Every post, a month at a time (only that month in memory). Within a month the latest record of a
 * post wins, as PostStore reads it; a post found in two months (a record filed under another month
 * than its first) is one post, its later month's record kept.
 */
export async function importPosts(
  store: SqliteStore,
  dataDir: string,
  onProgress?: OnProgress,
): Promise<Read> {
  const dir = join(dataDir, 'posts');
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
  const months = names.filter((n) => MONTH_FILE.test(n)).sort();
  let total = 0;
  for (const name of months) total += await sizeOf(join(dir, name));
  const report = reporter(onProgress, 'posts', 'bytes', total);
  const stored = new Column(store.db, 'SELECT 1 FROM posts WHERE id = ?');
  let before = 0;
  let count = 0;
  let skipped = 0;
  for (const name of months) {
    const byId = new Map<string, Post>();
    for await (const line of linesOf(join(dir, name), (bytes) => report(before + bytes))) {
      if (line.length === 0) continue;
      const post = parsedLine(line);
      if (!isRecord(post) || typeof post.id !== 'string') skipped += 1;
      else byId.set(post.id, post as unknown as Post);
    }
    let batch: Post[] = [];
    for (const post of byId.values()) {
      if (stored.one(post.id) == null) count += 1;
      batch.push(post);
      if (batch.length === 1000) {
        store.posts.replace(batch);
        batch = [];
        await breathe();
      }
    }
    store.posts.replace(batch);
    before += await sizeOf(join(dir, name));
    report(before);
  }
  report(total, true);
  return { count, skipped };
}

/** The notes NoteStore reads (well-formed ones); a note appended twice is one note. */
export async function importNotes(
  store: SqliteStore,
  dataDir: string,
  onProgress?: OnProgress,
): Promise<Read> {
  const byId = new Map<string, Note>();
  let skipped = 0;
  for await (const line of linesOf(join(dataDir, 'notes.jsonl'))) {
    if (line.length === 0) continue;
    const note = NoteSchema.safeParse(parsedLine(line));
    if (!note.success || byId.has(note.data.id)) skipped += 1;
    else byId.set(note.data.id, note.data);
  }
  const report = reporter(onProgress, 'notes', 'items', byId.size);
  let done = 0;
  for (const note of byId.values()) {
    store.notes.add(note);
    report(++done);
    if (done % 1000 === 0) await breathe();
  }
  report(done, true);
  return { count: byId.size, skipped };
}

/** The latest version of each reply in the outbox, by idempotency key, as Outbox reads them. */
export async function importOutbox(
  store: SqliteStore,
  dataDir: string,
  onProgress?: OnProgress,
): Promise<Read> {
  const byKey = new Map<string, OutboxItem>();
  let skipped = 0;
  for await (const line of linesOf(join(dataDir, 'outbox.jsonl'))) {
    if (line.length === 0) continue;
    const item = parsedLine(line);
    if (!isRecord(item) || typeof item.key !== 'string') skipped += 1;
    else byKey.set(item.key, item as unknown as OutboxItem);
  }
  const report = reporter(onProgress, 'outbox', 'items', byKey.size);
  store.outbox.put([...byKey.values()]);
  report(byKey.size, true);
  return { count: byKey.size, skipped };
}

/** The sync cursors of `workspace.json` (the rest of that document stays with lowdb). */
export async function readCursors(dataDir: string): Promise<NonNullable<Workspace['cursors']>> {
  let text: string;
  try {
    text = await readFile(join(dataDir, WORKSPACE_FILE), 'utf8');
  } catch (err) {
    if (isMissing(err)) return {};
    throw err;
  }
  const cursors = (JSON.parse(text) as Partial<Workspace>).cursors;
  return isRecord(cursors) ? cursors : {};
}

export async function importCursors(store: SqliteStore, dataDir: string): Promise<Read> {
  let count = 0;
  for (const [accountId, streams] of Object.entries(await readCursors(dataDir))) {
    if (!isRecord(streams)) continue;
    const kept = Object.fromEntries(
      Object.entries(streams).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    store.cursors.set(accountId, kept);
    count += Object.keys(kept).length;
  }
  return { count, skipped: 0 };
}

/** The trail as imported: its rows, and the head the store goes on from. */
export interface ImportedTrail extends Read {
  head: AuditHead | null;
}

/**
 * The audit trail, streamed line by line and never held: each line is stored as it is, under its
 * line number, so the store's verify reads the very lines the files' verify read, in the same order,
 * and gives the same verdict (an edited trail stays as it is, for verify to name). A blank last line
 * (which the files' verify allows) is left out: the next entry goes there.
 */
export async function importAudit(
  store: SqliteStore,
  dataDir: string,
  onProgress?: OnProgress,
): Promise<ImportedTrail> {
  const path = join(dataDir, AUDIT_FILE);
  const size = await sizeOf(path);
  const report = reporter(onProgress, 'audit', 'bytes', size);
  const insert = store.db.prepare(
    'INSERT INTO audit (seq, at, conversation_id, canonical, hash) VALUES (?, ?, ?, ?, ?)',
  );
  let lineNo = 0;
  let blanks: string[] = [];
  let last: string | null = null;
  let nonBlank = 0;
  // An entry is kept as the canonical text its hash is taken of, beside that hash; a line that is
  // not an entry is kept as it is, with no hash, for verify to read as the files' verify did.
  const put = (no: number, line: string): void => {
    const raw = parsedLine(line);
    const at = isRecord(raw) && typeof raw.at === 'string' ? raw.at : '';
    const conversationId =
      isRecord(raw) && typeof raw.conversationId === 'string' ? raw.conversationId : null;
    const entry = AuditEntrySchema.safeParse(raw);
    if (entry.success) {
      const { hash, ...unsealed } = entry.data;
      insert.run(no, at, conversationId, canonicalText(unsealed), hash);
    } else insert.run(no, at, conversationId, line, '');
  };
  for await (const line of linesOf(path, report)) {
    lineNo += 1;
    if (line.trim() === '') {
      blanks.push(line);
      continue;
    }
    blanks.forEach((blank, i) => put(lineNo - blanks.length + i, blank));
    blanks = [];
    put(lineNo, line);
    last = line;
    nonBlank += 1;
  }
  // One blank last line is allowed and left out; more are a trail someone edited, kept as they are.
  if (blanks.length > 1) blanks.forEach((blank, i) => put(lineNo - blanks.length + 1 + i, blank));
  const rows = blanks.length > 1 ? lineNo : lineNo - blanks.length;
  const head = trailHead(await readHead(dataDir), last, nonBlank, rows);
  if (head != null)
    store.db
      .prepare('INSERT INTO audit_head (one, seq, hash) VALUES (1, ?, ?)')
      .run(head.seq, head.hash);
  report(size, true);
  return { count: rows, skipped: 0, head };
}

/**
 * Where the store goes on from. The trail's last entry, as AuditLog goes on from it; unless
 * `audit-head.json` records a later one (entries were removed from the end: verify must still say
 * so). A head written before the last entries (a crash between them and the head file) names an
 * earlier entry, which verify accepts of the files; the store keeps the later one, or its next entry
 * would take a number already used. A trail whose lines outnumber its entries (edited) goes on
 * after its last line, for the same reason.
 */
export function trailHead(
  recorded: AuditHead | null,
  lastLine: string | null,
  nonBlank: number,
  rows: number,
): AuditHead | null {
  let head: AuditHead | null = null;
  if (lastLine != null) {
    const last = AuditEntrySchema.safeParse(parsedLine(lastLine));
    head = last.success
      ? { seq: last.data.seq, hash: last.data.hash }
      : { seq: nonBlank, hash: '0'.repeat(64) };
  }
  if (recorded != null && (head == null || recorded.seq >= head.seq)) head = recorded;
  if (head != null && head.seq < rows) head = { seq: rows, hash: head.hash };
  return head;
}
