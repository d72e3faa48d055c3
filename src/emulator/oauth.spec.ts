import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { basicAuth, pkce, postForm, readForm, submitForm } from './oauth-test-kit';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import {
  ANCHOR,
  BRAND,
  OTHER,
  X_CONFIDENTIAL_APP,
  X_PUBLIC_APP,
  bearer,
  call,
  oauthScenario,
} from './test-scenario';

/**
 * X's OAuth 2.0 on the emulator, over loopback: the x.com consent page, api.x.com's token and
 * revoke endpoints, and the API accepting what they issue (the same with twitter-api-v2:
 * x-oauth-library.spec.ts).
 */

let emulator: Emulator;
let clock = Date.parse(ANCHOR);
const LOOPBACK = 'http://127.0.0.1:53682/callback';
const SCOPES = 'tweet.read users.read offline.access';

beforeAll(async () => {
  emulator = await startEmulator({ scenario: parseScenario(oauthScenario()), now: () => clock });
});
afterAll(() => emulator.close());
beforeEach(() => {
  clock += 3_600_000; // each test starts on a fresh hour: earlier tokens and codes are far behind
});

const authorizeUrl = (params: Record<string, string | undefined>) => {
  const url = new URL(`${emulator.xWebBaseUrl}/i/oauth2/authorize`);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
};

interface Flow {
  clientId?: string;
  redirectUri?: string;
  scope?: string;
  state?: string;
  challenge?: string;
  method?: string;
}

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
  const answer = await submitForm(emulator.url, readForm(await page.text()), button, account);
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
  postForm(`${emulator.xBaseUrl}/2/oauth2/token`, params, headers);

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

const me = (accessToken: string) => call(`${emulator.xBaseUrl}/2/users/me`, bearer(accessToken));

