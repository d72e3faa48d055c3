import { createHash, timingSafeEqual } from 'node:crypto';
import { consentPage, errorPage } from './consent-page';
import type { EmuRequest, EmuResponse } from './http-kit';
import { randomPart } from './oauth-grants';
import type { GrantBook, IssuedToken } from './oauth-grants';
import {
  basicCredentials,
  formParams,
  isAcceptedRedirect,
  redirectTo,
  withQuery,
} from './oauth-kit';
import type { XApp } from './scenario';
import { xJson } from './x-problems';

/**
 * X's OAuth 2.0 with PKCE: the consent page of x.com (`/x-web/i/oauth2/authorize`) and the token
 * and revoke endpoints of api.x.com (`/x/2/oauth2/token`, `/x/2/oauth2/revoke`). Codes live 30 s,
 * access tokens 2 h; refresh tokens come with `offline.access` and rotate at every use.
 */

export const X_ACCESS_TOKEN_SECONDS = 7200;
export const X_CODE_LIFETIME_MS = 30_000;

const SITE = 'X (emulated x.com)';
const AUTHORIZE_PATH = '/x-web/i/oauth2/authorize';

/** What X's consent screen says for the scopes it knows; others are listed by name. */
const SCOPE_TEXT: Record<string, string> = {
  'tweet.read': 'See posts from your timeline, including protected posts',
  'tweet.write': 'Post and repost for you',
  'users.read': 'Any account you can view, including protected accounts',
  'offline.access': 'Stay connected to your account until you revoke access',
  'dm.read': 'See all your Direct Messages',
  'dm.write': 'Send and manage Direct Messages for you',
  'follows.read': 'People who follow you and people you follow',
  'like.read': 'Posts you have liked and likes you can view',
};

export interface XOAuthOptions {
  apps: readonly XApp[];
  /** The scenario's X accounts, the ones a person can sign in as, in scenario order. */
  accounts: ReadonlyArray<{ id: string; username: string }>;
  grants: GrantBook;
  now: () => number;
}

/** A valid authorisation request, as the consent page shows it and its form sends it back. */
interface AuthorizeRequest {
  app: XApp;
  redirectUri: string;
  state: string | null;
  scope: string;
  challenge: string;
  method: 's256' | 'plain';
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  method: 's256' | 'plain';
  scopes: string[];
  userId: string;
  issuedMs: number;
  used: boolean;
}

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** X's tokens look like base64 of `random:ms:1:0:kind:1` (`ac` code, `at` access, `rt` refresh). */
const xToken = (nowMs: number, kind: 'ac' | 'at' | 'rt') =>
  Buffer.from(`${randomPart(32)}:${nowMs}:1:${kind === 'ac' ? 1 : 0}:${kind}:1`).toString(
    'base64url',
  );

const oauthError = (status: number, error: string, description: string) =>
  xJson({ error, error_description: description }, status);
const missing = (name: string) =>
  oauthError(400, 'invalid_request', `Missing required parameter [${name}].`);
const invalidCode = () =>
  oauthError(400, 'invalid_request', 'Value passed for the authorization code was invalid.');
const invalidToken = () =>
  oauthError(400, 'invalid_request', 'Value passed for the token was invalid.');

export class XOAuth {
  private readonly codes = new Map<string, PendingCode>();

  constructor(private readonly options: XOAuthOptions) {}

  /** x.com: `GET` shows the consent page, `POST` is its form coming back. Null for other paths. */
  web(req: EmuRequest): EmuResponse | null {
    if (req.segments.join('/') !== 'i/oauth2/authorize') return null;
    if (req.method === 'GET') return this.showConsent(req.query);
    if (req.method === 'POST')
      return this.decide(formParams({ ...req, query: new URLSearchParams() }));
    return errorPage(
      405,
      SITE,
      'Something went wrong',
      'This page cannot be used that way.',
      req.method,
    );
  }

  /** api.x.com: the token and revoke endpoints; null for any other path (the API proper). */
  api(req: EmuRequest): EmuResponse | null {
    const path = req.segments.join('/');
    if (path !== '2/oauth2/token' && path !== '2/oauth2/revoke') return null;
    if (req.method !== 'POST')
      return xJson({ errors: [{ message: 'Sorry, that page does not exist', code: 34 }] }, 404);
    const params = formParams(req);
    const client = this.authenticate(req, params);
    if ('status' in client) return client;
    return path === '2/oauth2/token' ? this.token(client, params) : this.revoke(client, params);
  }

