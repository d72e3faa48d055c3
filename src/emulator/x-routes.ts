import { bearerToken, findRoute } from './http-kit';
import type { EmuRequest, EmuResponse } from './http-kit';
import type { WriteJournal } from './journal';
import type { WindowCounter } from './rate-limit';
import type { XUser } from './scenario';
import { TIMELINE_PARAMETERS, USER_LOOKUP_PARAMETERS } from './x-fields';
import {
  clientForbidden,
  directMessageForbidden,
  invalidRequest,
  notFoundError,
  pageDoesNotExist,
  tooManyRequests,
  unauthorized,
  usageCapped,
  xJson,
} from './x-problems';
import { DEFAULT_POSTING_CAPS, PostingCapCounter } from './x-caps';
import type { PostingCaps } from './x-caps';
import { parseTimelineQuery, parseUserQuery } from './x-query';
import { expandTweets, renderTweet, renderUser } from './x-render';
import type { XContext, XRoute } from './x-context';
import type { XStore } from './x-store';
import { pageTimeline } from './x-timeline';
import { XDirectMessages, xDmRoutes } from './x-dms';
import { xWriteRoutes } from './x-writes';

/** Calls allowed per 15-minute window, per endpoint and per token (X's user-context limits). */
export const X_RATE_LIMITS: Readonly<Record<string, number>> = {
  'GET /2/users/me': 75,
  'GET /2/users/:id': 900,
  'GET /2/users/by/username/:username': 900,
  'GET /2/users/:id/mentions': 300,
  'GET /2/users/:id/tweets': 900,
  'GET /2/tweets/:id': 900,
  'POST /2/tweets': 100,
  'POST /2/dm_conversations/with/:participant_id/messages': 200,
  // DM lookup's per-user limit (unconfirmed; X's tables list 300 for its lookup endpoints).
  'GET /2/dm_conversations/with/:participant_id/dm_events': 300,
};

/** Only the most recent 800 mentions and 3200 own tweets can be read, as on X. */
export const MENTIONS_CAP = 800;
export const USER_TWEETS_CAP = 3200;

export interface XApiOptions {
  store: XStore;
  limiter: WindowCounter;
  /** Per-endpoint overrides of `X_RATE_LIMITS`, keyed like it (`'GET /2/users/:id/mentions'`). */
  rateLimits?: Partial<Record<string, number>>;
  journal: WriteJournal;
  /** The account an OAuth-issued access token acts for while it is valid (`x-oauth.ts`). */
  oauthUser?: (token: string) => string | null;
  /** The 24-hour posting caps (`DEFAULT_POSTING_CAPS`); tests lower them. */
  postingCaps?: Partial<PostingCaps>;
  /** Length of the rate-limit windows (15 minutes), for the reset of an injected 429. */
  windowMs?: number;
  now: () => number;
}

/** The X answers a fault can stand for, besides a server error, a timeout and a reset. */
export const X_FAULT_KINDS = [
  'rate-limited',
  'daily-cap',
  'usage-capped',
  'client-forbidden',
  'dm-forbidden',
] as const;
export type XFaultKind = (typeof X_FAULT_KINDS)[number];

export function isXFaultKind(kind: string): kind is XFaultKind {
  return (X_FAULT_KINDS as readonly string[]).includes(kind);
}

export interface XApi {
  (req: EmuRequest): Promise<EmuResponse>;
  /** The answer X gives for one of its refusals on `method path` (path below `/x`), headers included. */
  faultAnswer(kind: XFaultKind, method: string, segments: string[]): EmuResponse;
}