describe('X consent page (x.com/i/oauth2/authorize)', () => {
  it('shows the app, the scopes, the accounts and two buttons, escaping what it repeats', async () => {
    const state = '"><script>alert(1)</script>';
    const answer = await fetch(
      authorizeUrl({
        response_type: 'code',
        client_id: X_PUBLIC_APP.client_id,
        redirect_uri: LOOPBACK,
        scope: SCOPES,
        state,
        code_challenge: 'abc',
        code_challenge_method: 'S256',
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await answer.text();
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/<(link|img|script)\b/);
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Inbox &lt;Test&gt; &amp; Co');
    expect(html).toContain('tweet.read users.read offline.access');
    const form = readForm(html);
    expect(form.action).toBe('/x-web/i/oauth2/authorize');
    expect(Object.fromEntries(form.hidden)).toEqual({
      response_type: 'code',
      client_id: X_PUBLIC_APP.client_id,
      redirect_uri: LOOPBACK,
      scope: SCOPES,
      state,
      code_challenge: 'abc',
      code_challenge_method: 'S256',
    });
    expect(form.options).toEqual([
      { name: 'account', value: BRAND.id, label: `@${BRAND.username}`, checked: true },
      { name: 'account', value: OTHER.id, label: `@${OTHER.username}`, checked: false },
    ]);
    expect(form.buttons.map((b) => b.label)).toEqual(['Authorize app', 'Cancel']);
  });

  it('redirects with state and code, keeping state byte for byte', async () => {
    const state = 'a b&c=d/é"<';
    const location = await consent({ state });
    expect(`${location.origin}${location.pathname}`).toBe(LOOPBACK);
    expect([...location.searchParams.keys()]).toEqual(['state', 'code']);
    expect(location.searchParams.get('state')).toBe(state);
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('redirects Cancel with error=access_denied and the state', async () => {
    const location = await consent({ state: 'st' }, 'Cancel');
    expect(location.href).toBe(`${LOOPBACK}?error=access_denied&state=st`);
  });

  it('refuses bad requests with a 400 page and no redirect', async () => {
    const good = {
      response_type: 'code',
      client_id: X_PUBLIC_APP.client_id,
      redirect_uri: LOOPBACK,
      scope: SCOPES,
      state: 's',
      code_challenge: 'c',
      code_challenge_method: 'S256',
    };
    const bad: Array<Record<string, string | undefined>> = [
      { client_id: 'unknown-client' },
      { client_id: undefined },
      { redirect_uri: undefined },
      { redirect_uri: 'https://evil.example/callback' },
      { redirect_uri: `${X_PUBLIC_APP.redirect_uri}/other` },
      { redirect_uri: 'http://127.0.0.1:53682/cb#fragment' },
      { redirect_uri: 'https://127.0.0.1:53682/cb' },
      { redirect_uri: X_CONFIDENTIAL_APP.redirect_uri }, // another app's callback
      { code_challenge: undefined },
      { code_challenge_method: 'S512' },
      { response_type: 'token' },
      { response_type: undefined },
    ];
    for (const change of bad) {
      const answer = await fetch(authorizeUrl({ ...good, ...change }), { redirect: 'manual' });
      expect(answer.status, JSON.stringify(change)).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
      expect(await answer.text()).toContain('Something went wrong');
    }
    const tampered = await postForm(`${emulator.xWebBaseUrl}/i/oauth2/authorize`, {
      ...good,
      redirect_uri: 'https://evil.example/callback',
      account: BRAND.id,
      decision: 'authorize',
    });
    expect(tampered.status).toBe(400);
    expect(tampered.headers.get('location')).toBeNull();
  });

  it('accepts the registered callback and any loopback port (RFC 8252 §7.3)', async () => {
    for (const redirect of [
      X_PUBLIC_APP.redirect_uri,
      'http://127.0.0.1:1/x',
      'http://[::1]:8080/oauth/x?keep=1',
      'http://localhost:40000/cb',
    ]) {
      const location = await consent({ redirectUri: redirect });
      expect(location.searchParams.get('code')).toBeTruthy();
      if (redirect.includes('keep=1')) expect(location.searchParams.get('keep')).toBe('1');
    }
  });

  it('refuses every client when the scenario has no X app', async () => {
    const bare = await startEmulator({
      scenario: parseScenario({ ...oauthScenario(), x: { ...oauthScenario().x, apps: [] } }),
    });
    try {
      const answer = await fetch(
        `${bare.xWebBaseUrl}/i/oauth2/authorize?response_type=code&client_id=${X_PUBLIC_APP.client_id}&redirect_uri=${encodeURIComponent(LOOPBACK)}&code_challenge=c&code_challenge_method=plain`,
      );
      expect(answer.status).toBe(400);
    } finally {
      await bare.close();
    }
  });
});

describe('X token endpoint (api.x.com/2/oauth2/token)', () => {
  it('runs the whole flow: code, token, API call, refresh with rotation, revoke', async () => {
    const first = await connect({ scope: SCOPES });
    expect(first).toEqual({
      token_type: 'bearer',
      expires_in: 7200,
      access_token: expect.any(String),
      scope: SCOPES,
      refresh_token: expect.any(String),
    });
    const user = await me(first.access_token);
    expect(user.status).toBe(200);
    expect(user.body.data).toMatchObject({ id: BRAND.id, username: BRAND.username });
    expect(user.headers.get('x-rate-limit-limit')).toBe('75');

    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token!,
      client_id: X_PUBLIC_APP.client_id,
    });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as typeof first;
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).toBeDefined();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.scope).toBe(SCOPES);
    expect((await me(second.access_token)).status).toBe(200);
    expect((await me(first.access_token)).status).toBe(200); // still within its two hours

    const reused = await token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token!,
      client_id: X_PUBLIC_APP.client_id,
    });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Value passed for the token was invalid.',
    });
    const grant = emulator.grants().at(-1)!;
    expect(grant).toEqual({
      platform: 'x',
      userId: BRAND.id,
      clientId: X_PUBLIC_APP.client_id,
      scopes: ['tweet.read', 'users.read', 'offline.access'],
      issued: expect.any(Number),
      refreshed: 1,
      revoked: false,
    });

    const revoked = await postForm(`${emulator.xBaseUrl}/2/oauth2/revoke`, {
      token: second.refresh_token!,
      client_id: X_PUBLIC_APP.client_id,
      token_type_hint: 'refresh_token',
    });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toEqual({ revoked: true });
    for (const access of [first.access_token, second.access_token]) {
      const refused = await me(access);
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual({
        title: 'Unauthorized',
        type: 'about:blank',
        status: 401,
        detail: 'Unauthorized',
      });
    }
    const afterRevoke = await token({
      grant_type: 'refresh_token',
      refresh_token: second.refresh_token!,
      client_id: X_PUBLIC_APP.client_id,
    });
    expect(afterRevoke.status).toBe(400);
    expect(emulator.grants().at(-1)!.revoked).toBe(true);
  });

  it('signs in as the account chosen on the page; no refresh token without offline.access', async () => {
    const answer = await connect({ scope: 'tweet.read users.read' }, OTHER.id);
    expect(answer.refresh_token).toBeUndefined();
    expect(answer.scope).toBe('tweet.read users.read');
    expect((await me(answer.access_token)).body.data.id).toBe(OTHER.id);
  });

  it('revoking an access token ends its grant too', async () => {
    const answer = await connect();
    const revoked = await postForm(`${emulator.xBaseUrl}/2/oauth2/revoke`, {
      token: answer.access_token,
      client_id: X_PUBLIC_APP.client_id,
    });
    expect(await revoked.json()).toEqual({ revoked: true });
    const refresh = await token({
      grant_type: 'refresh_token',
      refresh_token: answer.refresh_token!,
      client_id: X_PUBLIC_APP.client_id,
    });
    expect(refresh.status).toBe(400);
  });

  it('refuses a verifier that does not match the challenge; plain challenges work', async () => {
    const pair = pkce();
    const code = await codeFor(pair);
    const wrong = await exchange(code, pkce().verifier);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Value passed for the code verifier did not match the code challenge.',
    });
    // The failed attempt spent the code.
    expect((await exchange(code, pair.verifier)).status).toBe(400);

    const plain = 'plain-verifier-0123456789-0123456789-0123456789';
    const plainCode = (await consent({ challenge: plain, method: 'plain' })).searchParams.get(
      'code',
    )!;
    expect((await exchange(plainCode, plain)).status).toBe(200);
  });

  it('refuses a code older than 30 s, a code used twice, another redirect_uri', async () => {
    const invalid = {
      error: 'invalid_request',
      error_description: 'Value passed for the authorization code was invalid.',
    };
    const pair = pkce();
    const late = await codeFor(pair);
    clock += 31_000;
    const expired = await exchange(late, pair.verifier);
    expect(expired.status).toBe(400);
    expect(await expired.json()).toEqual(invalid);

    const twice = await codeFor(pair);
    clock += 29_000;
    expect((await exchange(twice, pair.verifier)).status).toBe(200);
    const again = await exchange(twice, pair.verifier);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual(invalid);

    const elsewhere = await codeFor(pair);
    const moved = await exchange(elsewhere, pair.verifier, {
      redirect_uri: 'http://127.0.0.1:9999/callback',
    });
    expect(moved.status).toBe(400);
    expect(await moved.json()).toEqual(invalid);

    const unknown = await exchange('not-a-code', pair.verifier);
    expect(await unknown.json()).toEqual(invalid);
  });

  it('asks a confidential client for its secret in a Basic header', async () => {
    const pair = pkce();
    const flow = {
      clientId: X_CONFIDENTIAL_APP.client_id,
      redirectUri: X_CONFIDENTIAL_APP.redirect_uri,
    };
    const params = (code: string) => ({
      grant_type: 'authorization_code',
      code,
      redirect_uri: X_CONFIDENTIAL_APP.redirect_uri,
      code_verifier: pair.verifier,
      client_id: X_CONFIDENTIAL_APP.client_id,
    });
    const unauthorized = {
      error: 'unauthorized_client',
      error_description: 'Missing valid authorization header',
    };
    const code = await codeFor(pair, flow);
    const bare = await token(params(code));
    expect(bare.status).toBe(401);
    expect(await bare.json()).toEqual(unauthorized);
    const inBody = await token({
      ...params(code),
      client_secret: X_CONFIDENTIAL_APP.client_secret,
    });
    expect(inBody.status).toBe(401);
    const wrong = await token(
      params(code),
      basicAuth(X_CONFIDENTIAL_APP.client_id, 'wrong-secret-xx'),
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(unauthorized);
    const right = await token(
      params(code),
      basicAuth(X_CONFIDENTIAL_APP.client_id, X_CONFIDENTIAL_APP.client_secret),
    );
    expect(right.status).toBe(200);
  });

  it('answers missing parameters and unknown clients as X does', async () => {
    const noClient = await token({ grant_type: 'refresh_token', refresh_token: 'x' });
    expect(noClient.status).toBe(400);
    expect(await noClient.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Missing required parameter [client_id].',
    });
    const unknown = await token({
      grant_type: 'refresh_token',
      refresh_token: 'x',
      client_id: 'nope',
    });
    expect(unknown.status).toBe(401);
    const noVerifier = await token({
      grant_type: 'authorization_code',
      code: 'c',
      redirect_uri: LOOPBACK,
      client_id: X_PUBLIC_APP.client_id,
    });
    expect(await noVerifier.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Missing required parameter [code_verifier].',
    });
  });

  it('lets an access token work for two hours by the emulator clock, scenario tokens forever', async () => {
    const answer = await connect();
    clock += 7_199_000;
    expect((await me(answer.access_token)).status).toBe(200);
    clock += 1_000;
    expect((await me(answer.access_token)).status).toBe(401);
    expect((await me(BRAND.token)).status).toBe(200);
    // The refresh token outlives the access token.
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: answer.refresh_token!,
      client_id: X_PUBLIC_APP.client_id,
    });
    expect(refreshed.status).toBe(200);
  });
});

