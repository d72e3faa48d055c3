import { TwitterApi } from 'twitter-api-v2';
import { toPlatformError, X_DEFAULT_BASE_URL, xLibrarySettings } from '../connectors/x/x-client';
import { PlatformError } from '../connectors/platform-error';
import { credentialFrom } from './credential';
import type { Credential } from './credential';
import { systemClock } from '../time/clock';
import type { Clock } from '../time/clock';

export const X_DEFAULT_WEB_URL = 'https://x.com';
/** What the inbox does on X: read mentions and the brand's tweets, reply, send DMs, stay connected. */
export const X_SCOPES = [
  'tweet.read',
  'users.read',
  'tweet.write',
  'dm.read',
  'dm.write',
  'offline.access',
] as const;
const LIBRARY_WEB_ORIGIN = 'https://x.com';

export interface XOAuthConfig {
  clientId: string;
  /** Only for a confidential app; a desktop app is a public client and has none. */
  clientSecret?: string | null;
  apiBaseUrl?: string;
  /** Where the authorize page lives (https://x.com, or the emulator's `/x-web`). */
  webBaseUrl?: string;
  /** Dates when the tokens end. */
  clock?: Clock;
}

/**
 * X's OAuth 2.0 Authorization Code flow with PKCE through twitter-api-v2: the authorize link, the
 * code exchange, refresh (X rotates the refresh token each time) and revocation.
 */
export class XOAuth {
  private readonly app: TwitterApi;

  constructor(private readonly config: XOAuthConfig) {
    this.app = new TwitterApi(
      {
        clientId: config.clientId,
        ...(config.clientSecret ? { clientSecret: config.clientSecret } : {}),
      },
      xLibrarySettings(config.apiBaseUrl ?? X_DEFAULT_BASE_URL),
    );
  }

  /** The page to open in the user's browser, with the `state` and PKCE verifier to keep. */
  authorizeLink(
    redirectUri: string,
    state: string,
  ): { url: string; state: string; codeVerifier: string } {
    const link = this.app.generateOAuth2AuthLink(redirectUri, { scope: [...X_SCOPES], state });
    const web = (this.config.webBaseUrl ?? X_DEFAULT_WEB_URL).replace(/\/+$/, '');
    const url = link.url.startsWith(LIBRARY_WEB_ORIGIN)
      ? web + link.url.slice(LIBRARY_WEB_ORIGIN.length)
      : link.url;
    return { url, state: link.state, codeVerifier: link.codeVerifier };
  }

  async exchange(code: string, codeVerifier: string, redirectUri: string): Promise<Credential> {
    const result = await this.call(() =>
      this.app.loginWithOAuth2({ code, codeVerifier, redirectUri }),
    );
    return credentialFrom(result, (this.config.clock ?? systemClock).now());
  }

  /** New tokens for a refresh token; the old refresh token is spent. */
  async refresh(refreshToken: string): Promise<Credential> {
    const result = await this.call(() => this.app.refreshOAuth2Token(refreshToken));
    return credentialFrom(result, (this.config.clock ?? systemClock).now());
  }

  /** Ends the grant on X's side (best effort: the local entry is deleted whatever X says). */
  async revoke(token: string, kind: 'access_token' | 'refresh_token'): Promise<void> {
    await this.call(() => this.app.revokeOAuth2Token(token, kind));
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      const e = toPlatformError(err);
      // The token endpoint answers a spent or revoked code/refresh token with 400 invalid_request.
      if (e.kind === 'rejected' && e.status === 400)
        return Promise.reject(
          new PlatformError('revoked', `X refused the grant: ${e.message}`, null, 400),
        );
      throw e;
    }
  }
}