/** The X API v2 under `/x`: bearer auth, per-endpoint rate limits, then the endpoint itself. */
export function createXApi(options: XApiOptions): XApi {
  const { store, limiter } = options;
  const limits = { ...X_RATE_LIMITS, ...options.rateLimits } as Record<string, number>;
  const caps = new PostingCapCounter(
    { ...DEFAULT_POSTING_CAPS, ...options.postingCaps },
    options.now,
  );
  const routes: XRoute[] = [];
  const add = (method: string, pattern: string, handler: XRoute['handler']) =>
    routes.push({ method, pattern, handler });

  add('GET', '2/users/me', (ctx) => userAnswer(store, store.user(ctx.callerId), ctx, ctx.callerId));
  add('GET', '2/users/by/username/:username', (ctx) =>
    userAnswer(
      store,
      store.userByUsername(ctx.params.username!),
      ctx,
      ctx.params.username!,
      'username',
    ),
  );
  add('GET', '2/users/:id', (ctx) => {
    const invalid = checkIdParam(ctx.params.id!);
    return invalid ?? userAnswer(store, store.user(ctx.params.id!), ctx, ctx.params.id!);
  });
  add('GET', '2/users/:id/mentions', (ctx) =>
    timelineAnswer(store, ctx, TIMELINE_PARAMETERS, (user) => [
      store.mentionsOf(user.id, MENTIONS_CAP),
      MENTIONS_CAP,
    ]),
  );
  add('GET', '2/users/:id/tweets', (ctx) =>
    timelineAnswer(store, ctx, [...TIMELINE_PARAMETERS, 'exclude'], (user) => [
      store.tweetsBy(user.id, USER_TWEETS_CAP),
      USER_TWEETS_CAP,
    ]),
  );
  add('GET', '2/tweets/:id', (ctx) => tweetAnswer(store, ctx));
  const dms = new XDirectMessages();
  routes.push(...xWriteRoutes(store, options.journal, dms), ...xDmRoutes(store, dms));

  const handler = async (req: EmuRequest): Promise<EmuResponse> => {
    const found = findRoute(routes, req.method, req.segments);
    if (!found.route) return pageDoesNotExist();
    const token = bearerToken(req.headers);
    const callerId =
      token === null ? null : (store.userIdForToken(token) ?? options.oauthUser?.(token) ?? null);
    if (token === null || callerId === null) return unauthorized();
    const endpoint = `${found.route.method} /${found.route.pattern}`;
    const window = limiter.take(`${endpoint}|${token}`, limits[endpoint] ?? 900);
    const rateHeaders = {
      'x-rate-limit-limit': String(window.limit),
      'x-rate-limit-remaining': String(Math.max(0, window.limit - window.used)),
      'x-rate-limit-reset': String(Math.floor(window.resetAtMs / 1000)),
    };
    if (!window.allowed) return tooManyRequests(rateHeaders);
    const posting = endpoint === 'POST /2/tweets';
    const cap = posting ? caps.peek(callerId) : null;
    if (cap && !cap.allowed) return tooManyRequests({ ...rateHeaders, ...cap.headers });
    const response = await found.route.handler({ req, params: found.params, token, callerId });
    // A post made counts against the 24-hour caps; a refused one does not.
    const capHeaders =
      posting && response.status < 300 ? caps.take(callerId).headers : cap?.headers;
    return { ...response, headers: { ...response.headers, ...rateHeaders, ...capHeaders } };
  };

  const faultAnswer = (kind: XFaultKind, method: string, segments: string[]): EmuResponse => {
    const found = findRoute(routes, method, segments);
    const endpoint = found.route ? `${found.route.method} /${found.route.pattern}` : '';
    const limit = limits[endpoint] ?? 900;
    const rate = (remaining: number) => ({
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(remaining),
      'x-rate-limit-reset': String(
        Math.floor((options.now() + (options.windowMs ?? 15 * 60_000)) / 1000),
      ),
    });
    switch (kind) {
      case 'rate-limited':
        return tooManyRequests(rate(0));
      case 'daily-cap':
        return tooManyRequests({ ...rate(limit - 1), ...caps.exhausted() });
      case 'usage-capped':
        return usageCapped(rate(limit - 1));
      case 'client-forbidden':
        return clientForbidden();
      case 'dm-forbidden':
        return directMessageForbidden();
    }
  };
  return Object.assign(handler, { faultAnswer });
}

function checkIdParam(id: string): EmuResponse | null {
  if (/^[0-9]{1,19}$/.test(id)) return null;
  return invalidRequest([
    {
      parameters: { id: [id] },
      message: `The \`id\` query parameter value [${id}] does not match ^[0-9]{1,19}$`,
    },
  ]);
}

function userAnswer(
  store: XStore,
  user: XUser | null,
  ctx: XContext,
  value: string,
  parameter: 'id' | 'username' = 'id',
): EmuResponse {
  const query = parseUserQuery(ctx.req.query, USER_LOOKUP_PARAMETERS);
  if (Array.isArray(query)) return invalidRequest(query);
  if (!user) return xJson({ errors: [notFoundError('user', parameter, value)] });
  const body: Record<string, unknown> = { data: renderUser(store, user, query.userFields) };
  if (query.expansions.has('most_recent_tweet_id')) {
    const recent = store.mostRecentTweetId(user.id);
    const tweet = recent === null ? null : store.tweet(recent);
    if (tweet) body.includes = { tweets: [renderTweet(store, tweet, query.tweetFields)] };
  }
  return xJson(body);
}

function timelineAnswer(
  store: XStore,
  ctx: XContext,
  allowed: readonly string[],
  timeline: (user: XUser) => [tweets: ReturnType<XStore['tweetsBy']>, cap: number],
): EmuResponse {
  const id = ctx.params.id!;
  const invalidId = checkIdParam(id);
  if (invalidId) return invalidId;
  const query = parseTimelineQuery(ctx.req.query, allowed);
  if (Array.isArray(query)) return invalidRequest(query);
  const user = store.user(id);
  if (!user) return xJson({ errors: [notFoundError('user', 'id', id)] });
  const [tweets, cap] = timeline(user);
  const page = pageTimeline(tweets, cap, query);
  if (page.items.length === 0) return xJson({ meta: { result_count: 0 } });
  const { includes, errors } = expandTweets(store, page.items, query);
  const meta: Record<string, unknown> = {
    result_count: page.items.length,
    newest_id: page.items[0]!.id,
    oldest_id: page.items[page.items.length - 1]!.id,
  };
  if (page.nextToken !== null) meta.next_token = page.nextToken;
  if (page.previousToken !== null) meta.previous_token = page.previousToken;
  return xJson({
    data: page.items.map((t) => renderTweet(store, t, query.tweetFields)),
    ...(includes ? { includes } : {}),
    ...(errors ? { errors } : {}),
    meta,
  });
}

function tweetAnswer(store: XStore, ctx: XContext): EmuResponse {
  const id = ctx.params.id!;
  const invalidId = checkIdParam(id);
  if (invalidId) return invalidId;
  const query = parseTimelineQuery(ctx.req.query, [
    'id',
    'expansions',
    'tweet.fields',
    'user.fields',
    'media.fields',
    'poll.fields',
    'place.fields',
  ]);
  if (Array.isArray(query)) return invalidRequest(query);
  const tweet = store.tweet(id);
  if (!tweet) return xJson({ errors: [notFoundError('tweet', 'id', id)] });
  const { includes, errors } = expandTweets(store, [tweet], query);
  return xJson({
    data: renderTweet(store, tweet, query.tweetFields),
    ...(includes ? { includes } : {}),
    ...(errors ? { errors } : {}),
  });
}
