import { describe, expect, it } from 'vitest';
import { oauthTestEmulator } from './oauth-test-emulator';
import { postForm, readForm } from './oauth-test-kit';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import { BRAND, OTHER, X_CONFIDENTIAL_APP, X_PUBLIC_APP, oauthScenario } from './test-scenario';
import { LOOPBACK, SCOPES, xOAuthFlow } from './x-oauth-test-flow';

/**
 * X's consent page on the emulator (x.com/i/oauth2/authorize), over loopback: what it shows, where
 * it sends the browser, and the requests it refuses (the token endpoint: oauth.spec.ts).
 */

// Each test starts on a fresh hour: earlier tokens and codes are far behind.
const env = oauthTestEmulator(3_600_000);
const { authorizeUrl, consent } = xOAuthFlow(env);

/** The consent page's parameters as the public app sends them. */
const requestOf = (state: string, challenge: string) => ({
  response_type: 'code',
  client_id: X_PUBLIC_APP.client_id,
  redirect_uri: LOOPBACK,
  scope: SCOPES,
  state,
  code_challenge: challenge,
  code_challenge_method: 'S256',
});

describe('X consent page (x.com/i/oauth2/authorize)', () => {
  it('shows the app, the scopes, the accounts and two buttons, escaping what it repeats', async () => {
    const request = requestOf('"><script>alert(1)</script>', 'abc');
    const answer = await fetch(authorizeUrl(request));
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
    // The request's parameters go on in hidden fields, byte for byte.
    expect(Object.fromEntries(form.hidden)).toEqual(request);
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
    const good = requestOf('s', 'c');
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
    const tampered = await postForm(`${env.emulator.xWebBaseUrl}/i/oauth2/authorize`, {
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
