import { Agent as HttpAgent } from 'node:http';
import {
  ApiPartialResponseError,
  ApiRequestError,
  ApiResponseError,
  TwitterApi,
} from 'twitter-api-v2';
import type { IClientSettings, TweetV2, UserV2 } from 'twitter-api-v2';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  PlatformError,
  networkTrouble,
  unreachable,
} from '../platform-error';
import { servedShape, textShape } from './x-text';

export const X_DEFAULT_BASE_URL = 'https://api.x.com';
/** How often an account held by X's monthly usage cap looks again (X dates no end to it). */
export const USAGE_CAP_RECHECK_MS = 24 * 60 * 60_000;
const LIBRARY_PREFIX = 'https://api.x.com/';

export const TWEET_FIELDS = [
  'created_at',
  'lang',
  'conversation_id',
  'referenced_tweets',
  'in_reply_to_user_id',
  'entities',
  'public_metrics',
  'author_id',
];
export const USER_FIELDS = ['username', 'name', 'verified', 'public_metrics', 'profile_image_url'];
export const EXPANSIONS = ['author_id', 'referenced_tweets.id'];

export interface XPage {
  /** The endpoint's rate window after this call (from the x-rate-limit-* headers). */
  rateLimit?: { limit: number; remaining: number; reset: number };
  data?: TweetV2[];
  includes?: { users?: UserV2[]; tweets?: TweetV2[] };
  meta?: { result_count: number; newest_id?: string; oldest_id?: string; next_token?: string };
}

export type XTimeline = 'mentions' | 'tweets';

/** A direct message event, as `dm_events` serves it with the fields asked for here. */
interface DmEvent {
  id: string;
  text?: string;
  sender_id?: string;
  created_at?: string;
}

export interface XClientOptions {
  /** How long a call may take, answer included (default `DEFAULT_REQUEST_TIMEOUT_MS`). */
  timeoutMs?: number;
}

/**
 * twitter-api-v2 settings that send its calls to `baseUrl`. The library's hosts are fixed, so a
 * plugin rewrites each request onto the configured base URL (the emulator's, in demo mode and tests).
 * The library has no deadline of its own: each request carries a signal that aborts it after
 * `timeoutMs`, so a stalled call ends as a transient error instead of hanging.
 */
export function xLibrarySettings(
  baseUrl: string,
  options: XClientOptions = {},
): Partial<IClientSettings> {
  const base = `${baseUrl.replace(/\/+$/, '')}/`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return {
    plugins: [
      {
        onBeforeRequestConfig({ params }) {
          const url = String(params.url);
          // The library sends JSON bodies only to paths it recognizes as v2: keep that once moved.
          if (
            url.startsWith(`${LIBRARY_PREFIX}2/`) &&
            !url.startsWith(`${LIBRARY_PREFIX}2/oauth2/`)
          ) {
            params.forceBodyMode ??= 'json';
          }
          params.url = url.replace(LIBRARY_PREFIX, base);
        },
        onBeforeRequest({ requestOptions }) {
          requestOptions.signal = AbortSignal.timeout(timeoutMs);
        },
      },
    ],
    // The library always calls https.request; an http: base (loopback emulator) needs an http agent.
    ...(base.startsWith('http:') ? { httpAgent: new HttpAgent({ keepAlive: true }) } : {}),
  };
}

/**
 * The X API v2 calls sync needs, through twitter-api-v2. The library's hosts are fixed, so a plugin
 * rewrites each request onto the configured base URL (the emulator's, in demo mode and tests).
 */
export class XClient {
  private readonly api: TwitterApi;
  private readonly timeoutMs: number;

  constructor(token: string, baseUrl: string = X_DEFAULT_BASE_URL, options: XClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.api = new TwitterApi(token, xLibrarySettings(baseUrl, { timeoutMs: this.timeoutMs }));
  }

  /** The account the token belongs to. */
  async me(): Promise<UserV2> {
    return this.call(
      async () => (await this.api.v2.me({ 'user.fields': USER_FIELDS.join(',') })).data,
    );
  }

  /** One page of an account's mentions or own tweets, newest first. */
  async timelinePage(
    timeline: XTimeline,
    userId: string,
    options: { sinceId?: string | null; paginationToken?: string | null },
  ): Promise<XPage> {
    const query: Record<string, string> = {
      max_results: '100',
      'tweet.fields': TWEET_FIELDS.join(','),
      'user.fields': USER_FIELDS.join(','),
      expansions: EXPANSIONS.join(','),
    };
    if (options.sinceId) query.since_id = options.sinceId;
    if (options.paginationToken) query.pagination_token = options.paginationToken;
    const path = `users/${encodeURIComponent(userId)}/${timeline}`;
    return this.call(async () => {
      const response = await this.api.v2.get<XPage>(path, query, { fullResponse: true });
      return { ...response.data, ...(response.rateLimit ? { rateLimit: response.rateLimit } : {}) };
    });
  }

  /** Posts a public reply; returns the new tweet's id. */
  async reply(text: string, inReplyToTweetId: string): Promise<string> {
    return this.call(async () => (await this.api.v2.reply(text, inReplyToTweetId)).data.id);
  }

  /** Posts a tweet of the account's own (not a reply); returns its id. */
  async post(text: string): Promise<string> {
    return this.call(async () => (await this.api.v2.tweet(text)).data.id);
  }

