import {
  appNotAuthorized,
  badParameter,
  codeExpired,
  codeRedirectMismatch,
  codeUsed,
  invalidAppId,
  invalidAppToken,
  invalidClientSecret,
  invalidCodeFormat,
  invalidToken,
  missingClientId,
  missingToken,
  sessionExpired,
} from './graph-errors';
import { SCENARIO_PAGE_SCOPES } from './graph-permissions';
import type { GraphStore } from './graph-store';
import { randomToken } from './ids';
import type { GrantBook, IssuedToken } from './oauth-grants';
import type { FacebookAdmin, Scenario } from './scenario';

/**
 * Facebook Login on the Graph side: `/oauth/access_token` turns a dialog's code into a short-lived
 * user token and a user token into a long-lived one, `debug_token` describes a token, and OAuth
 * tokens are checked here (a grant ended → 190/458, a token expired → 190/463).
 */

export const SHORT_LIVED_TOKEN_SECONDS = 5400;
export const FACEBOOK_CODE_LIFETIME_MS = 10 * 60_000;
/** Facebook keeps an app's data access for 90 days after the person last granted it. */
const DATA_ACCESS_MS = 90 * 86_400_000;

type FacebookConfig = Scenario['facebook'];

/** Who a Graph token speaks for: a Page, or a person logged in with Facebook. */
export type GraphCaller =
  | { kind: 'page'; pageId: string; scopes: readonly string[] }
  | { kind: 'user'; admin: FacebookAdmin; token: IssuedToken };

interface PendingCode {
  adminId: string;
  scopes: string[];
  redirectUri: string;
  issuedMs: number;
  used: boolean;
}

const seconds = (ms: number) => Math.floor(ms / 1000);
/** Graph user and Page tokens start with `EAA` and go on in letters and digits. */
const graphToken = () => `EAA${randomToken(150)}`;

export class GraphOAuth {
  private readonly codes = new Map<string, PendingCode>();
  /** The Page tokens a user token handed out, so `/me/accounts` gives the same ones again. */
  private readonly pageTokens = new Map<string, string>();

  constructor(
    private readonly facebook: FacebookConfig,
    private readonly grants: GrantBook,
    private readonly store: GraphStore,
    private readonly now: () => number,
  ) {}

  get appId(): string | null {
    return this.facebook.app_id ?? null;
  }

  get appName(): string {
    return this.facebook.app_name ?? `App ${this.facebook.app_id ?? ''}`.trim();
  }

  get redirectUris(): readonly string[] {
    return this.facebook.redirect_uris;
  }

  get admins(): readonly FacebookAdmin[] {
    return this.facebook.admins;
  }

  admin(id: string): FacebookAdmin | null {
    return this.facebook.admins.find((a) => a.id === id) ?? null;
  }

  /** The code the dialog sends back; Facebook always adds `public_profile` to what was asked. */
  issueCode(adminId: string, scopes: string[], redirectUri: string): string {
    const code = `AQ${randomToken(300)}`;
    this.codes.set(code, {
      adminId,
      scopes: [...new Set([...scopes, 'public_profile'])],
      redirectUri,
      issuedMs: this.now(),
      used: false,
    });
    return code;
  }

  /** `GET|POST /oauth/access_token`: a code or (`fb_exchange_token`) a user token for a token. */
  accessToken(param: (name: string) => string | null): unknown {
    this.checkClient(param('client_id'), param('client_secret'));
    const grantType = param('grant_type');
    if (grantType === 'fb_exchange_token') return this.exchange(param('fb_exchange_token'));
    if (grantType !== null && grantType !== 'authorization_code')
      throw badParameter(`Unsupported grant_type: ${grantType}`);
    const value = param('code');
    const code = value === null ? undefined : this.codes.get(value);
    if (!code) throw invalidCodeFormat();
    if (code.used) throw codeUsed();
    if (this.now() - code.issuedMs > FACEBOOK_CODE_LIFETIME_MS) throw codeExpired();
    if (param('redirect_uri') !== code.redirectUri) throw codeRedirectMismatch();
    code.used = true;
    const grant = this.grants.open('facebook', code.adminId, this.appId!, code.scopes);
    const token = this.grants.issue(
      grant,
      'access',
      graphToken(),
      SHORT_LIVED_TOKEN_SECONDS * 1000,
    );
    return {
      access_token: token.value,
      token_type: 'bearer',
      expires_in: SHORT_LIVED_TOKEN_SECONDS,
    };
  }

  /** The client id must be the app's; the secret too when the scenario gives one. */
  private checkClient(clientId: string | null, secret: string | null): void {
    if (clientId === null || clientId === '') throw missingClientId();
    if (this.appId === null || clientId !== this.appId) throw invalidAppId();
    const expected = this.facebook.app_secret;
    if (secret === null || secret === '' || (expected !== undefined && secret !== expected))
      throw invalidClientSecret();
  }

