import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { idempotencyMismatch } from '../../shared';
import type { ApiMethodName, Envelope, ErrorBody } from '../../shared';
import type { Clock } from '../time/clock';
import { IdempotencyJournal, entryId } from './idempotency-journal';
import type { JournalEntry, JournalRecord } from './idempotency-journal';

/** How long a key is remembered, durably: a day. */
export const KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long an answer is kept in memory only (see `kept`): a quarter of an hour. */
export const SHORT_TTL_MS = 15 * 60 * 1000;

/**
 * How a call's keys are kept. `durable`: in the journal and in memory. `memory`: in memory only, for
 * calls that change nothing on disk (presence, a report's drill-down). `secret-answer`: the key is
 * durable but the answer, which holds a personal token shown once, stays in memory for a short
 * while and is never written.
 */
export type KeptAs = 'durable' | 'memory' | 'secret-answer';

export function kept(method: ApiMethodName): KeptAs {
  if (method === 'reportPresence' || method === 'drillReport') return 'memory';
  if (method === 'createAgent' || method === 'renewAgentToken') return 'secret-answer';
  return 'durable';
}

/** One call made with a key: who made it, which key, which call and with what input. */
export interface KeyedCall {
  agentId: string;
  key: string;
  method: ApiMethodName;
  /** The validated input: two requests are the same when their inputs are (key order aside). */
  input: unknown;
}

type Answer = Envelope<unknown>;

interface Entry extends JournalEntry {
  keptAs: KeptAs;
  /** The first call's answer while it runs. */
  running: Promise<Answer> | null;
}

const failure = (error: ErrorBody): Answer => ({ ok: false, error });

const IN_DOUBT: ErrorBody = {
  code: 'conflict',
  message:
    'This action was interrupted before it answered (the inbox stopped): check whether it was done, then do it again',
};
const ANSWER_NOT_KEPT: ErrorBody = {
  code: 'conflict',
  message:
    'This action was already done; its answer held a personal token, shown only once: renew the token to get a new one',
};
const NOT_RECORDED: ErrorBody = {
  code: 'unavailable',
  message: 'The inbox cannot record this action to recognise its retries; nothing was done',
};

/** The same call with the same input gives the same fingerprint, wherever the keys of the input. */
export function fingerprintOf(method: ApiMethodName, input: unknown): string {
  return createHash('sha256')
    .update(`${method}\n${canonicalize(input ?? null) ?? 'null'}`)
    .digest('hex');
}

/**
 * Runs each keyed call once per agent and key. A retry with the same key gets the first answer (an
 * error included) and changes nothing; the same key for another call or input is refused; a retry
 * arriving while the first call runs waits for its answer. Keys are kept a day, in memory and in
 * the journal, so a retry after a restart is recognised; a call that started but never answered
 * before a stop is answered as in doubt rather than run again.
 */
export class IdempotencyGuard {
  private lastSweep: number;
  /** Answers being written (and the rewrite they may start): closing waits for them. */
  private readonly writing = new Set<Promise<void>>();

  private constructor(
    private readonly journal: IdempotencyJournal,
    private readonly entries: Map<string, Entry>,
    private readonly clock: Clock,
  ) {
    this.lastSweep = clock.now();
  }

  /** Opens the journal in the data folder, forgetting keys older than a day. */
  static async open(dataDir: string, clock: Clock): Promise<IdempotencyGuard> {
    const { journal, entries } = await IdempotencyJournal.open(dataDir, clock.now() - KEY_TTL_MS);
    const live = new Map<string, Entry>();
    for (const [id, entry] of entries)
      live.set(id, { ...entry, keptAs: kept(entry.method as ApiMethodName), running: null });
    return new IdempotencyGuard(journal, live, clock);
  }

