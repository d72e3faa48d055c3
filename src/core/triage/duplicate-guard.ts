/** How many identical public replies in a day are enough: past this, the team is warned. */
export const DUPLICATE_LIMIT = 3;
export const DUPLICATE_WINDOW_MS = 24 * 3600_000;
/** Share of words two replies must have in common to count as nearly identical. */
const NEAR = 0.85;

/** A reply's words, without mentions, links, case, accents or punctuation. */
export function replyWords(text: string): Set<string> {
  const flat = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/https?:\/\/\S+|[@#][\p{L}\p{N}_]+/gu, ' ');
  // The runs of letters and digits: what splitting on everything else leaves, in one pass.
  return new Set(flat.match(/[\p{L}\p{N}]+/gu));
}

/** Identical or nearly (same words but a name, a mention or a typo): Jaccard similarity ≥ 0.85. */
export function nearlyIdentical(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let common = 0;
  for (const w of a) if (b.has(w)) common += 1;
  return common / (a.size + b.size - common) >= NEAR;
}

/**
 * How many public replies sent (or on their way) in the last 24 hours say the same as `text`.
 * The brand that pasted one apology to a quarter of a million people is what this stops.
 */
export function publicRepeats(
  text: string,
  sent: readonly { kind: string; text: string; state: string; createdAt: string }[],
  now: number,
): number {
  const words = replyWords(text);
  return sent.filter(
    (r) =>
      r.kind === 'public' &&
      r.state !== 'failed' &&
      r.state !== 'discarded' &&
      now - Date.parse(r.createdAt) < DUPLICATE_WINDOW_MS &&
      nearlyIdentical(words, replyWords(r.text)),
  ).length;
}
