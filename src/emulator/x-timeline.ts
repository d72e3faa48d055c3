import { compareIds } from './ids';
import { encodePageToken } from './x-query';
import type { TimelineQuery } from './x-query';
import type { StoredTweet } from './x-store';

export interface TimelinePage {
  items: StoredTweet[];
  nextToken: string | null;
  previousToken: string | null;
}

/** The tweets a timeline query selects, before paging: since/until ids win over start/end times. */
function inBounds(tweet: StoredTweet, query: TimelineQuery): boolean {
  if (query.sinceId !== null) {
    if (compareIds(tweet.id, query.sinceId) <= 0) return false;
  } else if (query.startMs !== null && tweet.createdMs < query.startMs) return false;
  if (query.untilId !== null) {
    if (compareIds(tweet.id, query.untilId) >= 0) return false;
  } else if (query.endMs !== null && tweet.createdMs >= query.endMs) return false;
  if (query.exclude.has('replies') && tweet.in_reply_to !== undefined) return false;
  return true;
}

/**
 * One page of a timeline. `newestFirst` is the whole timeline, newest first; only its `cap` most
 * recent tweets are reachable (800 for mentions, 3200 for a user's tweets). Tokens name the tweet a
 * page stops at, so tweets arriving between calls neither shift nor repeat the older pages.
 */
export function pageTimeline(
  newestFirst: StoredTweet[],
  cap: number,
  query: TimelineQuery,
): TimelinePage {
  const selected = newestFirst.slice(0, cap).filter((t) => inBounds(t, query));
  let items: StoredTweet[];
  const page = query.page;
  if (page === null) {
    items = selected.slice(0, query.maxResults);
  } else if (page.direction === 'next') {
    items = selected.filter((t) => compareIds(t.id, page.id) < 0).slice(0, query.maxResults);
  } else {
    const newer = selected.filter((t) => compareIds(t.id, page.id) > 0);
    items = newer.slice(Math.max(0, newer.length - query.maxResults));
  }
  const first = items[0];
  const last = items[items.length - 1];
  const olderRemain = last !== undefined && selected.some((t) => compareIds(t.id, last.id) < 0);
  const newerRemain = first !== undefined && selected.some((t) => compareIds(t.id, first.id) > 0);
  return {
    items,
    nextToken: olderRemain ? encodePageToken({ direction: 'next', id: last.id }) : null,
    previousToken: newerRemain ? encodePageToken({ direction: 'previous', id: first.id }) : null,
  };
}
