/** A list read by position: an array, or a window of one read in either direction. */
export interface Sequence<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/**
 * The first index in [lo, hi) where `holds` is true, or `hi` when it is nowhere: a binary search, so
 * `holds` must be false then true along the range (as "sorts after x" is along a sorted list).
 */
export function firstIndex(lo: number, hi: number, holds: (index: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Puts `item` into a sorted list where pushing it and sorting (stably) again would. */
export function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  list.splice(
    firstIndex(0, list.length, (i) => compare(list[i]!, item) > 0),
    0,
    item,
  );
}

/**
 * Sorts a list stably by `compare` on keys computed once per item instead of once per comparison;
 * the order is the one `list.sort` with the same comparison on the items would give.
 */
export function sortByKey<T, K>(list: T[], keyOf: (item: T) => K, compare: (a: K, b: K) => number) {
  const keyed = list.map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((a, b) => compare(a.key, b.key));
  for (let i = 0; i < keyed.length; i++) list[i] = keyed[i]!.item;
}

/** The list kept in `lists` under `key`, made empty the first time. */
export function listIn<T>(lists: Map<string, T[]>, key: string): T[] {
  let list = lists.get(key);
  if (!list) lists.set(key, (list = []));
  return list;
}
