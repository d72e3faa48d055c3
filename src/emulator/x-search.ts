import { compareIds } from './ids';
import type { EmuResponse } from './http-kit';
import type { XContext, XRoute } from './x-context';
import { LIST_PARAMETERS, PROJECTION_PARAMETERS, TWEET_EXPANSIONS } from './x-fields';
import { invalidRequest, xJson } from './x-problems';
import type { ParameterError } from './x-problems';
import { Checker, encodePageToken } from './x-query';
import type { Projection, TimelineQuery } from './x-query';
import { expandTweets, renderTweet } from './x-render';
import type { StoredTweet, XStore } from './x-store';
import { mentionsIn } from './x-text';

/**
 * `GET /2/tweets/search/recent` (developer.x.com/en/docs/x-api/posts/search/api-reference/
 * get-tweets-search-recent; `latest-openapi.json` of xdevplatform/xdk): the last seven days of
 * public tweets matching a query, newest first, 10 to 100 a page, `next_token` to page on.
 */
export const SEARCH_RECENT_PARAMETERS = [
  'query',
  'start_time',
  'end_time',
  'since_id',
  'until_id',
  'max_results',
  'next_token',
  'pagination_token',
  'sort_order',
  ...PROJECTION_PARAMETERS,
];

/** How far back recent search reaches. */
export const SEARCH_RECENT_REACH_MS = 7 * 86_400_000;
/** The longest query recent search takes (Basic and Pro access). */
const MAX_QUERY_LENGTH = 512;
/** `end_time` must be at least this long before the request. */
const END_TIME_MARGIN_MS = 10_000;
const OPERATOR_LIST =
  'https://developer.twitter.com/en/docs/twitter-api/tweets/search/integrate/build-a-rule';

/** One clause of a query: what a tweet must (or, negated, must not) match. */
interface Clause {
  negated: boolean;
  test: (tweet: StoredTweet, store: XStore) => boolean;
  /** The username of a positive `@name` clause: the candidates are then that user's mentions. */
  mention?: string;
}

/** What a parsed query keeps: its clauses, ANDed. */
interface SearchQuery {
  clauses: Clause[];
}

const lower = (s: string) => s.toLowerCase();

/** The operators the emulator understands; X has more (documented in the emulator's README). */
function operatorClause(name: string, value: string): Clause['test'] | null {
  const v = lower(value);
  switch (name) {
    case 'from':
      return (t, store) => lower(store.user(t.author_id)?.username ?? '') === v;
    case 'to':
      return (t, store) => {
        const to = store.inReplyToUserId(t);
        return to !== null && lower(store.user(to)?.username ?? '') === v;
      };
    case 'is':
      if (v === 'reply') return (t) => t.in_reply_to !== undefined;
      if (v === 'quote') return (t) => t.quotes !== undefined;
      // The emulator's scenarios hold no retweets.
      if (v === 'retweet') return () => false;
      return null;
    case 'lang':
      return (t) => lower(t.lang) === v;
    default:
      return null;
  }
}

/**
 * Parses a query into ANDed clauses: `@name`, `from:`, `to:`, `is:reply|quote|retweet`, `lang:`,
 * keywords and `#hashtags`, each negatable with `-`. Anything else (grouping, `OR`, exact phrases,
 * other operators) is refused as X refuses an operator it does not offer.
 */
function parseSearchQuery(raw: string): SearchQuery | string {
  const clauses: Clause[] = [];
  let position = 1;
  for (const word of raw.split(/\s+/)) {
    const at = position;
    position += word.length + 1;
    if (word === '') continue;
    const negated = word.startsWith('-') && word.length > 1;
    const body = negated ? word.slice(1) : word;
    if (/^[()"]|[()"]$/.test(body) || body === 'OR')
      return `There were errors processing your request: the emulator does not support grouping, OR or exact phrases (at position ${at})`;
    const mention = /^@([A-Za-z0-9_]{1,15})$/.exec(body);
    if (mention) {
      const name = lower(mention[1]!);
      clauses.push({
        negated,
        test: (t) => mentionsIn(t.text).some((m) => lower(m.value) === name),
        ...(negated ? {} : { mention: name }),
      });
      continue;
    }
    const operator = /^([a-z_]+):(.+)$/.exec(body);
    if (operator) {
      const test = operatorClause(operator[1]!, operator[2]!);
      if (!test)
        return `There were errors processing your request: Reference to invalid operator '${operator[1]}'. Operator is not available in current product or product packaging. Please refer to complete available operator list at ${OPERATOR_LIST}. (at position ${at})`;
      clauses.push({ negated, test });
      continue;
    }
    const keyword = lower(body);
    clauses.push({ negated, test: (t) => lower(t.text).includes(keyword) });
  }
  if (clauses.length === 0 || clauses.every((c) => c.negated))
    return 'There were errors processing your request: Rules must contain a non-negation term (at position 1)';
  return { clauses };
}

/** A search request's validated parameters. */
interface SearchRequest extends Omit<TimelineQuery, 'exclude'> {
  query: SearchQuery;
}

