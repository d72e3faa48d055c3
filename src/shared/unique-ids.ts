import { z } from 'zod';

/** The ids that appear more than once in `ids`, each named once, in the order first repeated. */
export function duplicatesOf(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return [...repeated];
}

const MAX_NAMED = 10;

/** "the same conversation twice: x:1, x:2" — names at most ten of them. */
function duplicateMessage(what: string, duplicates: string[]): string {
  const named = duplicates.slice(0, MAX_NAMED).join(', ');
  const more = duplicates.length > MAX_NAMED ? ` and ${duplicates.length - MAX_NAMED} more` : '';
  return `the same ${what} appears more than once in one call: ${named}${more}`;
}

/**
 * A list of items whose ids must all differ: one call naming the same thing twice is refused as a
 * whole (bad_request naming the repeated ids), instead of one of the two silently winning.
 */
export function uniqueBy<T extends z.ZodType>(
  item: T,
  idOf: (value: z.output<T>) => string,
  what: string,
) {
  return z.array(item).superRefine((items, ctx) => {
    const duplicates = duplicatesOf(items.map(idOf));
    if (duplicates.length > 0)
      ctx.addIssue({ code: 'custom', message: duplicateMessage(what, duplicates) });
  });
}

/** A list of ids, each at most once (see uniqueBy). */
export function uniqueIds<T extends z.ZodType<string>>(id: T, what: string) {
  return uniqueBy(id, (value) => value as string, what);
}
