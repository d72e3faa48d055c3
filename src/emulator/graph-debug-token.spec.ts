import { describe, expect, it } from 'vitest';
import { expectGraphError, graphOAuthFlow, notAuthorized } from './graph-oauth-test-flow';
import { oauthTestEmulator } from './oauth-test-emulator';
import { CAMILLE, FB_APP, OTHER_PAGE, PAGE, SECOND_ADMIN, call } from './test-scenario';

/**
 * Graph's `debug_token` on the emulator, over loopback, for the user and Page tokens Facebook Login
 * gives; and grants the tests end from the outside (`revokeGrants`, `revokeToken`).
 */

const env = oauthTestEmulator(86_400_000); // a fresh day for each test
const { v, get, shortToken, longToken } = graphOAuthFlow(env);

describe('Graph debug_token', () => {
  const appToken = `${FB_APP.id}|${FB_APP.secret}`;
  const debug = (input: string, access = appToken) =>
    call(`${v()}/debug_token?${new URLSearchParams({ input_token: input, access_token: access })}`);

  it('describes user and Page tokens, valid or not', async () => {
    const long = await longToken();
    const user = (await debug(long)).body.data;
    expect(user).toEqual({
      app_id: FB_APP.id,
      type: 'USER',
      application: FB_APP.name,
      data_access_expires_at: expect.any(Number),
      expires_at: Math.floor(env.clock / 1000) + 5_184_000,
      is_valid: true,
      issued_at: Math.floor(env.clock / 1000),
      scopes: [
        'pages_show_list',
        'pages_read_engagement',
        'pages_manage_engagement',
        'public_profile',
      ],
      granular_scopes: [
        { scope: 'pages_show_list', target_ids: [PAGE.id, OTHER_PAGE.id] },
        { scope: 'pages_read_engagement', target_ids: [PAGE.id, OTHER_PAGE.id] },
        { scope: 'pages_manage_engagement', target_ids: [PAGE.id, OTHER_PAGE.id] },
      ],
      user_id: CAMILLE.id,
    });
    const pageToken = (await get('me/accounts', long)).body.data[1].access_token as string;
    expect((await debug(pageToken)).body.data).toMatchObject({
      type: 'PAGE',
      expires_at: 0,
      is_valid: true,
      profile_id: OTHER_PAGE.id,
      user_id: CAMILLE.id,
    });
    expect((await debug(PAGE.token)).body.data).toMatchObject({
      type: 'PAGE',
      expires_at: 0,
      is_valid: true,
      profile_id: PAGE.id,
    });
    expect((await debug('garbage')).body).toEqual({
      data: {
        error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' },
        is_valid: false,
        scopes: [],
      },
    });

    const short = await shortToken();
    env.clock += 5400 * 1000;
    const expired = (await debug(short)).body.data;
    expect(expired).toMatchObject({
      type: 'USER',
      is_valid: false,
      error: { code: 190, subcode: 463 },
    });
    env.emulator.revokeGrants('facebook', CAMILLE.id);
    expect((await debug(long)).body.data).toMatchObject({
      is_valid: false,
      error: { code: 190, subcode: 458, message: notAuthorized },
    });
  });

  it('wants the app token (or a user token of the app)', async () => {
    const user = await shortToken();
    expect((await debug(user, user)).status).toBe(200);
    expectGraphError(
      await debug(user, `${FB_APP.id}|wrong`),
      190,
      undefined,
      'Invalid OAuth access token signature.',
    );
    expectGraphError(
      await call(`${v()}/debug_token?input_token=${user}`),
      104,
      undefined,
      'An access token is required to request this resource.',
    );
  });
});

describe('ending Facebook grants from the outside', () => {
  it('revokeGrants and /__emulator/revoke-grants end every grant of the admin', async () => {
    const a = await longToken();
    const pageToken = (await get('me/accounts', a)).body.data[0].access_token as string;
    const other = await shortToken(SECOND_ADMIN.id);
    expect(env.emulator.revokeGrants('facebook', CAMILLE.id)).toBeGreaterThanOrEqual(1);
    expectGraphError(await get('me', a), 190, 458, notAuthorized);
    expectGraphError(await get(`${PAGE.id}/feed`, pageToken), 190, 458, notAuthorized);
    expect((await get('me', other)).status).toBe(200);
    const answer = await call(`${env.emulator.url}/__emulator/revoke-grants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'facebook', user_id: SECOND_ADMIN.id }),
    });
    expect(answer.body.revoked).toBeGreaterThanOrEqual(1); // earlier tests made grants too
    expectGraphError(await get('me', other), 190, 458, notAuthorized);
    // Scenario Page tokens are not grants: they keep working.
    expect((await get('me', PAGE.token)).status).toBe(200);
  });

  it('revokeToken makes one OAuth token unknown', async () => {
    const user = await shortToken();
    expect(env.emulator.revokeToken(user)).toBe(true);
    expectGraphError(
      await get('me', user),
      190,
      undefined,
      'Invalid OAuth access token - Cannot parse access token',
    );
  });
});
