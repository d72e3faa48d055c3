import { describe, expect, it } from 'vitest';
import { oauthTestEmulator } from './oauth-test-emulator';
import { basicAuth, pkce, postForm } from './oauth-test-kit';
import { BRAND, OTHER, X_CONFIDENTIAL_APP, X_PUBLIC_APP, call } from './test-scenario';
import { LOOPBACK, SCOPES, xOAuthFlow } from './x-oauth-test-flow';

/**
 * X's OAuth 2.0 on the emulator, over loopback: api.x.com's token and revoke endpoints and the API
 * accepting what they issue (the consent page: x-consent.spec.ts; the same with twitter-api-v2:
 * x-oauth-library.spec.ts).
 */

// Each test starts on a fresh hour: earlier tokens and codes are far behind.
const env = oauthTestEmulator(3_600_000);
const { codeFor, consent, token, exchange, connect, me } = xOAuthFlow(env);

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
    const grant = env.emulator.grants().at(-1)!;
    expect(grant).toEqual({
      platform: 'x',
      userId: BRAND.id,
      clientId: X_PUBLIC_APP.client_id,
      scopes: ['tweet.read', 'users.read', 'offline.access'],
      issued: expect.any(Number),
      refreshed: 1,
      revoked: false,
    });

    const revoked = await postForm(`${env.emulator.xBaseUrl}/2/oauth2/revoke`, {
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
    expect(env.emulator.grants().at(-1)!.revoked).toBe(true);
  });

  it('signs in as the account chosen on the page; no refresh token without offline.access', async () => {
    const answer = await connect({ scope: 'tweet.read users.read' }, OTHER.id);
    expect(answer.refresh_token).toBeUndefined();
    expect(answer.scope).toBe('tweet.read users.read');
    expect((await me(answer.access_token)).body.data.id).toBe(OTHER.id);
  });

  it('revoking an access token ends its grant too', async () => {
    const answer = await connect();
    const revoked = await postForm(`${env.emulator.xBaseUrl}/2/oauth2/revoke`, {
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
    env.clock += 31_000;
    const expired = await exchange(late, pair.verifier);
    expect(expired.status).toBe(400);
    expect(await expired.json()).toEqual(invalid);

    const twice = await codeFor(pair);
    env.clock += 29_000;
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
    env.clock += 7_199_000;
    expect((await me(answer.access_token)).status).toBe(200);
    env.clock += 1_000;
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
    expect(env.emulator.revokeGrants('x', BRAND.id)).toBeGreaterThanOrEqual(2);
    expect((await me(a.access_token)).status).toBe(401);
    expect((await me(b.access_token)).status).toBe(401);
    expect((await me(c.access_token)).status).toBe(200);
    expect(env.emulator.revokeGrants('x', BRAND.id)).toBe(0);
    expect(env.emulator.revokeToken(c.access_token)).toBe(true);
    expect((await me(c.access_token)).status).toBe(401);
  });

  it('does the same through /__emulator/revoke-grants and lists grants at /__emulator/grants', async () => {
    const answer = await connect({}, OTHER.id);
    const listed = await call(`${env.emulator.url}/__emulator/grants`);
    expect(listed.status).toBe(200);
    expect(listed.body.grants.at(-1)).toMatchObject({
      platform: 'x',
      userId: OTHER.id,
      revoked: false,
    });
    expect(JSON.stringify(listed.body)).not.toContain(answer.access_token);
    const revoked = await call(`${env.emulator.url}/__emulator/revoke-grants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'x', user_id: OTHER.id }),
    });
    expect(revoked.body.revoked).toBeGreaterThanOrEqual(1);
    expect((await me(answer.access_token)).status).toBe(401);
    const bad = await call(`${env.emulator.url}/__emulator/revoke-grants`, {
      method: 'POST',
      body: JSON.stringify({ platform: 'myspace' }),
    });
    expect(bad.status).toBe(400);
  });
});
