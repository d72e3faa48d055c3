/**
 * Nearest-rank percentile: the ⌈p·n⌉-th smallest value (p in (0, 1]); the median is p = 0.5, the
 * lower middle of an even count. Null for no values. Exact and easy to check by hand.
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}