  /** Sends a direct message to a user; returns the DM event id. */
  async sendDirectMessage(participantId: string, text: string): Promise<string> {
    return this.call(async () => {
      const path = `dm_conversations/with/${encodeURIComponent(participantId)}/messages`;
      const result = await this.api.v2.post<{ data: { dm_event_id: string } }>(path, { text });
      return result.data.dm_event_id;
    });
  }

  /**
   * The account's own reply to a tweet among its latest tweets, recognised by its structure rather
   * than its exact text (X serves text escaped, with links as t.co): a reply to `inReplyToTweetId`,
   * by the account, made at or after `notBefore` (epoch ms), whose text has the shape of `text`
   * (the same words, links in the same places). How an uncertain send (a crash before the answer
   * came back) is settled without sending twice. The earliest such reply wins.
   */
  async findOwnReply(
    userId: string,
    inReplyToTweetId: string,
    text: string,
    notBefore: number,
  ): Promise<string | null> {
    const page = await this.timelinePage('tweets', userId, {});
    const shape = textShape(text);
    const found = (page.data ?? [])
      .filter(
        (t) =>
          (t.author_id === undefined || t.author_id === userId) &&
          t.referenced_tweets?.some((r) => r.type === 'replied_to' && r.id === inReplyToTweetId) &&
          (t.created_at === undefined || Date.parse(t.created_at) >= notBefore) &&
          servedShape(t) === shape,
      )
      .at(-1);
    return found?.id ?? null;
  }

  /**
   * The account's own direct message with this text to a user, sent at or after `notBefore` (epoch
   * ms), if it exists: how a DM whose answer was lost is settled without sending it twice.
   */
  async findOwnDirectMessage(
    userId: string,
    participantId: string,
    text: string,
    notBefore: number,
  ): Promise<string | null> {
    const path = `dm_conversations/with/${encodeURIComponent(participantId)}/dm_events`;
    const page = await this.call(() =>
      this.api.v2.get<{ data?: DmEvent[] }>(path, {
        'dm_event.fields': 'id,text,sender_id,created_at',
        event_types: 'MessageCreate',
        max_results: '100',
      }),
    );
    const found = (page.data ?? []).find(
      (e) =>
        e.sender_id === userId &&
        e.text === text &&
        e.created_at !== undefined &&
        Date.parse(e.created_at) >= notBefore,
    );
    return found?.id ?? null;
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      throw toPlatformError(err, this.timeoutMs);
    }
  }
}

/**
 * The error under the library's ApiRequestError. Its `requestError` getter reads an option the
 * library never sets (1.29.1 stores it as `error`), so it is undefined: both are looked at.
 */
function requestCause(err: ApiRequestError): unknown {
  const hidden = (err as unknown as { _options?: { error?: unknown } })._options;
  return (err.requestError as unknown) ?? hidden?.error ?? err;
}

/**
 * Maps the library's errors (problem+json bodies, rate-limit headers) to what sync acts on. A call
 * that failed below HTTP (refused, reset, cut off, past `timeoutMs`) is transient.
 */
export function toPlatformError(err: unknown, timeoutMs?: number): PlatformError {
  if (err instanceof ApiResponseError) {
    const body = err.data as { title?: string; detail?: string; type?: string } | undefined;
    const what = body?.detail ?? body?.title ?? `HTTP ${err.code}`;
    const problem = body?.type ?? '';
    if (err.code === 429 && problem.endsWith('/usage-capped')) {
      // The plan's monthly cap: X dates no end (it comes with the billing month), so look again daily.
      return new PlatformError(
        'rate_limited',
        `X monthly usage cap of this app reached: ${what}`,
        null,
        429,
        USAGE_CAP_RECHECK_MS,
        'usage-cap',
      );
    }
    if (err.code === 429 || err.rateLimitError) {
      const daily = [err.rateLimit?.userDay, err.rateLimit?.day].find((d) => d?.remaining === 0);
      if (daily) {
        return new PlatformError(
          'rate_limited',
          `X 24-hour posting limit reached: ${what}`,
          new Date(daily.reset * 1000),
          err.code,
          null,
          'daily-cap',
        );
      }
      const reset = err.rateLimit?.reset;
      // Without a reset header, X's windows are 15 minutes long.
      return new PlatformError(
        'rate_limited',
        `X rate limit reached: ${what}`,
        reset ? new Date(reset * 1000) : null,
        err.code,
        reset ? null : 15 * 60_000,
      );
    }
    if (err.code === 401)
      return new PlatformError('expired', `X refused the token: ${what}`, null, 401);
    if (err.code === 403 && problem.endsWith('/client-forbidden')) {
      return new PlatformError(
        'revoked',
        `X refused this app access (client-forbidden): reconnect the account and grant the access asked. ${what}`,
        null,
        403,
        null,
        'permissions',
      );
    }
    if (err.code >= 500)
      return new PlatformError('transient', `X server error: ${what}`, null, err.code);
    return new PlatformError('rejected', `X rejected the request: ${what}`, null, err.code);
  }
  if (err instanceof ApiRequestError) return unreachable('X', requestCause(err), timeoutMs);
  if (err instanceof ApiPartialResponseError) {
    // The answer started and was cut off (or was not JSON): the call may have been carried out.
    return new PlatformError('transient', `X answer was cut off: ${err.message}`);
  }
  if (err instanceof PlatformError) return err;
  if (networkTrouble(err)) return unreachable('X', err, timeoutMs);
  return new PlatformError('transient', `X call failed: ${(err as Error)?.message ?? String(err)}`);
}