  /** The X account an OAuth access token acts for, while it is valid; null otherwise. */
  userIdForToken(value: string): string | null {
    const token = this.liveToken(value, 'access');
    return token ? token.grant.userId : null;
  }

  private liveToken(value: string, kind: 'access' | 'refresh'): IssuedToken | null {
    const { grants } = this.options;
    const token = grants.find(value);
    if (!token || token.kind !== kind || token.grant.platform !== 'x') return null;
    return grants.state(token) === 'valid' ? token : null;
  }

  private checkRequest(params: URLSearchParams): Checked<AuthorizeRequest> {
    const clientId = params.get('client_id');
    const app = this.options.apps.find((a) => a.client_id === clientId);
    if (clientId === null || clientId === '') return fail('client_id is missing.');
    if (!app) return fail(`No app has the client_id "${clientId}".`);
    const redirectUri = params.get('redirect_uri');
    if (redirectUri === null || redirectUri === '') return fail('redirect_uri is missing.');
    if (!isAcceptedRedirect(redirectUri, app.redirect_uris))
      return fail(
        `redirect_uri "${redirectUri}" is not a callback URI of ${app.name} nor a loopback URI.`,
      );
    const responseType = params.get('response_type');
    if (responseType !== 'code') return fail('response_type must be "code".');
    const challenge = params.get('code_challenge');
    if (challenge === null || challenge === '')
      return fail('code_challenge is missing: X requires PKCE.');
    // twitter-api-v2 sends `s256`: X reads the method without regard to case.
    const method = (params.get('code_challenge_method') ?? 'plain').toLowerCase();
    if (method !== 's256' && method !== 'plain')
      return fail('code_challenge_method must be S256 or plain.');
    return {
      ok: true,
      value: {
        app,
        redirectUri,
        state: params.get('state'),
        scope: params.get('scope') ?? '',
        challenge,
        method,
      },
    };
  }

  private showConsent(query: URLSearchParams): EmuResponse {
    const checked = this.checkRequest(query);
    if (!checked.ok) return refusal(checked.reason);
    const request = checked.value;
    const accounts = this.options.accounts;
    if (accounts.length === 0) return refusal('The scenario has no X account to sign in as.');
    const scopes = splitScopes(request.scope);
    return consentPage({
      site: SITE,
      title: `Authorize ${request.app.name} to access your account? / X`,
      heading: `${request.app.name} wants to access your X account.`,
      action: AUTHORIZE_PATH,
      hidden: [
        ['response_type', 'code'],
        ['client_id', request.app.client_id],
        ['redirect_uri', request.redirectUri],
        ['scope', request.scope],
        ...(request.state !== null ? [['state', request.state] as [string, string]] : []),
        ['code_challenge', request.challenge],
        ['code_challenge_method', request.method === 's256' ? 'S256' : 'plain'],
      ],
      choice: {
        name: 'account',
        legend: 'Sign in as',
        options: accounts.map((a) => ({ value: a.id, label: `@${a.username}` })),
      },
      listTitle: `${request.app.name} will be able to:`,
      items: scopes.map((s) => (SCOPE_TEXT[s] ? `${s}: ${SCOPE_TEXT[s]}` : s)),
      buttons: [
        { name: 'decision', value: 'authorize', label: 'Authorize app', primary: true },
        { name: 'decision', value: 'cancel', label: 'Cancel' },
      ],
    });
  }

  private decide(form: URLSearchParams): EmuResponse {
    const checked = this.checkRequest(form);
    if (!checked.ok) return refusal(checked.reason);
    const request = checked.value;
    const decision = form.get('decision');
    if (decision === 'cancel')
      return redirectTo(
        withQuery(request.redirectUri, [
          ['error', 'access_denied'],
          ['state', request.state],
        ]),
      );
    if (decision !== 'authorize') return refusal('The form was sent without a decision.');
    const account = this.options.accounts.find((a) => a.id === form.get('account'));
    if (!account) return refusal('The form names no X account of the scenario.');
    const nowMs = this.options.now();
    const code = xToken(nowMs, 'ac');
    this.codes.set(code, {
      clientId: request.app.client_id,
      redirectUri: request.redirectUri,
      challenge: request.challenge,
      method: request.method,
      scopes: splitScopes(request.scope),
      userId: account.id,
      issuedMs: nowMs,
      used: false,
    });
    return redirectTo(
      withQuery(request.redirectUri, [
        ['state', request.state],
        ['code', code],
      ]),
    );
  }

