import { createHmac } from 'node:crypto';
import { NEWEST_GRAPH_VERSION } from '../../../shared/graph-versions';
import { DEFAULT_REQUEST_TIMEOUT_MS, PlatformError, unreachable } from '../platform-error';

export const GRAPH_DEFAULT_BASE_URL = 'https://graph.facebook.com';
/** The newest version Meta lists as available; configurable (`graphVersion`). */
export const GRAPH_DEFAULT_VERSION = NEWEST_GRAPH_VERSION;

export interface GraphErrorBody {
  error?: {
    message?: string;
    type?: string;
    code?: number;
    error_subcode?: number;
    fbtrace_id?: string;
  };
}

export interface GraphList<T> {
  data: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string; previous?: string };
}

export interface GraphPagePost {
  id: string;
  message?: string;
  created_time: string;
  /** Moves when the post is edited or someone comments on it. */
  updated_time?: string;
  permalink_url?: string;
  /** With `comments.filter(stream).limit(0).summary(true)` in `fields`. */
  comments?: { summary?: { total_count?: number } };
}

export interface GraphComment {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string; name: string };
  parent?: { id: string };
  permalink_url?: string;
  application?: { id: string; name: string; link?: string };
  is_hidden?: boolean;
  can_reply_privately?: boolean;
  /** A photo, sticker or link shown with the comment. */
  attachment?: {
    type?: string;
    url?: string;
    target?: { url?: string };
    media?: { image?: { src?: string } };
  };
}

/**
 * Graph codes that mean "slow down": app (4), user (17), Page (32), app limit (341), custom (613),
 * and the Business Use Case limits (80000 to 80014; 80001 for Pages)
 * (developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613]);
const isRateLimit = (code: number) =>
  RATE_LIMIT_CODES.has(code) || (code >= 80000 && code <= 80014);
/** Permission errors: 10 and 200 to 299 (developers.facebook.com/docs/graph-api/guides/error-handling). */
const isPermission = (code: number) => code === 10 || (code >= 200 && code <= 299);
/** Empty pages with `next` followed in a row before the list is given up for the pass. */
const MAX_EMPTY_PAGES_IN_A_ROW = 50;
/** When Graph says nothing about the time to regain access: its throttling windows are an hour. */
const UNDATED_THROTTLE_MS = 60 * 60_000;
/** Code 190 subcodes that say the user or Facebook took the app's access away. */
const REVOKED_SUBCODES = new Set([458, 459, 460, 464]);

/**
 * A small typed Graph API client over fetch. The base URL and version are configuration, so the same
 * code talks to graph.facebook.com or to the emulator. The token travels in a header, never in a URL.
 */
export class GraphClient {
  private readonly root: string;
  /** The highest share (0–100) of any Graph rate budget in use, from the last answer's headers. */
  usage = 0;
  /** When the platform says how long until a business-use-case budget is back, in minutes. */
  regainMinutes = 0;

  private readonly proof: string | null;

  constructor(
    private readonly token: string,
    baseUrl: string = GRAPH_DEFAULT_BASE_URL,
    version: string = GRAPH_DEFAULT_VERSION,
    options: { appSecret?: string | null; timeoutMs?: number } = {},
  ) {
    this.root = `${baseUrl.replace(/\/+$/, '')}/${version}/`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    // Graph's appsecret_proof: proves the call comes from the app's server, not a leaked token alone.
    this.proof = options.appSecret
      ? createHmac('sha256', options.appSecret).update(token).digest('hex')
      : null;
  }

  private readonly timeoutMs: number;