  /** A long-lived user token for a valid user token of the same grant; counted as a refresh. */
  private exchange(value: string | null): unknown {
    const token = value === null ? null : this.grants.find(value);
    if (!token || token.kind !== 'access' || token.grant.platform !== 'facebook')
      throw invalidToken();
    this.check(token);
    token.grant.refreshed += 1;
    const lifetime = this.facebook.long_lived_token_seconds;
    const longLived = this.grants.issue(token.grant, 'access', graphToken(), lifetime * 1000, {
      longLived: true,
    });
    return { access_token: longLived.value, token_type: 'bearer', expires_in: lifetime };
  }

  /** Throws the error Graph gives for a token whose grant ended or whose time is up. */
  private check(token: IssuedToken): void {
    const state = this.grants.state(token);
    if (state === 'revoked') throw appNotAuthorized(this.appId ?? '');
    if (state === 'expired') throw sessionExpired(token.expiresAtMs!, this.now());
  }

  /** The caller behind an OAuth-issued token; null for a token the emulator did not issue. */
  caller(value: string): GraphCaller | null {
    const token = this.grants.find(value);
    if (!token || token.grant.platform !== 'facebook') return null;
    this.check(token);
    if (token.kind === 'page')
      return { kind: 'page', pageId: token.pageId!, scopes: token.grant.scopes };
    const admin = this.admin(token.grant.userId);
    return admin ? { kind: 'user', admin, token } : null;
  }

  /** A Page token through a user token: never expiring from a long-lived one, else ending with it. */
  pageToken(userToken: IssuedToken, pageId: string): string {
    const key = `${userToken.value}|${pageId}`;
    const known = this.pageTokens.get(key);
    if (known !== undefined && this.grants.find(known)) return known;
    const token = this.grants.issue(userToken.grant, 'page', graphToken(), null, {
      pageId,
      expiresAtMs: userToken.longLived ? null : userToken.expiresAtMs,
    });
    this.pageTokens.set(key, token.value);
    return token.value;
  }

  /** `DELETE /me/permissions`: the person removes the app, ending every grant they gave it. */
  deauthorize(adminId: string): number {
    return this.grants.endAll('facebook', adminId, this.appId ?? undefined);
  }

  /**
   * `GET /debug_token?input_token=...`: called with the app token `{app-id}|{app-secret}` (or a
   * valid user token of the app). An invalid input token is described, not refused.
   */
  debugToken(param: (name: string) => string | null, accessToken: string | null): unknown {
    if (accessToken === null) throw missingToken();
    if (!this.isAppToken(accessToken)) {
      if (accessToken.includes('|')) throw invalidAppToken();
      const caller = this.caller(accessToken);
      if (caller?.kind !== 'user') throw invalidToken();
    }
    const input = param('input_token');
    if (input === null || input === '') throw badParameter('The parameter input_token is required');
    return { data: this.describe(input) };
  }

  private isAppToken(value: string): boolean {
    const bar = value.indexOf('|');
    if (bar < 0 || this.appId === null) return false;
    const secret = this.facebook.app_secret;
    return (
      value.slice(0, bar) === this.appId &&
      (secret === undefined ? bar < value.length - 1 : value.slice(bar + 1) === secret)
    );
  }

  private describe(value: string): Record<string, unknown> {
    const nowMs = this.now();
    const app = { app_id: this.appId ?? '', application: this.appName };
    const token = this.grants.find(value);
    if (token && token.grant.platform === 'facebook') {
      const { grant } = token;
      const state = this.grants.state(token);
      const admin = this.admin(grant.userId);
      const error =
        state === 'revoked'
          ? appNotAuthorized(this.appId ?? '')
          : state === 'expired'
            ? sessionExpired(token.expiresAtMs!, nowMs)
            : null;
      return {
        app_id: app.app_id,
        type: token.kind === 'page' ? 'PAGE' : 'USER',
        application: app.application,
        data_access_expires_at: seconds(grant.issuedMs + DATA_ACCESS_MS),
        ...(error
          ? {
              error: {
                code: error.code,
                message: error.message,
                subcode: error.extra.error_subcode,
              },
            }
          : {}),
        expires_at: token.expiresAtMs === null ? 0 : seconds(token.expiresAtMs),
        is_valid: state === 'valid',
        ...(token.longLived ? { issued_at: seconds(token.issuedMs) } : {}),
        ...(token.kind === 'page' ? { profile_id: token.pageId } : {}),
        scopes: [...grant.scopes],
        granular_scopes: grant.scopes
          .filter((s) => s.startsWith('pages_'))
          .map((scope) => ({ scope, target_ids: [...(admin?.page_ids ?? [])] })),
        user_id: grant.userId,
      };
    }
    const pageId = this.store.pageIdForToken(value);
    if (pageId !== null) {
      const admin = this.facebook.admins.find((a) => a.page_ids.includes(pageId));
      return {
        app_id: app.app_id,
        type: 'PAGE',
        application: app.application,
        data_access_expires_at: seconds(nowMs + DATA_ACCESS_MS),
        expires_at: 0,
        is_valid: true,
        profile_id: pageId,
        scopes: this.store.page(pageId)?.scopes ?? SCENARIO_PAGE_SCOPES,
        ...(admin ? { user_id: admin.id } : {}),
      };
    }
    return {
      error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' },
      is_valid: false,
      scopes: [],
    };
  }
}
