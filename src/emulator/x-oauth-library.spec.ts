import { Agent } from 'node:http';
import { ApiResponseError, TwitterApi } from 'twitter-api-v2';
import { describe, expect, it } from 'vitest';
import { oauthTestEmulator } from './oauth-test-emulator';
import { readForm, submitForm } from './oauth-test-kit';
import { BRAND, OTHER, X_CONFIDENTIAL_APP, X_PUBLIC_APP } from './test-scenario';
import { LOOPBACK } from './x-oauth-test-flow';

/**
 * X's OAuth 2.0 on the emulator driven by twitter-api-v2, the library the X connector uses: its
 * link, login, refresh and revoke against the x.com consent page and api.x.com's endpoints.
 */

// Each test starts on a fresh hour: earlier tokens and codes are far behind.
const env = oauthTestEmulator(3_600_000);

describe('twitter-api-v2 drives the X OAuth flow', () => {
  /** As the X connector builds its clients: URLs rewritten onto the emulator, an http agent. */
  const settings = () => ({
    plugins: [
      {
        onBeforeRequestConfig({ params }: { params: { url: unknown; forceBodyMode?: string } }) {
          const url = String(params.url);
          if (
            url.startsWith('https://api.x.com/2/') &&
            !url.startsWith('https://api.x.com/2/oauth2/')
          )
            params.forceBodyMode ??= 'json';
          params.url = url.replace('https://api.x.com/', `${env.emulator.xBaseUrl}/`);
        },
      },
    ],
    httpAgent: new Agent({ keepAlive: true }),
  });

  it('generates the link, logs in, calls the API, refreshes and revokes', async () => {
    const app = new TwitterApi({ clientId: X_PUBLIC_APP.client_id }, settings());
    const link = app.generateOAuth2AuthLink(LOOPBACK, {
      scope: ['tweet.read', 'users.read', 'offline.access'],
    });
    expect(link.url.startsWith('https://x.com/i/oauth2/authorize?')).toBe(true);
    const page = await fetch(link.url.replace('https://x.com/', `${env.emulator.xWebBaseUrl}/`));
    expect(page.status).toBe(200);
    const answer = await submitForm(env.emulator.url, readForm(await page.text()), 'Authorize app');
    const callback = new URL(answer.headers.get('location')!);
    expect(callback.searchParams.get('state')).toBe(link.state);

    const login = await app.loginWithOAuth2({
      code: callback.searchParams.get('code')!,
      codeVerifier: link.codeVerifier,
      redirectUri: LOOPBACK,
    });
    expect(login.expiresIn).toBe(7200);
    expect(login.scope).toEqual(['tweet.read', 'users.read', 'offline.access']);
    expect((await login.client.v2.me()).data.username).toBe(BRAND.username);

    const refreshed = await app.refreshOAuth2Token(login.refreshToken!);
    expect(refreshed.refreshToken).not.toBe(login.refreshToken);
    expect((await refreshed.client.v2.me()).data.id).toBe(BRAND.id);
    const reused = await app.refreshOAuth2Token(login.refreshToken!).catch((err: unknown) => err);
    expect(reused).toBeInstanceOf(ApiResponseError);
    expect((reused as ApiResponseError).code).toBe(400);

    expect(await app.revokeOAuth2Token(refreshed.accessToken, 'access_token')).toEqual({
      revoked: true,
    });
    const refused = await refreshed.client.v2.me().catch((err: unknown) => err);
    expect((refused as ApiResponseError).code).toBe(401);
  });

  it('logs a confidential client in with its Basic header', async () => {
    const app = new TwitterApi(
      { clientId: X_CONFIDENTIAL_APP.client_id, clientSecret: X_CONFIDENTIAL_APP.client_secret },
      settings(),
    );
    const link = app.generateOAuth2AuthLink(X_CONFIDENTIAL_APP.redirect_uri, {
      scope: ['tweet.read', 'users.read'],
    });
    const page = await fetch(link.url.replace('https://x.com/', `${env.emulator.xWebBaseUrl}/`));
    const answer = await submitForm(
      env.emulator.url,
      readForm(await page.text()),
      'Authorize app',
      OTHER.id,
    );
    const code = new URL(answer.headers.get('location')!).searchParams.get('code')!;
    const login = await app.loginWithOAuth2({
      code,
      codeVerifier: link.codeVerifier,
      redirectUri: X_CONFIDENTIAL_APP.redirect_uri,
    });
    expect(login.refreshToken).toBeUndefined();
    expect((await login.client.v2.me()).data.id).toBe(OTHER.id);
  });
});
