import type { z } from 'zod';
import type {
  AuditCheck,
  AuditEntry,
  AuditFact,
  Conversation,
  ConversationPage,
  ListConversationsInputSchema,
  Note,
  Platform,
  Post,
  PostTranslation,
  Sentiment,
  SyncGap,
} from '../../shared';
import type { OutboxItem } from '../outbox/outbox-item';
import type {
  AttemptCounter,
  EventRelay,
  LeaseRepository,
  OnceGuard,
  OutboxClaims,
  SharedPresence,
  SharedSettings,
} from './shared-port';

export type {
  LeaseRepository,
  EventRelay,
  SettingsVersion,
  SharedSettings,
  AttemptCounter,
  PresenceRow,
  SharedPresence,
  OnceGuard,
  OutboxClaim,
  OutboxClaims,
} from './shared-port';

/** A list query as the contract parsed it (`assignee: 'mine'` already made an agent id). */
export type ConversationQuery = z.output<typeof ListConversationsInputSchema>;

/**
 * A condition of the commit that queues a reply (`outbox.put`'s `unless`): the replies queued since
 * `since` (neither failed nor discarded), read inside the transaction, are given to `check`, which
 * throws to refuse the commit.
 */
export interface OutboxCheck {
  since: string;
  check: (recent: readonly OutboxItem[]) => void;
}

/**
 * One change to the store, as data: an engine applies a commit's changes in one transaction with
 * the commit's audit entries, in the order given. Data rather than callbacks, so each engine (the
 * embedded one writes synchronously, a server one asynchronously) runs them its own way.
 */
export type StoreChange =
  | {
      kind: 'conversations.put';
      conversations: readonly Conversation[];
      /**
       * The version each of these conversations (by id) was read at, for the change made on it:
       * an engine shared by several processes checks it inside the transaction, and refuses the
       * commit (`conflict`, with the conversation as it is) when another process changed it since.
       * 0: it was not stored when read (a new conversation), and another process stored it since.
       * The embedded store's one process checks it before, in its change queue.
       */
      expect?: Readonly<Record<string, number>>;
    }
  | {
      /**
       * One stored conversation changed from its state inside the commit's transaction (its row
       * locked there, so no other commit changes it meanwhile): `change` is given that state and
       * answers the next. The commit is refused (`not_found`; `conflict` with the conversation as
       * it is) when it is not stored or not at `version`, the version the change was made for.
       */
      kind: 'conversations.change';
      id: string;
      version: number;
      change: (current: Conversation) => Conversation;
    }
  | { kind: 'conversations.remove'; ids: readonly string[] }
  /** Posts not stored yet; one already stored (same id) is left as it is. */
  | { kind: 'posts.add'; posts: readonly Post[] }
  /** New states of stored posts (hidden, moved to another conversation). */
  | { kind: 'posts.replace'; posts: readonly Post[] }
  | { kind: 'posts.forget-account'; accountId: string }
  | { kind: 'notes.add'; note: Note }
  | {
      kind: 'outbox.put';
      items: readonly OutboxItem[];
      /**
       * A condition of the commit: the replies queued since `since` (neither failed nor
       * discarded), read inside the transaction once every commit before it is visible, are given
       * to `check`, which throws to refuse the commit: one such commit at a time, whichever
       * process of those sharing the engine makes it.
       */
      unless?: OutboxCheck;
    }
  /** An account's cursors by stream; null clears one. */
  | { kind: 'cursors.set'; accountId: string; cursors: Readonly<Record<string, string | null>> }
  | { kind: 'cursors.forget-account'; accountId: string }
  /** Stretches of posts sync could not fetch; one of the same id is replaced. */
  | { kind: 'gaps.put'; gaps: readonly SyncGap[] }
  | { kind: 'gaps.forget-account'; accountId: string }
  /**
   * The settings document as this commit leaves it (its JSON text), kept until its own file is
   * written (`SettingsRepository.settled`): the commit is the moment the settings change too.
   */
  | { kind: 'settings.put'; text: string }
  /** A post's translation into one language, kept so it is asked of the service once. */
  | { kind: 'translations.put'; translation: PostTranslation };

/** What a commit records: its facts, or a function giving them inside the transaction. */
export type CommitFacts = readonly AuditFact[] | (() => readonly AuditFact[]);

/**
 * A conversation as reports count it: what an engine keeps in the columns it lists by (times in
 * ms since the epoch), so that a range of them is read without reading whole conversations.
 */
export interface ConversationHead {
  id: string;
  platform: Platform;
  language: string | null;
  createdMs: number;
  lastPostMs: number;
  /** The public statement that answered it: who published it, when (ms); null if none did. */
  statement: { by: string; atMs: number } | null;
}

/** A post as reports count it: who wrote it, when (ms since the epoch), and how; not its text. */
export interface PostFacts {
  id: string;
  conversationId: string;
  createdMs: number;
  direction: Post['direction'];
  sentBy: string | null;
  private: boolean;
  outside: boolean;
  /** A customer post's tone (null: the brand's, or not scored). */
  sentiment: Sentiment | null;
  /** The language detected on the post (null: none found). */
  language: string | null;
  /** Who wrote it (the platform's id of the author; the brand's account for its replies). */
  authorId: string;
}