function parseSearchRequest(
  params: URLSearchParams,
  nowMs: number,
  /**
   * When the tweet of an id was made: its own date when the emulator holds it (a shifted scenario
   * keeps its ids), else the time in the snowflake.
   */
  madeAt: (id: string) => number,
): SearchRequest | ParameterError[] {
  const check = new Checker(params);
  check.allowOnly(SEARCH_RECENT_PARAMETERS);
  const raw = params.get('query');
  let query: SearchQuery | null = null;
  if (raw === null || raw === '') {
    check.fail('query', raw ?? '', 'The `query` query parameter can not be empty');
  } else if (raw.length > MAX_QUERY_LENGTH) {
    check.fail(
      'query',
      raw,
      `There were errors processing your request: Rules are limited to ${MAX_QUERY_LENGTH} characters`,
    );
  } else {
    const parsed = parseSearchQuery(raw);
    if (typeof parsed === 'string') check.fail('query', raw, parsed);
    else query = parsed;
  }
  const projection: Projection = {
    tweetFields: check.list('tweet.fields', LIST_PARAMETERS['tweet.fields']!),
    userFields: check.list('user.fields', LIST_PARAMETERS['user.fields']!),
    expansions: check.list('expansions', TWEET_EXPANSIONS),
  };
  for (const name of ['media.fields', 'poll.fields', 'place.fields'])
    check.list(name, LIST_PARAMETERS[name]!);
  check.list('sort_order', ['recency', 'relevancy']);
  const edge = nowMs - SEARCH_RECENT_REACH_MS;
  const edgeText = new Date(edge).toISOString();
  const startMs = check.time('start_time');
  if (startMs !== null && startMs < edge)
    check.fail(
      'start_time',
      params.get('start_time')!,
      `Invalid 'start_time':'${params.get('start_time')}'. 'start_time' must be on or after ${edgeText}`,
    );
  const endMs = check.time('end_time');
  if (endMs !== null && endMs > nowMs - END_TIME_MARGIN_MS)
    check.fail(
      'end_time',
      params.get('end_time')!,
      `Invalid 'end_time':'${params.get('end_time')}'. 'end_time' must be a minimum of 10 seconds prior to the request time.`,
    );
  if (startMs !== null && endMs !== null && startMs >= endMs)
    check.fail(
      'start_time',
      params.get('start_time')!,
      `Invalid 'start_time':'${params.get('start_time')}'. 'start_time' must be before 'end_time'`,
    );
  const ids: Record<'since_id' | 'until_id', string | null> = {
    since_id: check.id('since_id'),
    until_id: check.id('until_id'),
  };
  for (const name of ['since_id', 'until_id'] as const) {
    const id = ids[name];
    if (id !== null && madeAt(id) < edge)
      check.fail(
        name,
        id,
        `Invalid '${name}':'${id}'. '${name}' must be a tweet id created after ${edgeText}. Please use a '${name}' that is more recent than 7 days.`,
      );
  }
  const page = check.pageToken('next_token') ?? check.pageToken('pagination_token');
  const maxResults = check.integer('max_results', 10, 100, 10);
  if (check.errors.length > 0 || query === null) return check.errors;
  return {
    ...projection,
    query,
    maxResults,
    sinceId: ids.since_id,
    untilId: ids.until_id,
    startMs,
    endMs,
    page,
  };
}

/** The instant in an X id (a snowflake), in epoch ms. */
function snowflakeMs(id: string): number {
  return Number((BigInt(id) >> 22n) + 1288834974657n);
}

function matches(tweet: StoredTweet, request: SearchRequest, store: XStore): boolean {
  return request.query.clauses.every((c) => c.test(tweet, store) !== c.negated);
}

/** In the request's range: ids win over times, as on the timelines. */
function inRange(tweet: StoredTweet, request: SearchRequest, edge: number): boolean {
  if (tweet.createdMs < edge) return false;
  if (request.sinceId !== null) {
    if (compareIds(tweet.id, request.sinceId) <= 0) return false;
  } else if (request.startMs !== null && tweet.createdMs < request.startMs) return false;
  if (request.untilId !== null) {
    if (compareIds(tweet.id, request.untilId) >= 0) return false;
  } else if (request.endMs !== null && tweet.createdMs >= request.endMs) return false;
  if (request.page !== null && compareIds(tweet.id, request.page.id) >= 0) return false;
  return true;
}

function searchAnswer(store: XStore, ctx: XContext): EmuResponse {
  const nowMs = store.now();
  const request = parseSearchRequest(
    ctx.req.query,
    nowMs,
    (id) => store.tweet(id)?.createdMs ?? snowflakeMs(id),
  );
  if (Array.isArray(request)) return invalidRequest(request);
  const edge = nowMs - SEARCH_RECENT_REACH_MS;
  const mention = request.query.clauses.find((c) => c.mention !== undefined)?.mention;
  // A query naming an @user reads that user's mentions; another reads every tweet.
  const user = mention === undefined ? null : store.userByUsername(mention);
  const candidates =
    mention === undefined ? store.recentTweets(edge) : user ? store.mentionsOf(user.id) : [];
  const items: StoredTweet[] = [];
  let more = false;
  for (const tweet of candidates) {
    if (tweet.createdMs < edge) break;
    if (!inRange(tweet, request, edge) || !matches(tweet, request, store)) continue;
    if (items.length === request.maxResults) {
      more = true;
      break;
    }
    items.push(tweet);
  }
  if (items.length === 0) return xJson({ meta: { result_count: 0 } });
  const { includes, errors } = expandTweets(store, items, request);
  const oldest = items[items.length - 1]!;
  return xJson({
    data: items.map((t) => renderTweet(store, t, request.tweetFields)),
    ...(includes ? { includes } : {}),
    ...(errors ? { errors } : {}),
    meta: {
      newest_id: items[0]!.id,
      oldest_id: oldest.id,
      result_count: items.length,
      ...(more ? { next_token: encodePageToken({ direction: 'next', id: oldest.id }) } : {}),
    },
  });
}

/** The recent search route, for `createXApi`. */
export function xSearchRoutes(store: XStore): XRoute[] {
  return [
    {
      method: 'GET',
      pattern: '2/tweets/search/recent',
      handler: (ctx) => searchAnswer(store, ctx),
    },
  ];
}
