import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { idempotencyMismatch } from '../../shared';
import type { ApiMethodName, Envelope, ErrorBody } from '../../shared';
import { withCommitClaim } from '../store/commit-claim';
import type { CommitClaim } from '../store/commit-claim';
import type { InboxStore, KeyRecord } from '../store/port';
import type { Clock } from '../time/clock';
import { entryId, importJournalFile } from './idempotency-journal';
import type { JournalEntry } from './idempotency-journal';

/** How long a key is remembered, durably: a day. */
export const KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long an answer is kept in memory only (see `kept`): a quarter of an hour. */
export const SHORT_TTL_MS = 15 * 60 * 1000;
/**
 * How long a durable key stays in memory after its answer, for the retries that come at once;
 * after that a retry finds it in the store. Memory holds the last minute's calls, not a day's.
 */
export const RECENT_MS = 60 * 1000;
/** How long a retry waits for the answer of its call running in another process. */
const WAIT_FOR_OTHER_MS = 10_000;

/**
 * How a call's keys are kept. `durable`: in the journal and in memory. `memory`: in memory only, for
 * calls that change nothing on disk (presence, a report's drill-down, a rule's preview). `secret-answer`: the key is
 * durable but the answer, which holds a personal token shown once, stays in memory for a short
 * while and is never written.
 */
export type KeptAs = 'durable' | 'memory' | 'secret-answer';

export function kept(method: ApiMethodName): KeptAs {
  if (method === 'reportPresence' || method === 'drillReport' || method === 'previewRule')
    return 'memory';
  if (method === 'createAgent' || method === 'renewAgentToken') return 'secret-answer';
  return 'durable';
}

/**
 * Calls that change nothing outside the store before their first commit: their key's record is in
 * the store's log before their change, so the commit's flush makes both durable and the call need
 * not wait for the disk before it runs. Every other call (one that reaches a platform, a sign-in)
 * waits for its key to be on the disk first.
 */
const CHANGES_ONLY_THE_STORE: ReadonlySet<ApiMethodName> = new Set<ApiMethodName>([
  'updateConversation',
  'updateConversations',
  'addNote',
  'sendReply',
  'retryReply',
  'discardReply',
  'saveRule',
  'deleteRule',
  'moveRule',
  'saveSavedReply',
  'deleteSavedReply',
  'saveTag',
  'renameTag',
  'deleteTag',
  'saveView',
  'deleteView',
  'createAgent',
  'updateAgent',
  'renewAgentToken',
  'removeAgent',
]);

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

/** The store's side the guard keeps its keys in. */
export type KeyStore = Pick<InboxStore, 'keys' | 'durable' | 'durableSoon'>;

/** What a key's record in the store answers a retry of `call` (its fingerprint given). */
function answerOfRecord(record: KeyRecord, method: string, fingerprint: string): Answer {
  if (record.fingerprint !== fingerprint || record.method !== method)
    return failure(idempotencyMismatch());
  if (record.state === 'in-doubt') return failure(IN_DOUBT);
  return record.answer == null ? failure(ANSWER_NOT_KEPT) : (JSON.parse(record.answer) as Answer);
}

const recordOf = (e: JournalEntry): KeyRecord => ({
  ...e,
  answer: e.answer == null ? null : JSON.stringify(e.answer),
});

/**
 * Runs each keyed call once per agent and key. A retry with the same key gets the first answer (an
 * error included) and changes nothing; the same key for another call or input is refused; a retry
 * arriving while the first call runs waits for its answer. Keys are kept a day in the store, so a
 * retry after a restart is recognised, and in memory while their call runs and for a minute after
 * (`RECENT_MS`; a quarter of an hour for those kept in memory only); a call that started but never
 * answered before a stop is answered as in doubt rather than run again.
 */
export class IdempotencyGuard {
  private lastSweep: number;

  private constructor(
    private readonly store: KeyStore,
    private readonly entries: Map<string, Entry>,
    private readonly clock: Clock,
  ) {
    this.lastSweep = clock.now();
  }

  /**
   * Opens the keys kept in the store, forgetting those older than a day. A data folder that still
   * has the journal file of an earlier version has its keys moved into the store first. The keys
   * are read from the store when a call comes, not loaded here.
   */
  static async open(store: KeyStore, clock: Clock, dataDir?: string): Promise<IdempotencyGuard> {
    const since = clock.now() - KEY_TTL_MS;
    if (dataDir != null)
      await importJournalFile(dataDir, async (entries) => {
        for (const entry of entries) if (entry.at > since) store.keys.write(recordOf(entry));
        await store.durable();
      });
    store.keys.forget(since);
    return new IdempotencyGuard(store, new Map(), clock);
  }