/** A conversation's head, from the conversation (for conversations held in memory). */
export function headOf(c: Conversation): ConversationHead {
  return {
    id: c.id,
    platform: c.platform,
    language: c.language,
    createdMs: Date.parse(c.createdAt),
    lastPostMs: Date.parse(c.lastPostAt),
    statement:
      c.statement == null ? null : { by: c.statement.by, atMs: Date.parse(c.statement.at) },
  };
}

/** A post's facts, from the post (for posts held in memory). */
export function factsOf(p: Post): PostFacts {
  return {
    id: p.id,
    conversationId: p.conversationId,
    createdMs: Date.parse(p.createdAt),
    direction: p.direction,
    sentBy: p.sentBy,
    private: p.private,
    outside: p.outside,
    sentiment: p.sentiment ?? null,
    language: p.language ?? null,
    authorId: p.author.id,
  };
}

export interface ConversationRepository {
  get(id: string): Promise<Conversation | undefined>;
  /** The conversations of these ids that exist, in no particular order. */
  getMany(ids: readonly string[]): Promise<Conversation[]>;
  list(query: ConversationQuery): Promise<ConversationPage>;
  /**
   * The same page as the JSON text of a ConversationPage, checked against its schema: a host that
   * answers in JSON sends it as it is (an engine that lists on a thread makes it there).
   */
  listJson?(query: ConversationQuery): Promise<string>;
  /** Ids of the conversations carrying a tag. */
  idsWithTag(tag: string): Promise<string[]>;
  /** Ids of an account's conversations. */
  idsOfAccount(accountId: string): Promise<string[]>;
  /** Ids of the conversations assigned to an agent. */
  idsAssignedTo(agentId: string): Promise<string[]>;
  /** How many conversations carry each tag. */
  tagCounts(): Promise<Map<string, number>>;
  /** Conversations whose last post is in [from, to), oldest first, a page at a time. */
  lastPostedBetween(fromIso: string, toIso: string): AsyncIterable<Conversation>;
  /**
   * Heads of the conversations that arrived in [from, to), oldest first (ties by id), a page at a
   * time (reports read tens of thousands: a page is one step of the iteration, not each head).
   */
  headsCreatedBetween(fromIso: string, toIso: string): AsyncIterable<ConversationHead[]>;
  /** Heads of the conversations whose last post is in [from, to), as `headsCreatedBetween`. */
  headsLastPostedBetween(fromIso: string, toIso: string): AsyncIterable<ConversationHead[]>;
  count(): Promise<number>;
}

export interface PostRepository {
  get(id: string): Promise<Post | undefined>;
  /** The posts of these ids that are stored. */
  getMany(ids: readonly string[]): Promise<Post[]>;
  /** A conversation's posts, oldest first. */
  ofConversation(conversationId: string): Promise<Post[]>;
  /**
   * What reports count of several conversations' posts, by conversation id, each oldest first (a
   * conversation without posts has no entry).
   */
  factsOf(conversationIds: readonly string[]): Promise<Map<string, PostFacts[]>>;
  /** Posts created in [from, to), oldest first. */
  createdBetween(fromIso: string, toIso: string): AsyncIterable<Post>;
  /**
   * Conversation roots stored before the post they answer (X serves newest first), by the id of
   * that post: they are folded into its conversation when it arrives.
   */
  waitingFor(parentIds: readonly string[]): Promise<Map<string, string[]>>;
}

export interface NoteRepository {
  /** A conversation's notes, oldest first. */
  ofConversation(conversationId: string): Promise<Note[]>;
}

export interface OutboxRepository {
  get(key: string): Promise<OutboxItem | undefined>;
  all(): Promise<OutboxItem[]>;
  /** Every state a reply was stored in, oldest first. */
  statesOf(key: string): Promise<OutboxItem['state'][]>;
  /**
   * The replies sent translated (drafted in the agent's language) that were queued in
   * [from, to), oldest first, whatever became of them: what reports count.
   */
  translated(fromIso: string, toIso: string): Promise<OutboxItem[]>;
}

export interface CursorRepository {
  get(accountId: string, stream: string): Promise<string | null>;
  ofAccount(accountId: string): Promise<Record<string, string>>;
}

export interface GapRepository {
  /** An account's gaps, newest first (by their start), at most `limit`. */
  ofAccount(accountId: string, limit: number): Promise<SyncGap[]>;
  /** Gaps of any account overlapping [from, to), oldest first. */
  overlapping(fromIso: string, toIso: string): Promise<SyncGap[]>;
}

/** The settings document a commit changed, until its file is written. */
export interface SettingsRepository {
  /** The newest document a commit left and whose file may not be written yet (null: none). */
  pending(): Promise<{ seq: number; text: string } | null>;
  /** The file of this document (and of every one before it) is written. */
  settled(seq: number): Promise<void>;
}

