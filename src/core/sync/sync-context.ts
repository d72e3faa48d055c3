import type { Account, SyncGap } from '../../shared';
import type { Clock } from '../time/clock';
import type { DraftPost } from '../triage/threading';

export interface SyncConfig {
  xBaseUrl: string;
  graphBaseUrl: string;
  graphVersion: string;
  /** Facebook app secret, for `appsecret_proof` on every Graph call; null when not configured. */
  graphAppSecret: string | null;
  /** How long one platform call may take (default `DEFAULT_REQUEST_TIMEOUT_MS`, 20 s). */
  requestTimeoutMs?: number;
}

/** Cursors of one account to move, by stream (null clears one). */
export interface CursorMove {
  accountId: string;
  cursors: Record<string, string | null>;
  /** Stretches of posts found out of reach, recorded in the same commit. */
  gaps?: SyncGap[];
}

/** What a platform sync pass may use: the store, the durable ingest, progress reporting. */
export interface SyncContext {
  config: SyncConfig;
  /** Where a stream of an account has got to (null: never synced). */
  cursor(accountId: string, stream: string): Promise<string | null>;
  /** Moves cursors (of a pass that stored nothing). */
  moveCursors(move: CursorMove): Promise<void>;
  /** The service's clock: cursors, horizons and pauses are dated by it. */
  clock: Clock;
  signal: AbortSignal;
  /**
   * Threads and durably stores posts, and moves the cursors that cover them in the same commit;
   * resolves once both are on disk.
   */
  ingest(drafts: DraftPost[], move?: CursorMove): Promise<void>;
  progress(
    account: Account,
    stream: string,
    phase: 'backfill' | 'poll',
    fetched: number,
    done: boolean,
    /** How many items the pass expects in all, when the platform tells. */
    estimated?: number | null,
  ): void;
}
