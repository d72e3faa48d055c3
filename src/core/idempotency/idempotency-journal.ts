import { join } from 'node:path';
import type { Envelope } from '../../shared';
import { JsonlFile } from '../store/jsonl-file';

/** The file in the data folder. */
export const IDEMPOTENCY_FILE = 'idempotency.jsonl';

/**
 * One line of the journal. `started` is written before a call runs, `answered` once it answered:
 * a key whose call started but never answered (the process stopped in between) is in doubt after a
 * restart. `answer` is null when it is not kept (it held a personal token, shown once).
 */
export type JournalRecord =
  | { kind: 'started'; at: number; agent: string; key: string; method: string; fingerprint: string }
  | {
      kind: 'answered';
      at: number;
      agent: string;
      key: string;
      method: string;
      fingerprint: string;
      answer: Envelope<unknown> | null;
    };

/** What the journal knows of one key once read: its last state. */
export interface JournalEntry {
  at: number;
  agent: string;
  key: string;
  method: string;
  fingerprint: string;
  state: 'answered' | 'in-doubt';
  answer: Envelope<unknown> | null;
}

export const entryId = (agent: string, key: string) => `${agent}\n${key}`;

/** The journal's lines folded into one entry per agent and key, in the order they started. */
export function foldRecords(records: Iterable<JournalRecord>): Map<string, JournalEntry> {
  const entries = new Map<string, JournalEntry>();
  for (const r of records) {
    const id = entryId(r.agent, r.key);
    const base = { at: r.at, agent: r.agent, key: r.key, method: r.method };
    if (r.kind === 'started')
      entries.set(id, { ...base, fingerprint: r.fingerprint, state: 'in-doubt', answer: null });
    else
      entries.set(id, {
        ...base,
        at: entries.get(id)?.at ?? r.at,
        fingerprint: r.fingerprint,
        state: 'answered',
        answer: r.answer,
      });
  }
  return entries;
}

/** One line standing for an entry, when the journal is rewritten. */
function recordOf(e: JournalEntry): JournalRecord {
  const base = {
    at: e.at,
    agent: e.agent,
    key: e.key,
    method: e.method,
    fingerprint: e.fingerprint,
  };
  return e.state === 'answered'
    ? { kind: 'answered', ...base, answer: e.answer }
    : { kind: 'started', ...base };
}

/**
 * The durable side of the Idempotency-Keys: `idempotency.jsonl` in the data folder, append-only,
 * each line synced before the call goes on. Opening it forgets the keys older than the time they
 * are kept and rewrites the file with the rest; while running, it is rewritten the same way once
 * most of its lines are about keys already forgotten.
 */
export class IdempotencyJournal {
  private lines: number;
  /** A rewrite under way: appends wait for it, so no line goes to the file being replaced. */
  private rewriting: Promise<void> | null = null;

  private constructor(
    private readonly file: JsonlFile<JournalRecord>,
    lines: number,
  ) {
    this.lines = lines;
  }

  /** Opens the journal and returns the entries still young enough (`at` after `since`). */
  static async open(
    dataDir: string,
    since: number,
  ): Promise<{ journal: IdempotencyJournal; entries: Map<string, JournalEntry> }> {
    const path = join(dataDir, IDEMPOTENCY_FILE);
    const { file, lines } = await JsonlFile.openLines<JournalRecord>(path);
    const records: JournalRecord[] = [];
    for (const line of lines) {
      try {
        records.push(JSON.parse(line) as JournalRecord);
      } catch {
        // A line that cannot be read stands for no key: the rewrite below drops it.
      }
    }
    const entries = foldRecords(records);
    for (const [id, entry] of entries) if (entry.at <= since) entries.delete(id);
    const journal = new IdempotencyJournal(file, lines.length);
    if (lines.length > entries.size) await journal.rewrite(() => entries.values());
    return { journal, entries };
  }

  /** Appends one line; resolves once it is on disk. */
  async append(record: JournalRecord): Promise<void> {
    await this.settled();
    this.lines += 1;
    return this.file.append(record);
  }

  /** Whether the file holds many more lines than the keys still kept: time to rewrite it. */
  wantsCompaction(kept: number): boolean {
    return this.rewriting == null && this.lines > 1000 && this.lines > 2 * kept;
  }

  /**
   * Replaces the file with one line per entry that `snapshot` gives once every line appended so
   * far is written (written aside, synced, renamed over it).
   */
  rewrite(snapshot: () => Iterable<JournalEntry>): Promise<void> {
    // Chained at once (not after an await), so an append or a close made right after waits for it.
    const run = (this.rewriting ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        await this.file.flush();
        const records = [...snapshot()].map(recordOf);
        await this.file.rewrite(records);
        this.lines = records.length;
      });
    const tracked: Promise<void> = run.finally(() => {
      if (this.rewriting === tracked) this.rewriting = null;
    });
    this.rewriting = tracked;
    return tracked;
  }

  /** Waits until no rewrite is under way (whether it worked or not). */
  private async settled(): Promise<void> {
    while (this.rewriting) await this.rewriting.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.settled();
    await this.file.close();
  }
}