/** One Idempotency-Key's record: its call, and its answer once it answered (null: not kept). */
export interface KeyRecord {
  at: number;
  agent: string;
  key: string;
  method: string;
  fingerprint: string;
  state: 'answered' | 'in-doubt';
  /** The answer's JSON text (null: none yet, or one not kept because it held a secret). */
  answer: string | null;
}

/**
 * The Idempotency-Keys of calls made to the hub, kept a day. A record is written without waiting
 * for the disk, at the latest with the next commit (an engine may carry it in that commit's
 * transaction): it is in the store's log no later than anything the call then commits, so the
 * commit that makes the call's change durable makes its key durable too. `InboxStore.durable`
 * writes it and waits for the disk when a call changes something outside the store.
 */
export interface KeyRepository {
  /** The records written after `since` (ms), oldest first. */
  live(since: number): Promise<KeyRecord[]>;
  /** Writes (or replaces) a key's record, with the next commit at the latest; on the disk once `durable` resolves. */
  write(record: KeyRecord): void;
  /** Forgets the records written at or before `since` (ms). */
  forget(since: number): void;
  /**
   * Where several processes share the keys (PostgreSQL): writes the record of a call about to run
   * unless a record of the same agent and key written after `since` is there, at once and durably.
   * Null: this process runs the call; else the record found (another process ran or runs it).
   */
  claim?(record: KeyRecord, since: number): Promise<KeyRecord | null>;
  /**
   * Whether the store's commits claim a call's key themselves (`withCommitClaim`): the first
   * commit made for the call writes its record in the same transaction as its change, or is
   * refused (`KeyTaken`) when another process holds the key.
   */
  readonly claimsInCommit?: boolean;
  /** A key's record as the store holds it now, written or waiting to be (null: none). */
  read(agent: string, key: string): Promise<KeyRecord | null>;
}

export interface AuditRepository {
  /** A conversation's entries, oldest first. */
  ofConversation(conversationId: string): Promise<AuditEntry[]>;
  /** Entries recorded in [from, to), oldest first. */
  between(fromIso: string, toIso: string): AsyncIterable<AuditEntry>;
  /** The last entry's number (0: none). */
  headSeq(): Promise<number>;
  /** Checks the whole chain, reading it a page at a time. */
  verify(now: Date): Promise<AuditCheck>;
}

/** Posts' translations, one per post and language. */
export interface TranslationRepository {
  get(postId: string, target: string): Promise<PostTranslation | undefined>;
}

/**
 * The storage port: everything the inbox keeps but its settings document. Domains read through
 * the repositories and change the store only by `commit`, which makes the changes and their audit
 * entries durable together (or neither) and answers once they are.
 */
export interface InboxStore {
  readonly conversations: ConversationRepository;
  readonly posts: PostRepository;
  readonly notes: NoteRepository;
  readonly outbox: OutboxRepository;
  readonly cursors: CursorRepository;
  readonly gaps: GapRepository;
  readonly audit: AuditRepository;
  readonly settings: SettingsRepository;
  readonly keys: KeyRepository;
  readonly translations: TranslationRepository;
  /**
   * Leases of work that one process alone may do (an account's sync): present only where several
   * processes share the store (PostgreSQL); the embedded store has one process, which does it all.
   */
  readonly leases?: LeaseRepository;
  /** Claims of replies being sent, where several processes share the store (PostgreSQL). */
  readonly outboxClaims?: OutboxClaims;
  /** The live events of the other processes sharing the store, and the way to tell them ours. */
  readonly events?: EventRelay;
  /** The settings document in the store, shared by its processes (PostgreSQL); else lowdb's file. */
  readonly sharedSettings?: SharedSettings;
  /** Sign-in attempts counted across the processes sharing the store. */
  readonly attempts?: AttemptCounter;
  /** Presence across the processes sharing the store. */
  readonly presence?: SharedPresence;
  /** Work done once whichever process a delivery reached. */
  readonly once?: OnceGuard;
  commit(facts: CommitFacts, changes: readonly StoreChange[]): Promise<AuditEntry[]>;
  /** Resolves once everything written so far is on the disk. */
  durable(): Promise<void>;
  /**
   * Makes everything written so far durable within a moment, with no one waiting: for a write whose
   * loss in a power cut costs little (a call's answer kept for its retries). The next flush a
   * commit makes covers it; `close` makes it durable at the latest.
   */
  durableSoon(): void;
  /**
   * Runs `change` with its commits resolved as soon as every later read sees them, without waiting
   * for the disk: the caller then waits for `durable` before it answers anyone (the change queue
   * does, so that changes queued together share one flush).
   */
  visible<T>(change: () => Promise<T>): Promise<T>;
  /**
   * How many changes of different conversations may run at once (see ChangeQueue.runOn): where
   * each commit checks the versions it was made on inside its transaction and is durable once it
   * resolves (PostgreSQL). Absent: one change at a time, as the embedded store's one writer.
   */
  readonly concurrentChanges?: number;
  close(): Promise<void>;
}