  /** How many keys are remembered now. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The answer to a keyed call: the remembered one, or `execute`'s (which must not throw: it answers
   * errors as envelopes, as a host sends them).
   */
  async run(call: KeyedCall, execute: () => Promise<Answer>): Promise<Answer> {
    const now = this.clock.now();
    this.sweep(now);
    const id = entryId(call.agentId, call.key);
    const fingerprint = fingerprintOf(call.method, call.input);
    const known = this.entries.get(id);
    if (known && !this.expired(known, now)) {
      if (known.fingerprint !== fingerprint || known.method !== call.method)
        return failure(idempotencyMismatch());
      if (known.running) return known.running;
      if (known.state === 'in-doubt') return failure(IN_DOUBT);
      const answerKept = known.keptAs !== 'secret-answer' || now - known.at <= SHORT_TTL_MS;
      return (answerKept ? known.answer : null) ?? failure(ANSWER_NOT_KEPT);
    }
    const keptAs = kept(call.method);
    const entry: Entry = {
      at: now,
      agent: call.agentId,
      key: call.key,
      method: call.method,
      fingerprint,
      state: 'in-doubt',
      answer: null,
      keptAs,
      running: null,
    };
    this.entries.set(id, entry);
    const running = this.first(entry, execute);
    entry.running = running;
    return running;
  }

  /** Runs the call the first time: recorded as started, run, its answer remembered. */
  private async first(entry: Entry, execute: () => Promise<Answer>): Promise<Answer> {
    const base = {
      at: entry.at,
      agent: entry.agent,
      key: entry.key,
      method: entry.method,
      fingerprint: entry.fingerprint,
    };
    if (entry.keptAs !== 'memory') {
      try {
        await this.journal.append({ kind: 'started', ...base });
      } catch {
        this.entries.delete(entryId(entry.agent, entry.key));
        return failure(NOT_RECORDED);
      }
    }
    const answer = await Promise.resolve()
      .then(execute)
      .catch((): Answer => failure({ code: 'internal', message: 'Internal error' }));
    entry.state = 'answered';
    entry.answer = answer;
    entry.running = null;
    if (entry.keptAs !== 'memory') {
      const record: JournalRecord = {
        kind: 'answered',
        ...base,
        answer: entry.keptAs === 'durable' ? answer : null,
      };
      // The call is done whatever happens to this line, so its answer does not wait for the disk:
      // a retry before a stop finds the answer in memory, and if a stop loses the line, a retry
      // after the restart is answered as in doubt, never run again. Closing waits for the line.
      const written: Promise<void> = this.journal
        .append(record)
        .catch(() => undefined)
        .then(() => this.compactIfDue())
        .finally(() => this.writing.delete(written));
      this.writing.add(written);
    }
    return answer;
  }

  private expired(entry: Entry, now: number): boolean {
    if (entry.running) return false;
    return now - entry.at > (entry.keptAs === 'memory' ? SHORT_TTL_MS : KEY_TTL_MS);
  }

  /** Forgets expired keys (at most once a minute), and secret answers after a short while. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [id, entry] of this.entries) {
      if (this.expired(entry, now)) this.entries.delete(id);
      else if (entry.keptAs === 'secret-answer' && now - entry.at > SHORT_TTL_MS)
        entry.answer = null;
    }
  }

  private async compactIfDue(): Promise<void> {
    const durable = () => [...this.entries.values()].filter((e) => e.keptAs !== 'memory');
    if (!this.journal.wantsCompaction(durable().length)) return;
    // What the journal gets back: the keys still kept, never a secret answer.
    const snapshot = () =>
      durable()
        .filter((e) => !this.expired(e, this.clock.now()))
        .map((e) => ({ ...e, answer: e.keptAs === 'durable' ? e.answer : null }));
    await this.journal.rewrite(snapshot).catch(() => undefined);
  }

  /** Waits for the journal's last lines to be written, and closes it. */
  async close(): Promise<void> {
    while (this.writing.size > 0) await Promise.all(this.writing);
    return this.journal.close();
  }
}
