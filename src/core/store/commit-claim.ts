import { AsyncLocalStorage } from 'node:async_hooks';
import type { KeyRecord } from './port';

/**
 * A call's Idempotency-Key, claimed by the first commit the call makes, in that commit's
 * transaction (see `KeyRepository.claimsInCommit`): the key and the call's change are stored
 * together or not at all, and the call costs no round trip of its own to the database for it.
 */
export interface CommitClaim {
  /** The call's record, as it is written when claimed (in doubt until the call answers). */
  readonly record: KeyRecord;
  /** A record of the same agent and key written at or before this (ms) is taken over. */
  readonly since: number;
  /**
   * `pending` until a commit claims the key; `claimed` once one did; `taken` when another
   * process holds the key (its record); `closed` once the call answered.
   */
  outcome:
    | { state: 'pending' }
    | { state: 'claimed' }
    | { state: 'taken'; record: KeyRecord | null }
    | { state: 'closed' };
}

const claims = new AsyncLocalStorage<CommitClaim>();

/** Runs a call with its key to be claimed by the first commit it makes. */
export function withCommitClaim<T>(claim: CommitClaim, run: () => Promise<T>): Promise<T> {
  return claims.run(claim, run);
}

/** The key the commit being made claims: that of the call it is made for, until one claims it. */
export function pendingClaim(): CommitClaim | null {
  const claim = claims.getStore();
  return claim?.outcome.state === 'pending' ? claim : null;
}

/** A commit refused because another process holds the call's Idempotency-Key. */
export class KeyTaken extends Error {
  constructor() {
    super('Another request with the same Idempotency-Key is being answered');
    this.name = 'KeyTaken';
  }
}
