import type { BulkResult } from '../../shared/queue';

export interface BulkSummary {
  applied: number;
  /** Conversations someone changed meanwhile: left as they were, to review. */
  conflicts: string[];
  missing: number;
}

/** What a bulk change did, to tell the user. */
export function summarizeBulk(results: readonly BulkResult[]): BulkSummary {
  return {
    applied: results.filter((r) => r.outcome === 'applied').length,
    conflicts: results.filter((r) => r.outcome === 'conflict').map((r) => r.id),
    missing: results.filter((r) => r.outcome === 'not_found').length,
  };
}

/** The ids between two positions of a list, both included, in list order. */
export function rangeOf(ids: readonly string[], from: number, to: number): string[] {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return ids.slice(Math.max(0, lo), hi + 1);
}