describe('ending X grants from the outside', () => {
  it('revokeGrants ends every grant of the account; revokeToken one token', async () => {
    const a = await connect();
    const b = await connect();
    const c = await connect({}, OTHER.id);
    expect(emulator.revokeGrants('x', BRAND.id)).toBeGreaterThanOrEqual(2);
    expect((await me(a.access_token)).status).toBe(401);
    expect((await me(b.access_token)).status).toBe(401);
    expect((await me(c.access_token)).status).toBe(200);
    expect(emulator.revokeGrants('x', BRAND.id)).toBe(0);
    expect(emulator.revokeToken(c.access_token)).toBe(true);
    expect((await me(c.access_token)).status).toBe(401);
  });

  it('does the same through /__emulator/revoke-grants and lists grants at /__emulator/grants', async () => {
    const answer = await connect({}, OTHER.id);
    const listed = await call(`${emulator.url}/__emulator/grants`);
    expect(listed.status).toBe(200);
    expect(listed.body.grants.at(-1)).toMatchObject({
      platform: 'x',
      userId: OTHER.id,
      revoked: false,
    });
    expect(JSON.stringify(listed.body)).not.toContain(answer.access_token);
    const revoked = await call(`${emulator.url}/__emulator/revoke-grants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'x', user_id: OTHER.id }),
    });
    expect(revoked.body.revoked).toBeGreaterThanOrEqual(1);
    expect((await me(answer.access_token)).status).toBe(401);
    const bad = await call(`${emulator.url}/__emulator/revoke-grants`, {
      method: 'POST',
      body: JSON.stringify({ platform: 'myspace' }),
    });
    expect(bad.status).toBe(400);
  });
});
