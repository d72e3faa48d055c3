import type { Queryable } from './pg-client';

/** Rows read at a time when a range is walked. */
export const PG_PAGE = 1000;

/**
 * The rows whose time (ms) is in [from, to), in (time, id) order, a page at a time by keyset.
 * `sql` selects `ms, id, …` with parameters ($1 to, $2 after ms, $3 after id) and a LIMIT of
 * PG_PAGE.
 */
export async function* pgRange<R>(
  db: Queryable,
  sql: string,
  fromIso: string,
  toIso: string,
): AsyncIterable<(R & { ms: number; id: string })[]> {
  let after: [number, string] = [Date.parse(fromIso) - 1, '\uffff'];
  for (;;) {
    const { rows } = await db.query<R & { ms: number; id: string }>(sql, [
      Date.parse(toIso),
      ...after,
    ]);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (last == null || rows.length < PG_PAGE) return;
    after = [last.ms, last.id];
  }
}
