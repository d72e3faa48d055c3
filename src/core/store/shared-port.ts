import type { AuditEntry, InboxEvent } from '../../shared';
import type { OutboxItem } from '../outbox/outbox-item';
import type { CommitFacts, StoreChange } from './port';

// What the processes sharing one store (several hubs on one PostgreSQL database) share beside the
// queue: leases, live events, the settings document, sign-in attempts, presence, work done once,
// and who sends each reply. The embedded store, one process's, has none of them.

/**
 * Named leases among the processes sharing a store: a lease is held by one holder until a time
 * (ms, by the holder's clock); its holder renews it, anyone takes it once it ran out.
 */
export interface LeaseRepository {
  /**
   * Takes the lease `name` for `holder` until `nowMs + ttlMs` when it is free, ran out by `nowMs`,
   * or is already the holder's (a renewal). True: the holder holds it now.
   */
  hold(name: string, holder: string, nowMs: number, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, if the holder holds it. */
  release(name: string, holder: string): Promise<void>;
}

/** Live events among the processes sharing a store, each told to the others within a moment. */
export interface EventRelay {
  /** Tells the other processes an event of this one (fire and forget: a lost one is not retried). */
  publish(event: InboxEvent): void;
  /** The events the other processes publish (not this one's own). */
  subscribe(listener: (event: InboxEvent) => void): () => void;
}

/** The settings document as the store holds it: its JSON text and its version. */
export interface SettingsVersion {
  version: number;
  text: string;
}

/**
 * The settings document kept in the store itself, shared by every process on it (PostgreSQL).
 * A change is made in the commit that goes with it, on the document as that transaction finds it
 * (locked), and raises its version by one; every process is told within a moment.
 */
export interface SharedSettings {
  /** The document the store holds (null: none yet). */
  read(): Promise<SettingsVersion | null>;
  /** Keeps this document as the first one when the store holds none; answers the one it holds. */
  seed(text: string): Promise<SettingsVersion>;
  /**
   * A commit (as `InboxStore.commit`) that also changes the document: `edit` gets the document the
   * transaction holds and answers its next text.
   */
  commit(
    facts: CommitFacts,
    changes: readonly StoreChange[],
    edit: (current: SettingsVersion) => string,
  ): Promise<{ entries: AuditEntry[]; settings: SettingsVersion }>;
  /** Told when another process may have changed the document (and when that may have been missed). */
  onChange(listener: () => void): () => void;
}

/** Attempts counted per key and window among the processes sharing a store (sign-ins). */
export interface AttemptCounter {
  /** Counts one attempt of `key`: how many in its window so far, and ms until the window ends. */
  count(key: string, nowMs: number, windowMs: number): Promise<{ current: number; ttlMs: number }>;
}

/** One agent's presence as one process reports it, until it runs out. */
export interface PresenceRow {
  agentId: string;
  /** The presence's JSON text. */
  body: string;
}

/** Presence shared by the processes of one store: each writes its own, all read everyone's. */
export interface SharedPresence {
  /** Keeps (body) or drops (null) an agent's presence through this process, until `untilMs`. */
  put(agentId: string, body: string | null, untilMs: number): Promise<void>;
  /** Every process's presence not run out by `nowMs`. */
  live(nowMs: number): Promise<PresenceRow[]>;
  /** Drops everything this process reported (it closes). */
  clear(): Promise<void>;
}

/**
 * Work done once per id among the processes sharing a store (a webhook delivery's change): the
 * process that takes an id does it; a taken id not marked done within a minute (its process died)
 * may be taken again. Ids are kept a week.
 */
export interface OnceGuard {
  /** True: this process takes the id and does its work. False: another did or does it. */
  take(id: string, nowMs: number): Promise<boolean>;
  /** The work of an id taken is done. */
  done(id: string): Promise<void>;
  /** The work of an id taken failed: the id is free again (its delivery comes again). */
  release(id: string): Promise<void>;
}

/** A reply claimed for sending: no other process sends it until `release` or until this one dies. */
export interface OutboxClaim {
  release(): Promise<void>;
}

/** Which process sends each reply, where several share the store. */
export interface OutboxClaims {
  /** Claims the reply for this process; null when another process holds it (it is sending it). */
  claim(key: string): Promise<OutboxClaim | null>;
  /** The replies not settled yet (pending or sending), whichever process queued them. */
  open(): Promise<OutboxItem[]>;
}