  /** How many keys are held in memory now. */
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
    // Not in memory: a retry after a minute, or after a restart, is answered from the store.
    // (Where processes share the keys, `claim` finds it instead.)
    if (keptAs !== 'memory' && !this.store.keys.claim) {
      let record: KeyRecord | null;
      try {
        record = await this.store.keys.read(call.agentId, call.key);
      } catch {
        return failure(NOT_RECORDED);
      }
      // A call with the same key started meanwhile: this one is its retry, answered as above.
      if (this.entries.has(id)) return this.run(call, execute);
      if (record != null && record.at > now - KEY_TTL_MS)
        return answerOfRecord(record, call.method, fingerprint);
    }
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
    const { keys } = this.store;
    const changesOnlyTheStore = CHANGES_ONLY_THE_STORE.has(entry.method as ApiMethodName);
    if (entry.keptAs !== 'memory' && keys.claim) {
      // Several processes share the keys: the one that writes the record first runs the call,
      // the others answer what it answered.
      if (keys.claimsInCommit && changesOnlyTheStore) return this.claimedInCommit(entry, execute);
      let other: KeyRecord | null;
      try {
        other = await keys.claim(recordOf(entry), entry.at - KEY_TTL_MS);
      } catch {
        this.entries.delete(entryId(entry.agent, entry.key));
        return failure(NOT_RECORDED);
      }
      if (other) return this.theirs(entry, other);
    } else if (entry.keptAs !== 'memory') {
      try {
        this.store.keys.write(recordOf(entry));
        // A call that changes only the store has its key made durable by its own commit.
        if (!changesOnlyTheStore) await this.store.durable();
      } catch {
        this.entries.delete(entryId(entry.agent, entry.key));
        return failure(NOT_RECORDED);
      }
    }
    const answer = await this.execute(execute);
    this.answered(entry, answer);
    if (entry.keptAs !== 'memory') this.writeAnswer(entry);
    return answer;
  }

  /**
   * Runs a call that changes only the store where the store's commits claim keys: its first
   * commit writes the key's record with its change (one transaction), or is refused when another
   * process holds the key, whose answer is then this one's. A call that committed nothing claims
   * its key with its answer once it has one.
   */
  private async claimedInCommit(entry: Entry, execute: () => Promise<Answer>): Promise<Answer> {
    const claim: CommitClaim = {
      record: recordOf(entry),
      since: entry.at - KEY_TTL_MS,
      outcome: { state: 'pending' },
    };
    const answer = await withCommitClaim(claim, () => this.execute(execute));
    const outcome = claim.outcome;
    // Work the call left behind (a timer it set) commits without it.
    claim.outcome = { state: 'closed' };
    if (outcome.state === 'taken') return this.theirs(entry, outcome.record);
    this.answered(entry, answer);
    if (outcome.state === 'pending') {
      let other: KeyRecord | null;
      try {
        other = await this.store.keys.claim!(this.answerRecord(entry), claim.since);
      } catch {
        // As a lost record: in doubt after a restart (it changed nothing).
        return answer;
      }
      if (other) return this.theirs(entry, other);
    } else this.writeAnswer(entry);
    return answer;
  }

  /** The call's answer; one that throws is answered as an internal error. */
  private execute(execute: () => Promise<Answer>): Promise<Answer> {
    return Promise.resolve()
      .then(execute)
      .catch((): Answer => failure({ code: 'internal', message: 'Internal error' }));
  }

  private answered(entry: Entry, answer: Answer): void {
    entry.state = 'answered';
    entry.answer = answer;
    entry.running = null;
  }

  /** The record of an answered call: its answer kept unless it holds a secret. */
  private answerRecord(entry: Entry): KeyRecord {
    return recordOf({ ...entry, answer: entry.keptAs === 'durable' ? entry.answer : null });
  }

  /**
   * The call is done whatever happens to this record, so its answer does not wait for the disk:
   * a retry before a stop finds the answer in memory, and if a power cut loses the record, a
   * retry after the restart is answered as in doubt, never run again. The record rides on the next
   * commit's flush (or one made within a second); closing the store flushes it.
   */
  private writeAnswer(entry: Entry): void {
    try {
      this.store.keys.write(this.answerRecord(entry));
      this.store.durableSoon();
    } catch {
      // As a lost record: in doubt after a restart.
    }
  }

  /**
   * The answer to a call another process ran (or runs) with this key: the same call's answer once
   * it has one (waiting for it a while), a mismatch when the call differs, in doubt when it never
   * answered. Remembered here as it is there.
   */
  private async theirs(entry: Entry, other: KeyRecord | null): Promise<Answer> {
    let record: KeyRecord | null = other;
    for (let waited = 0; record?.state === 'in-doubt' && waited < WAIT_FOR_OTHER_MS; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      record = (await this.store.keys.read(entry.agent, entry.key).catch(() => record)) ?? null;
    }
    const answer =
      record == null ? failure(IN_DOUBT) : answerOfRecord(record, entry.method, entry.fingerprint);
    const same = record?.fingerprint === entry.fingerprint && record.method === entry.method;
    if (record?.state === 'answered' && same) {
      entry.state = 'answered';
      entry.answer = answer;
    } else this.entries.delete(entryId(entry.agent, entry.key));
    entry.running = null;
    return answer;
  }

  private expired(entry: Entry, now: number): boolean {
    if (entry.running) return false;
    return now - entry.at > (entry.keptAs === 'memory' ? SHORT_TTL_MS : KEY_TTL_MS);
  }

  /** Whether an entry no longer needs to be in memory: its record in the store answers for it. */
  private inStoreOnly(entry: Entry, now: number): boolean {
    if (entry.running) return false;
    if (entry.keptAs === 'durable') return now - entry.at > RECENT_MS;
    // A secret answer is forgotten after a short while: the record (without it) answers then. A
    // key kept in memory only is then forgotten.
    return now - entry.at > SHORT_TTL_MS;
  }

  /**
   * Lets go of the keys memory no longer needs (at most once a minute) and forgets expired keys in
   * the store.
   */
  private sweep(now: number): void {
    if (now - this.lastSweep < RECENT_MS) return;
    this.lastSweep = now;
    for (const [id, entry] of this.entries)
      if (this.expired(entry, now) || this.inStoreOnly(entry, now)) this.entries.delete(id);
    try {
      this.store.keys.forget(now - KEY_TTL_MS);
    } catch {
      // Forgotten at the next sweep.
    }
  }

  /** Waits for the answers' records to be on the disk. The store is closed by its owner. */
  async close(): Promise<void> {
    await this.store.durable();
  }
}