  /**
   * The calling app: `client_id` in the body always (X asks for it even with Basic auth), and for
   * a confidential client a Basic header with its id and secret.
   */
  private authenticate(req: EmuRequest, params: URLSearchParams): XApp | EmuResponse {
    const basic = basicCredentials(req);
    const clientId = params.get('client_id') ?? basic?.id ?? null;
    if (clientId === null || clientId === '') return missing('client_id');
    const app = this.options.apps.find((a) => a.client_id === clientId);
    if (!app) return oauthError(401, 'invalid_client', 'Client authentication failed.');
    if (app.client_secret === undefined) return app;
    if (!basic || basic.id !== app.client_id || !sameText(basic.secret, app.client_secret))
      return oauthError(401, 'unauthorized_client', 'Missing valid authorization header');
    return app;
  }

  private token(app: XApp, params: URLSearchParams): EmuResponse {
    const grantType = params.get('grant_type');
    if (grantType === null || grantType === '') return missing('grant_type');
    if (grantType === 'authorization_code') return this.exchangeCode(app, params);
    if (grantType === 'refresh_token') return this.refresh(app, params);
    return oauthError(400, 'unsupported_grant_type', 'Grant type is not supported.');
  }

  private exchangeCode(app: XApp, params: URLSearchParams): EmuResponse {
    for (const name of ['code', 'redirect_uri', 'code_verifier'])
      if (!params.get(name)) return missing(name);
    const code = this.codes.get(params.get('code')!);
    if (
      !code ||
      code.used ||
      code.clientId !== app.client_id ||
      this.options.now() - code.issuedMs > X_CODE_LIFETIME_MS
    )
      return invalidCode();
    // A code is good for one attempt: a failed one spends it too, as a leaked code must not be
    // tried again with other verifiers.
    code.used = true;
    if (code.redirectUri !== params.get('redirect_uri')) return invalidCode();
    if (!verifierMatches(params.get('code_verifier')!, code))
      return oauthError(
        400,
        'invalid_request',
        'Value passed for the code verifier did not match the code challenge.',
      );
    const grant = this.options.grants.open('x', code.userId, app.client_id, code.scopes);
    return this.tokensFor(grant);
  }

  private refresh(app: XApp, params: URLSearchParams): EmuResponse {
    const value = params.get('refresh_token');
    if (!value) return missing('refresh_token');
    const token = this.liveToken(value, 'refresh');
    if (!token || token.grant.clientId !== app.client_id) return invalidToken();
    // X rotates refresh tokens: the one just used is spent, earlier access tokens keep their time.
    this.options.grants.forget(value);
    token.grant.refreshed += 1;
    return this.tokensFor(token.grant);
  }

  private tokensFor(grant: IssuedToken['grant']): EmuResponse {
    const { grants, now } = this.options;
    const access = grants.issue(
      grant,
      'access',
      xToken(now(), 'at'),
      X_ACCESS_TOKEN_SECONDS * 1000,
    );
    const body: Record<string, unknown> = {
      token_type: 'bearer',
      expires_in: X_ACCESS_TOKEN_SECONDS,
      access_token: access.value,
      scope: grant.scopes.join(' '),
    };
    if (grant.scopes.includes('offline.access'))
      body.refresh_token = grants.issue(grant, 'refresh', xToken(now(), 'rt'), null).value;
    return xJson(body, 200, { 'cache-control': 'no-store', pragma: 'no-cache' });
  }

  /** Revoking any token of a grant ends the grant; an unknown token is not an error (RFC 7009). */
  private revoke(app: XApp, params: URLSearchParams): EmuResponse {
    const value = params.get('token');
    if (!value) return missing('token');
    const token = this.options.grants.find(value);
    if (token && token.grant.platform === 'x' && token.grant.clientId === app.client_id)
      this.options.grants.end(token.grant);
    return xJson({ revoked: true });
  }
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function refusal(reason: string): EmuResponse {
  return errorPage(
    400,
    SITE,
    'Something went wrong',
    'You weren’t able to give access to the App. Go back and try logging in again.',
    reason,
  );
}

function splitScopes(scope: string): string[] {
  return scope.split(/\s+/).filter((s) => s !== '');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** RFC 7636 §4.6: S256 compares base64url(sha256(verifier)) with the challenge; plain compares as is. */
function verifierMatches(verifier: string, code: PendingCode): boolean {
  const derived =
    code.method === 's256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return sameText(derived, code.challenge);
}
