/**
 * The links and hashtags that are part of the usual talk about a brand (its own hashtag, its
 * site): they tie no story, or every mention that carries them would make one story of unrelated
 * complaints. A key is usual when the opening posts of the week before already carried it at least
 * USUAL_MIN times, and the window's carry it at less than `factor` times that hourly rate (the
 * crisis view's spike factor). A key new in the window, or one that spikes in it (a boycott's
 * hashtag), still ties its story.
 */

/** So few posts the week before make no habit. */
export const USUAL_MIN = 3;

/** Links and hashtags: what a post's text says (story-links.ts `textKeys`), not what it points at. */
function textKey(key: string): boolean {
  return key.startsWith('tag:') || key.startsWith('url:');
}

/** How many posts carry each text key, each post counted once. */
function postsWith(posts: Iterable<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const keys of posts)
    for (const key of new Set(keys)) if (textKey(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * The usual keys, from the keys of the opening posts before the window (`before`, over
 * `beforeHours`) and in it (`during`, over `duringHours`): a key that comes at `factor` times its
 * rate before, or more, is news.
 */
export function usualKeys(
  before: Iterable<readonly string[]>,
  beforeHours: number,
  during: Iterable<readonly string[]>,
  duringHours: number,
  factor: number,
): Set<string> {
  const then = postsWith(before);
  const now = postsWith(during);
  const usual = new Set<string>();
  for (const [key, n] of then) {
    if (n < USUAL_MIN) continue;
    const rateThen = n / beforeHours;
    const rateNow = (now.get(key) ?? 0) / duringHours;
    if (rateNow < factor * rateThen) usual.add(key);
  }
  return usual;
}
