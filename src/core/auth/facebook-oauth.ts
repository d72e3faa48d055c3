import {
  GRAPH_DEFAULT_BASE_URL,
  GRAPH_DEFAULT_VERSION,
  GraphClient,
} from '../connectors/facebook/graph-client';
import { graphError } from '../connectors/facebook/graph-client';
import type { GraphErrorBody } from '../connectors/facebook/graph-client';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  PlatformError,
  unreachable,
} from '../connectors/platform-error';
import { systemClock } from '../time/clock';
import type { Clock } from '../time/clock';

export const FACEBOOK_DEFAULT_WEB_URL = 'https://www.facebook.com';
/**
 * Read the Pages' posts and comments, answer them, hide them, send private replies, publish
 * statements on the Page (`POST /{page-id}/feed` needs `pages_manage_posts`), and subscribe the
 * Pages to the app's webhooks (`pages_manage_metadata`).
 */
export const FACEBOOK_PERMISSIONS = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_read_user_content',
  'pages_manage_engagement',
  'pages_manage_posts',
  'pages_manage_metadata',
  'pages_messaging',
] as const;

export interface FacebookOAuthConfig {
  appId: string;
  appSecret: string;
  graphBaseUrl?: string;
  graphVersion?: string;
  /** Where the login dialog lives (https://www.facebook.com, or the emulator's `/facebook-web`). */
  webBaseUrl?: string;
  /** Dates when the tokens end. */
  clock?: Clock;
}

export interface ManagedPage {
  id: string;
  name: string;
  accessToken: string;
}

interface TokenAnswer {
  access_token: string;
  token_type?: string;
  expires_in?: number;
}

/**
 * Facebook Login for Pages: the OAuth dialog, code → user token → long-lived user token
 * (`fb_exchange_token`) → `GET /me/accounts`, whose Page tokens (from a long-lived user token) do
 * not expire. Only the Page tokens are kept.
 */
export class FacebookOAuth {
  private readonly root: string;

  constructor(private readonly config: FacebookOAuthConfig) {
    this.root = `${(config.graphBaseUrl ?? GRAPH_DEFAULT_BASE_URL).replace(/\/+$/, '')}/${config.graphVersion ?? GRAPH_DEFAULT_VERSION}/`;
  }

  dialogUrl(redirectUri: string, state: string): string {
    const web = (this.config.webBaseUrl ?? FACEBOOK_DEFAULT_WEB_URL).replace(/\/+$/, '');
    const url = new URL(`${web}/${this.config.graphVersion ?? GRAPH_DEFAULT_VERSION}/dialog/oauth`);
    url.searchParams.set('client_id', this.config.appId);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('state', state);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', FACEBOOK_PERMISSIONS.join(','));
    return url.toString();
  }

  /** The code from the dialog → a long-lived user token (60 days) and when it ends. */
  async userToken(
    code: string,
    redirectUri: string,
  ): Promise<{ token: string; expiresAt: string | null }> {
    const short = await this.tokenCall({
      client_id: this.config.appId,
      client_secret: this.config.appSecret,
      redirect_uri: redirectUri,
      code,
    });
    const long = await this.tokenCall({
      grant_type: 'fb_exchange_token',
      client_id: this.config.appId,
      client_secret: this.config.appSecret,
      fb_exchange_token: short.access_token,
    });
    return {
      token: long.access_token,
      expiresAt: long.expires_in
        ? new Date((this.config.clock ?? systemClock).now() + long.expires_in * 1000).toISOString()
        : null,
    };
  }

  /** The Pages the user manages, each with its Page token. */
  async pages(userToken: string): Promise<ManagedPage[]> {
    const client = this.client(userToken);
    const pages: ManagedPage[] = [];
    for await (const batch of client.list<{ id: string; name: string; access_token?: string }>(
      'me/accounts',
      { fields: 'id,name,access_token', limit: 100 },
    )) {
      for (const p of batch)
        if (p.access_token) pages.push({ id: p.id, name: p.name, accessToken: p.access_token });
    }
    return pages;
  }

  /** When a Page token stops giving access to data, from `debug_token`; null when it never does. */
  async dataAccessEndsAt(pageToken: string): Promise<string | null> {
    const answer = await this.publicGet<{
      data?: { expires_at?: number; data_access_expires_at?: number };
    }>('debug_token', {
      input_token: pageToken,
      access_token: `${this.config.appId}|${this.config.appSecret}`,
    });
    const ends = [answer.data?.expires_at, answer.data?.data_access_expires_at].filter(
      (t): t is number => typeof t === 'number' && t > 0,
    );
    return ends.length > 0 ? new Date(Math.min(...ends) * 1000).toISOString() : null;
  }

  /** Ends the app's grant for the user (every token it gave), as removing the app would. */
  async revoke(userToken: string): Promise<void> {
    const response = await fetch(new URL('me/permissions', this.root), {
      method: 'DELETE',
      headers: { authorization: `Bearer ${userToken}` },
    });
    if (!response.ok)
      throw graphError(
        response,
        ((await response.json().catch(() => ({}))) as GraphErrorBody).error,
      );
  }

  private client(token: string): GraphClient {
    return new GraphClient(token, this.config.graphBaseUrl, this.config.graphVersion, {
      appSecret: this.config.appSecret,
    });
  }

  private tokenCall(params: Record<string, string>): Promise<TokenAnswer> {
    return this.publicGet<TokenAnswer>('oauth/access_token', params);
  }

  /** A call authenticated by the app itself (its id and secret in the query), not by a user. */
  private async publicGet<T>(path: string, params: Record<string, string>): Promise<T> {
    const url = new URL(path, this.root);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(DEFAULT_REQUEST_TIMEOUT_MS) });
    } catch (err) {
      throw unreachable('Facebook', err, DEFAULT_REQUEST_TIMEOUT_MS);
    }
    const body = (await response.json().catch(() => ({}))) as T & GraphErrorBody;
    if (!response.ok || body.error) {
      const e = graphError(response, body.error);
      // A refused code or app secret is not worth retrying: the user starts again.
      throw e.kind === 'transient' && response.status < 500
        ? new PlatformError('rejected', e.message, null, response.status)
        : e;
    }
    return body;
  }
}
