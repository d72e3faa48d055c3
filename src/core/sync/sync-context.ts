import type { Account } from '../../shared';
import type { WorkspaceStore } from '../store/workspace-store';
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

/** What a platform sync pass may use: the store, the durable ingest, progress reporting. */
export interface SyncContext {
  config: SyncConfig;
  workspace: WorkspaceStore;
  /** The service's clock: cursors, horizons and pauses are dated by it. */
  clock: Clock;
  signal: AbortSignal;
  /** Threads and durably stores posts; resolves once they are on disk. */
  ingest(drafts: DraftPost[]): Promise<void>;
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
