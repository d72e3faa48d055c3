import { expect } from 'vitest';
import type { OAuthTestEmulator } from './oauth-test-emulator';
import { pkce, postForm, readForm, submitForm } from './oauth-test-kit';
import { X_PUBLIC_APP, bearer, call } from './test-scenario';

/** The redirect a desktop app registers (any loopback port is accepted, RFC 8252 §7.3). */
export const LOOPBACK = 'http://127.0.0.1:53682/callback';
export const SCOPES = 'tweet.read users.read offline.access';

/** What a test changes of the consent page's request (the public app's, with PKCE, by default). */
export interface Flow {
  clientId?: string;
  redirectUri?: string;
  scope?: string;
  state?: string;
  challenge?: string;
  method?: string;
}

/**
 * X's OAuth 2.0 as a browser and a desktop app go through it on the emulator: the consent page,
 * its code, the token endpoint and `/2/users/me`.
 */
export function xOAuthFlow(env: OAuthTestEmulator) {
  const authorizeUrl = (params: Record<string, string | undefined>) => {
    const url = new URL(`${env.emulator.xWebBaseUrl}/i/oauth2/authorize`);
    for (const [name, value] of Object.entries(params))
      if (value !== undefined) url.searchParams.set(name, value);
    return url.href;
  };

  /** Opens the consent page and clicks `button` (as `account`); returns the redirect it answers. */
  async function consent(flow: Flow, button = 'Authorize app', account?: string) {
    const page = await fetch(
      authorizeUrl({
        response_type: 'code',
        client_id: flow.clientId ?? X_PUBLIC_APP.client_id,
        redirect_uri: flow.redirectUri ?? LOOPBACK,
        scope: flow.scope ?? SCOPES,
        state: flow.state ?? 'state-123',
        code_challenge: flow.challenge ?? 'challenge',
        code_challenge_method: flow.method ?? 'S256',
      }),
    );
    expect(page.status).toBe(200);
    const answer = await submitForm(env.emulator.url, readForm(await page.text()), button, account);
    expect(answer.status).toBe(302);
    return new URL(answer.headers.get('location')!);
  }

  /** The whole browser part: a code for `verifier`'s challenge. */
  async function codeFor(verifier: { challenge: string }, flow: Flow = {}, account?: string) {
    const location = await consent(
      { ...flow, challenge: verifier.challenge },
      'Authorize app',
      account,
    );
    return location.searchParams.get('code')!;
  }

  const token = (params: Record<string, string>, headers: Record<string, string> = {}) =>
    postForm(`${env.emulator.xBaseUrl}/2/oauth2/token`, params, headers);

  async function exchange(code: string, verifier: string, extra: Record<string, string> = {}) {
    return token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: LOOPBACK,
      code_verifier: verifier,
      client_id: X_PUBLIC_APP.client_id,
      ...extra,
    });
  }

  async function connect(flow: Flow = {}, account?: string) {
    const pair = pkce();
    const code = await codeFor(pair, flow, account);
    const answer = await exchange(code, pair.verifier);
    expect(answer.status).toBe(200);
    return (await answer.json()) as {
      token_type: string;
      expires_in: number;
      access_token: string;
      scope: string;
      refresh_token?: string;
    };
  }

  const me = (accessToken: string) =>
    call(`${env.emulator.xBaseUrl}/2/users/me`, bearer(accessToken));

  return { authorizeUrl, consent, codeFor, token, exchange, connect, me };
}
