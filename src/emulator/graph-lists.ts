import { badParameter } from './graph-errors';
import { pageList } from './graph-paging';
import type { ListPage } from './graph-paging';
import type { GraphComment, GraphPost, GraphStore } from './graph-store';
import { firstIndex } from './sorted-list';
import type { Sequence } from './sorted-list';

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;

/** Paging and time-range parameters of a Graph list. */
export interface ListParams {
  limit: number;
  after: string | null;
  before: string | null;
  sinceMs: number | null;
  untilMs: number | null;
}

export interface CommentOptions {
  filter: 'toplevel' | 'stream';
  order: 'chronological' | 'reverse_chronological';
  summary: boolean;
}

/** A Graph time value: unix seconds, or a date string as strtotime reads the common forms. */
function parseTime(name: string, raw: string): number {
  if (/^-?\d+$/.test(raw)) return Number(raw) * 1000;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms))
    throw badParameter(`The parameter ${name} must be a unix timestamp or a date`);
  return ms;
}

export function parseListParams(get: (name: string) => string | null): ListParams {
  const rawLimit = get('limit');
  let limit = DEFAULT_LIMIT;
  if (rawLimit !== null) {
    if (!/^\d+$/.test(rawLimit.trim()))
      throw badParameter('Param limit must be a non-negative integer');
    limit = Math.min(MAX_LIMIT, Number(rawLimit));
  }
  const since = get('since');
  const until = get('until');
  return {
    limit,
    after: get('after'),
    before: get('before'),
    sinceMs: since === null ? null : parseTime('since', since),
    untilMs: until === null ? null : parseTime('until', until),
  };
}

export function parseCommentOptions(get: (name: string) => string | null): CommentOptions {
  const filter = get('filter') ?? 'toplevel';
  if (filter !== 'toplevel' && filter !== 'stream')
    throw badParameter('filter must be one of the following values: toplevel, stream');
  const order = get('order') ?? 'chronological';
  if (order !== 'chronological' && order !== 'reverse_chronological')
    throw badParameter(
      'order must be one of the following values: chronological, reverse_chronological',
    );
  const summary = get('summary');
  return { filter, order, summary: summary === 'true' || summary === '1' };
}

/** Graph compares `since` and `until` with creation times in whole seconds. */
const secondsOf = (item: { createdMs: number }) => Math.floor(item.createdMs / 1000) * 1000;

/** `since` and `until` are inclusive bounds on creation time, in whole seconds as Graph compares. */
function inRange(item: { createdMs: number }, params: ListParams): boolean {
  const seconds = secondsOf(item);
  if (params.sinceMs !== null && seconds < params.sinceMs) return false;
  if (params.untilMs !== null && seconds > params.untilMs) return false;
  return true;
}

/** A Page's posts, newest first, one page of them. */
export function feedPage(
  store: GraphStore,
  pageId: string,
  params: ListParams,
): ListPage<GraphPost> {
  const posts = store.postsOf(pageId).filter((p) => inRange(p, params));
  return pageList(posts, params.limit, params, true);
}

/**
 * The comments under a post or comment, filtered and ordered as asked, one page of them. The store
 * keeps them sorted by time, so the range and the page are found by binary search, not by a scan.
 */
export function commentsPage(
  store: GraphStore,
  objectId: string,
  params: ListParams,
  options: CommentOptions,
): { page: ListPage<GraphComment>; total: number } {
  const { items, ...shown } = store.commentsUnder(objectId, options.filter);
  const { sinceMs, untilMs } = params;
  const start =
    sinceMs === null
      ? shown.start
      : firstIndex(shown.start, shown.end, (i) => secondsOf(items[i]!) >= sinceMs);
  const end =
    untilMs === null
      ? shown.end
      : firstIndex(start, shown.end, (i) => secondsOf(items[i]!) > untilMs);
  const total = end - start;
  const descending = options.order === 'reverse_chronological';
  const ordered: Sequence<GraphComment> = {
    length: total,
    at: (i) => (i < 0 || i >= total ? undefined : items[descending ? end - 1 - i : start + i]),
  };
  return { page: pageList(ordered, params.limit, params, descending), total };
}