  get<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
    const url = new URL(path.replace(/^\/+/, ''), this.root);
    for (const [k, v] of Object.entries(params))
      if (v !== undefined) url.searchParams.set(k, String(v));
    return this.request<T>(url.toString());
  }

  /**
   * A write (`POST /{id}/{edge}`) with a JSON body. `permission`: the one the write needs, named
   * when Graph refuses it without saying which of several is missing.
   */
  post<T>(
    path: string,
    body: Record<string, unknown>,
    options: { permission?: string } = {},
  ): Promise<T> {
    const url = new URL(path.replace(/^\/+/, ''), this.root);
    return this.request<T>(url.toString(), {
      method: 'POST',
      body: JSON.stringify(body),
      ...(options.permission ? { permission: options.permission } : {}),
    });
  }

  /**
   * Every item of a list, page by page, following `paging.next`. The next page is requested while
   * the caller works on the current one, so storing and fetching overlap.
   */
  async *list<T>(
    path: string,
    params: Record<string, string | number | undefined>,
  ): AsyncGenerator<T[], void, void> {
    let page = await this.get<GraphList<T>>(path, params);
    let emptyInARow = 0;
    for (;;) {
      // A page may come back empty and still have `next` (Graph drops what it may not show after
      // cutting the page): only the absence of `next` ends the list.
      const next = page.paging?.next;
      if (next && !next.startsWith(this.root)) {
        throw new PlatformError('rejected', 'Graph paging link points outside the configured host');
      }
      // A list that answers nothing but empty pages for long is given up for this pass.
      emptyInARow = page.data.length === 0 ? emptyInARow + 1 : 0;
      if (next && emptyInARow > MAX_EMPTY_PAGES_IN_A_ROW) {
        throw new PlatformError('transient', 'Graph kept answering empty pages with a next link');
      }
      const pending = next ? this.request<GraphList<T>>(next) : null;
      // Settled here if the caller stops early; its error is seen when it is awaited.
      pending?.catch(() => undefined);
      yield page.data;
      if (!pending) return;
      page = await pending;
    }
  }

  private readUsage(headers: Headers): void {
    const { usage, regainMinutes } = usageOf(headers);
    this.usage = usage;
    this.regainMinutes = regainMinutes;
  }

  private async request<T>(
    rawUrl: string,
    { permission, ...init }: { method?: string; body?: string; permission?: string } = {},
  ): Promise<T> {
    const url = new URL(rawUrl);
    if (this.proof) url.searchParams.set('appsecret_proof', this.proof);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        ...init,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
        // The deadline covers the answer's body too: a stalled or cut-off answer is transient.
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      this.readUsage(response.headers);
      text = await response.text();
    } catch (err) {
      throw unreachable('Facebook', err, this.timeoutMs);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PlatformError(
        response.status >= 500 ? 'transient' : 'rejected',
        `Facebook answered HTTP ${response.status} without JSON`,
        null,
        response.status,
      );
    }
    const error = (body as GraphErrorBody).error;
    if (!response.ok || error) throw graphError(response, error, this.regainMinutes, permission);
    return body as T;
  }
}

/** The largest percentage in Graph's usage headers (app, Page, business use case). */
export function usageOf(headers: Headers): { usage: number; regainMinutes: number } {
  let usage = 0;
  let regainMinutes = 0;
  const take = (value: unknown) => {
    if (value == null || typeof value !== 'object') return;
    for (const key of ['call_count', 'total_cputime', 'total_time']) {
      const n = Number((value as Record<string, unknown>)[key]);
      if (Number.isFinite(n)) usage = Math.max(usage, n);
    }
    const regain = Number((value as Record<string, unknown>).estimated_time_to_regain_access);
    if (Number.isFinite(regain)) regainMinutes = Math.max(regainMinutes, regain);
  };
  for (const name of ['x-app-usage', 'x-page-usage', 'x-business-use-case-usage']) {
    const raw = headers.get(name);
    if (!raw) continue;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (name === 'x-business-use-case-usage' && parsed && typeof parsed === 'object') {
        for (const entries of Object.values(parsed))
          if (Array.isArray(entries)) entries.forEach(take);
      } else {
        take(parsed);
      }
    } catch {
      // A malformed header says nothing about usage.
    }
  }
  return { usage, regainMinutes };
}

/** The permission a Graph refusal names (`pages_manage_posts`...), preferring `expected`. */
export function permissionNamed(message: string, expected?: string): string | null {
  const named = [...new Set(message.match(/\b(?:pages|public|business|read|publish)_[a-z_]+\b/g))];
  if (expected && (named.length === 0 || named.includes(expected))) return expected;
  return named[0] ?? null;
}

/**
 * A Graph error as sync and the outbox act on it. A throttle pauses until the Business Use Case's
 * `estimated_time_to_regain_access` (`regainMinutes`, from the answer's headers) when Graph gives
 * one, else for an hour.
 */
export function graphError(
  response: Response,
  error: GraphErrorBody['error'],
  regainMinutes = 0,
  expectedPermission?: string,
): PlatformError {
  const code = error?.code ?? 0;
  const what = `${error?.message ?? `HTTP ${response.status}`} (code ${code}${
    error?.error_subcode ? `, subcode ${error.error_subcode}` : ''
  })`;
  if (code === 190) {
    const revoked = REVOKED_SUBCODES.has(error?.error_subcode ?? 0);
    return new PlatformError(
      revoked ? 'revoked' : 'expired',
      `Facebook refused the token: ${what}`,
      null,
      response.status,
    );
  }
  if (isRateLimit(code) || response.status === 429) {
    return new PlatformError(
      'rate_limited',
      `Facebook rate limit reached: ${what}`,
      null,
      response.status,
      regainMinutes > 0 ? regainMinutes * 60_000 : UNDATED_THROTTLE_MS,
    );
  }
  if (isPermission(code)) {
    const permission = permissionNamed(error?.message ?? '', expectedPermission);
    return new PlatformError(
      'permission',
      `Facebook refused a permission the token lacks${permission ? ` (${permission})` : ''}: ${what}`,
      null,
      response.status,
      null,
      null,
      permission,
    );
  }
  if (response.status >= 500 || code === 1 || code === 2) {
    return new PlatformError('transient', `Facebook server error: ${what}`, null, response.status);
  }
  return new PlatformError(
    'rejected',
    `Facebook rejected the request: ${what}`,
    null,
    response.status,
  );
}
