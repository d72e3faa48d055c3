import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Envelope } from '../../shared';
import type { KeyRecord } from '../store/port';

/** The file in the data folder where an earlier version kept the keys. */
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
export interface JournalEntry extends Omit<KeyRecord, 'answer'> {
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

/**
 * Moves the journal file an earlier version kept (`idempotency.jsonl`) into the store: its lines
 * folded into one entry per key, given to `take`, then the file removed. A line that cannot be read
 * stands for no key. Nothing happens when there is no such file.
 */
export async function importJournalFile(
  dataDir: string,
  take: (entries: JournalEntry[]) => Promise<void>,
): Promise<void> {
  const path = join(dataDir, IDEMPOTENCY_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const records: JournalRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line) as JournalRecord);
    } catch {
      // Unreadable: no key.
    }
  }
  await take([...foldRecords(records).values()]);
  await rm(path, { force: true });
}
