import type { SyncProgress } from '../../shared/events';

export interface ProgressSummary {
  /** Some stream of the account is still fetching. */
  active: boolean;
  fetched: number;
  /** Sum of the active streams' estimates, or null if any of them cannot estimate. */
  estimated: number | null;
  /** 0..1 when estimable, null for an indeterminate bar. */
  fraction: number | null;
}

/**
 * Folds the latest progress of an account's streams into one bar. Only backfills count: polls are
 * small and frequent, and a bar flashing every few seconds would say nothing.
 */
export function summarizeProgress(streams: Iterable<SyncProgress>): ProgressSummary {
  let fetched = 0;
  let estimated: number | null = 0;
  let active = false;
  for (const s of streams) {
    if (s.done || s.phase !== 'backfill') continue;
    active = true;
    fetched += s.fetched;
    estimated = s.estimated == null || estimated == null ? null : estimated + s.estimated;
  }
  if (!active) return { active, fetched: 0, estimated: null, fraction: null };
  const fraction =
    estimated == null || estimated === 0 ? null : Math.min(1, Math.max(0, fetched / estimated));
  return { active, fetched, estimated, fraction };
}
