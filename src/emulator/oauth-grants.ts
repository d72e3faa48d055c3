import { randomBytes } from 'node:crypto';

export type OAuthPlatform = 'x' | 'facebook';

/**
 * One authorisation a user gave an app (a consent screen approved and its code exchanged). Every
 * token issued under it lives and dies with it: revoking one X token, deleting the Facebook
 * permissions or removing the app in the platform's settings ends the grant.
 */
export interface Grant {
  platform: OAuthPlatform;
  /** The X account or the Facebook admin who consented. */
  userId: string;
  /** X client id, Facebook app id. */
  clientId: string;
  scopes: string[];
  issuedMs: number;
  /** X: refresh-token exchanges; Facebook: exchanges for a long-lived token. */
  refreshed: number;
  revoked: boolean;
}

/** A grant as tests and the admin endpoint see it: no token values. */
export interface GrantSummary {
  platform: OAuthPlatform;
  userId: string;
  clientId: string;
  scopes: string[];
  /** When the grant was made, epoch ms on the emulator's clock. */
  issued: number;
  refreshed: number;
  revoked: boolean;
}

/** `access`: X access or Facebook user token; `refresh`: X refresh token; `page`: Facebook Page token. */
export type TokenKind = 'access' | 'refresh' | 'page';

export interface IssuedToken {
  value: string;
  kind: TokenKind;
  grant: Grant;
  issuedMs: number;
  /** Null: never expires (refresh tokens, Page tokens from a long-lived user token). */
  expiresAtMs: number | null;
  /** Page tokens: the Page it opens. */
  pageId?: string;
  /** Facebook user tokens obtained with `fb_exchange_token`. */
  longLived?: boolean;
}

export type TokenState = 'valid' | 'expired' | 'revoked';

/** A random base64url string of `bytes` random bytes, as token and code bodies. */
export const randomPart = (bytes: number) => randomBytes(bytes).toString('base64url');

/** Every grant and OAuth-issued token of both platforms, on the emulator's clock. */
export class GrantBook {
  private readonly grants: Grant[] = [];
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly now: () => number) {}

  open(platform: OAuthPlatform, userId: string, clientId: string, scopes: string[]): Grant {
    const grant: Grant = {
      platform,
      userId,
      clientId,
      scopes,
      issuedMs: this.now(),
      refreshed: 0,
      revoked: false,
    };
    this.grants.push(grant);
    return grant;
  }

  /** Records a token under a grant; `lifetimeMs` null: it never expires. */
  issue(
    grant: Grant,
    kind: TokenKind,
    value: string,
    lifetimeMs: number | null,
    extra: { pageId?: string; longLived?: boolean; expiresAtMs?: number | null } = {},
  ): IssuedToken {
    const issuedMs = this.now();
    const { expiresAtMs, ...rest } = extra;
    const token: IssuedToken = {
      value,
      kind,
      grant,
      issuedMs,
      expiresAtMs:
        expiresAtMs !== undefined
          ? expiresAtMs
          : lifetimeMs === null
            ? null
            : issuedMs + lifetimeMs,
      ...rest,
    };
    this.tokens.set(value, token);
    return token;
  }

  /** A token the emulator issued and has not forgotten, whatever its state. */
  find(value: string): IssuedToken | null {
    return this.tokens.get(value) ?? null;
  }

  /** Revoked (its grant ended) wins over expired, as the platforms report it. */
  state(token: IssuedToken): TokenState {
    if (token.grant.revoked) return 'revoked';
    if (token.expiresAtMs !== null && this.now() >= token.expiresAtMs) return 'expired';
    return 'valid';
  }

  /** Makes a single token unknown from now on (a spent refresh token, `revokeToken`). */
  forget(value: string): boolean {
    return this.tokens.delete(value);
  }

  /** Ends a grant: all its tokens stop working. False when it had already ended. */
  end(grant: Grant): boolean {
    if (grant.revoked) return false;
    grant.revoked = true;
    return true;
  }

  /** Ends every live grant of a user (for one app when `clientId` is given); returns how many. */
  endAll(platform: OAuthPlatform, userId: string, clientId?: string): number {
    let ended = 0;
    for (const grant of this.grants)
      if (
        grant.platform === platform &&
        grant.userId === userId &&
        (clientId === undefined || grant.clientId === clientId) &&
        this.end(grant)
      )
        ended++;
    return ended;
  }

  list(): GrantSummary[] {
    return this.grants.map((g) => ({
      platform: g.platform,
      userId: g.userId,
      clientId: g.clientId,
      scopes: [...g.scopes],
      issued: g.issuedMs,
      refreshed: g.refreshed,
      revoked: g.revoked,
    }));
  }
}
