import { describe, expect, it } from 'vitest';
import {
  LOOPBACK,
  SCOPE,
  expectGraphError,
  graphOAuthFlow,
  notAuthorized,
} from './graph-oauth-test-flow';
import { oauthTestEmulator } from './oauth-test-emulator';
import { readForm, submitForm } from './oauth-test-kit';
import { parseScenario } from './scenario';
import { ScenarioIntegrityError } from './scenario-check';
import { startEmulator } from './server';
import {
  ANCHOR,
  CAMILLE,
  FB_APP,
  OTHER_PAGE,
  PAGE,
  POST,
  SECOND_ADMIN,
  bearer,
  call,
  oauthScenario,
} from './test-scenario';

/**
 * Facebook Login on the emulator, over loopback: the www.facebook.com dialog, Graph's
 * `/oauth/access_token`, the user token's `/me`, `/me/accounts` and `/me/permissions`, the Page
 * tokens they give, and the errors of each step (`debug_token` and grants ended from the outside:
 * graph-debug-token.spec.ts).
 */

const env = oauthTestEmulator(86_400_000); // a fresh day for each test
const {
  v,
  get,
  dialogUrl,
  goodDialog,
  dialog,
  codeOf,
  exchangeCode,
  longLived,
  shortToken,
  longToken,
} = graphOAuthFlow(env);

describe('Facebook Login dialog (www.facebook.com/:version/dialog/oauth)', () => {
  it('shows the app, the permissions, the admins and Continue / Cancel, escaped', async () => {
    const answer = await fetch(dialogUrl({ ...goodDialog(), state: '<b>&"x"</b>' }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await answer.text();
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;');
    expect(html).toContain(FB_APP.name);
    for (const p of ['pages_show_list', 'pages_read_engagement', 'pages_manage_engagement'])
      expect(html).toContain(`<li>${p}</li>`);
    const form = readForm(html);
    expect(form.action).toBe('/facebook-web/v21.0/dialog/oauth');
    expect(Object.fromEntries(form.hidden)).toMatchObject({
      client_id: FB_APP.id,
      redirect_uri: LOOPBACK,
      state: '<b>&"x"</b>',
      scope: SCOPE,
    });
    expect(form.options).toEqual([
      { name: 'admin', value: CAMILLE.id, label: CAMILLE.name, checked: true },
      { name: 'admin', value: SECOND_ADMIN.id, label: SECOND_ADMIN.name, checked: false },
    ]);
    expect(form.buttons.map((b) => b.label)).toEqual(['Continue', 'Cancel']);
  });

  it('sends Continue back with code and state, Cancel with Facebook’s error parameters', async () => {
    const location = await dialog();
    const url = new URL(location);
    expect(`${url.origin}${url.pathname}`).toBe(LOOPBACK);
    expect([...url.searchParams.keys()]).toEqual(['code', 'state']);
    expect(url.searchParams.get('state')).toBe('fb-state');
    expect(url.hash).toBe('#_=_');
    expect(await dialog('Cancel')).toBe(
      `${LOOPBACK}?error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state=fb-state#_=_`,
    );
  });

  it('refuses another app id, an unknown redirect, a non-code response type, without redirecting', async () => {
    for (const change of [
      { client_id: '123' },
      { client_id: undefined },
      { redirect_uri: 'https://evil.example/cb' },
      { redirect_uri: undefined },
      { response_type: 'token' },
    ]) {
      const answer = await fetch(dialogUrl({ ...goodDialog(), ...change }), { redirect: 'manual' });
      expect(answer.status, JSON.stringify(change)).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
    }
    const unversioned = await fetch(
      `${env.emulator.facebookWebBaseUrl}/dialog/oauth?${new URLSearchParams(goodDialog())}`,
    );
    expect(unversioned.status).toBe(200);
    expect(codeOf(await dialog('Continue', undefined, FB_APP.redirect_uri))).toBeTruthy();
  });

  it('offers one default admin managing every Page when the scenario names none', async () => {
    const bare = await startEmulator({
      scenario: parseScenario(oauthScenario({ admins: false })),
    });
    try {
      const html = await (await fetch(dialogUrl(goodDialog(), bare))).text();
      expect(readForm(html).options).toEqual([
        { name: 'admin', value: '100000000000001', label: 'Page Admin', checked: true },
      ]);
      expect(bare.scenario.facebook.admins).toEqual([
        { id: '100000000000001', name: 'Page Admin', page_ids: [PAGE.id, OTHER_PAGE.id] },
      ]);
    } finally {
      await bare.close();
    }
  });

  it('refuses a scenario whose admin manages a Page that does not exist', async () => {
    const input = oauthScenario();
    input.facebook.admins = [{ id: '1', name: 'Ghost', page_ids: ['999'] }];
    await expect(startEmulator({ scenario: parseScenario(input) })).rejects.toBeInstanceOf(
      ScenarioIntegrityError,
    );
  });
});

describe('Graph /oauth/access_token and the user token', () => {
  it('runs the whole flow: code, short and long tokens, /me, /me/accounts, a Page read, removal', async () => {
    const short = await exchangeCode(codeOf(await dialog()));
    expect(short.status).toBe(200);
    expect(short.body).toEqual({
      access_token: expect.stringMatching(/^EAA/),
      token_type: 'bearer',
      expires_in: 5400,
    });
    const long = await longLived(short.body.access_token);
    expect(long.body).toEqual({
      access_token: expect.stringMatching(/^EAA/),
      token_type: 'bearer',
      expires_in: 5_184_000,
    });
    const user = long.body.access_token as string;

    expect((await get('me?fields=id,name', user)).body).toEqual({
      id: CAMILLE.id,
      name: CAMILLE.name,
    });
    const accounts = await get('me/accounts', user);
    expect(accounts.status).toBe(200);
    expect(accounts.body.data).toHaveLength(2);
    expect(accounts.body.data[0]).toEqual({
      access_token: expect.stringMatching(/^EAA/),
      category: 'Coffee Shop',
      category_list: [{ id: expect.stringMatching(/^\d+$/), name: 'Coffee Shop' }],
      name: PAGE.name,
      id: PAGE.id,
      tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'],
    });
    expect(Object.keys(accounts.body.data[0])).toEqual([
      'access_token',
      'category',
      'category_list',
      'name',
      'id',
      'tasks',
    ]);
    expect(accounts.body.data[1].id).toBe(OTHER_PAGE.id);
    expect(accounts.body.paging.cursors).toEqual({
      before: expect.any(String),
      after: expect.any(String),
    });
    const pageToken = accounts.body.data[0].access_token as string;
    const feed = await get(`${PAGE.id}/feed`, pageToken);
    expect(feed.status).toBe(200);
    expect(feed.body.data.map((p: { id: string }) => p.id)).toContain(POST);
    expect((await get('me', pageToken)).body).toEqual({ name: PAGE.name, id: PAGE.id });
    expect((await get(`${OTHER_PAGE.id}/feed`, pageToken)).status).toBe(400);

    const permissions = await get('me/permissions', user);
    expect(permissions.body).toEqual({
      data: [
        { permission: 'pages_show_list', status: 'granted' },
        { permission: 'pages_read_engagement', status: 'granted' },
        { permission: 'pages_manage_engagement', status: 'granted' },
        { permission: 'public_profile', status: 'granted' },
      ],
    });
    const removed = await call(`${v()}/me/permissions`, { method: 'DELETE', ...bearer(user) });
    expect(removed.body).toEqual({ success: true });
    for (const token of [user, short.body.access_token as string, pageToken])
      expectGraphError(await get('me', token), 190, 458, notAuthorized);
    expectGraphError(await get(`${PAGE.id}/feed`, pageToken), 190, 458, notAuthorized);
    expect(env.emulator.grants().at(-1)).toEqual({
      platform: 'facebook',
      userId: CAMILLE.id,
      clientId: FB_APP.id,
      scopes: [
        'pages_show_list',
        'pages_read_engagement',
        'pages_manage_engagement',
        'public_profile',
      ],
      issued: expect.any(Number),
      refreshed: 1,
      revoked: true,
    });
  });

  it('lists only the admin’s Pages, page by page with limit and after', async () => {
    const second = await shortToken(SECOND_ADMIN.id);
    expect((await get('me', second)).body).toEqual({
      name: SECOND_ADMIN.name,
      id: SECOND_ADMIN.id,
    });
    const theirs = await get('me/accounts?fields=id,name', second);
    expect(theirs.body.data).toEqual([{ id: OTHER_PAGE.id, name: OTHER_PAGE.name }]);

    const user = await shortToken();
    const first = await get('me/accounts?limit=1', user);
    expect(first.body.data.map((p: { id: string }) => p.id)).toEqual([PAGE.id]);
    expect(first.body.paging.next).toEqual(expect.any(String));
    const next = await call(first.body.paging.next, bearer(user));
    expect(next.body.data.map((p: { id: string }) => p.id)).toEqual([OTHER_PAGE.id]);
    expect(next.body.paging.next).toBeUndefined();
    const after = await get(`me/accounts?limit=1&after=${first.body.paging.cursors.after}`, user);
    expect(after.body.data[0].id).toBe(OTHER_PAGE.id);
    // A user token reaches no one else.
    expect((await get(SECOND_ADMIN.id, user)).status).toBe(400);
    expect((await get(`${PAGE.id}/feed`, user)).status).toBe(400);
  });

  it('answers each exchange error as Graph does', async () => {
    expectGraphError(
      await exchangeCode(codeOf(await dialog()), { client_secret: 'wrong-secret' }),
      1,
      undefined,
      'Error validating client secret.',
    );
    expectGraphError(
      await exchangeCode('AQnot-a-code'),
      100,
      36007,
      'Invalid verification code format.',
    );
    const code = codeOf(await dialog());
    expectGraphError(
      await exchangeCode(code, { redirect_uri: 'http://127.0.0.1:1/other' }),
      100,
      36008,
      'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
    );
    expect((await exchangeCode(code)).status).toBe(200);
    expectGraphError(
      await exchangeCode(code),
      100,
      36009,
      'This authorization code has been used.',
    );
    expectGraphError(
      await exchangeCode(code, { client_id: '42' }),
      101,
      undefined,
      'Error validating application. Invalid application ID.',
    );
    const late = codeOf(await dialog());
    env.clock += 10 * 60_000 + 1;
    expectGraphError(await exchangeCode(late), 100, 36007, 'This authorization code has expired.');
    expectGraphError(
      await longLived('not-a-token'),
      190,
      undefined,
      'Invalid OAuth access token - Cannot parse access token',
    );
  });

  it('expires a short-lived token and its Page tokens with 190/463; long-lived Page tokens never', async () => {
    const short = await shortToken();
    const shortPage = (await get('me/accounts', short)).body.data[0].access_token as string;
    const long = await longToken();
    const longPage = (await get('me/accounts', long)).body.data[0].access_token as string;
    env.clock += 5400 * 1000;
    const expired =
      /^Error validating access token: Session has expired on \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[DS]T\. The current time is \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[DS]T\.$/;
    expectGraphError(await get('me', short), 190, 463, expired);
    expectGraphError(await get(`${PAGE.id}/feed`, shortPage), 190, 463, expired);
    expectGraphError(await longLived(short), 190, 463, expired);
    env.clock += 365 * 86_400_000;
    expect((await get(`${PAGE.id}/feed`, longPage)).status).toBe(200);
    expectGraphError(await get('me', long), 190, 463, expired);
  });

  it('makes the long-lived lifetime a scenario setting', async () => {
    let at = Date.parse(ANCHOR);
    const brief = await startEmulator({
      scenario: parseScenario(oauthScenario({ longLivedTokenSeconds: 60 })),
      now: () => at,
    });
    try {
      const page = await fetch(dialogUrl(goodDialog(), brief));
      const answer = await submitForm(brief.url, readForm(await page.text()), 'Continue');
      const code = codeOf(answer.headers.get('location')!);
      const params = { client_id: FB_APP.id, client_secret: FB_APP.secret };
      const short = await call(
        `${brief.graphBaseUrl}/v21.0/oauth/access_token?${new URLSearchParams({ ...params, redirect_uri: LOOPBACK, code })}`,
      );
      const long = await call(
        `${brief.graphBaseUrl}/v21.0/oauth/access_token?${new URLSearchParams({ ...params, grant_type: 'fb_exchange_token', fb_exchange_token: short.body.access_token })}`,
      );
      expect(long.body.expires_in).toBe(60);
      at += 60_000;
      const me = await call(`${brief.graphBaseUrl}/v21.0/me`, bearer(long.body.access_token));
      expect(me.body.error.error_subcode).toBe(463);
    } finally {
      await brief.close();
    }
  });
});
