import { expect } from 'vitest';
import type { OAuthTestEmulator } from './oauth-test-emulator';
import { readForm, submitForm } from './oauth-test-kit';
import type { Emulator } from './server';
import { FB_APP, bearer, call } from './test-scenario';

/** The redirect a desktop app registers with Facebook Login. */
export const LOOPBACK = 'http://127.0.0.1:53682/facebook';
export const SCOPE = 'pages_show_list,pages_read_engagement,pages_manage_engagement';

/** Expects Graph's OAuth error: its code, subcode and message, with a trace id. */
export function expectGraphError(
  answer: { status: number; body: { error: Record<string, unknown> } },
  code: number,
  subcode: number | undefined,
  message: string | RegExp,
) {
  expect(answer.status).toBe(400);
  expect(answer.body.error).toMatchObject({ type: 'OAuthException', code });
  expect(answer.body.error.error_subcode).toBe(subcode);
  expect(answer.body.error.fbtrace_id).toEqual(expect.any(String));
  if (typeof message === 'string') expect(answer.body.error.message).toBe(message);
  else expect(answer.body.error.message).toMatch(message);
}

/** Graph's message for a token of an admin who has not authorized the app. */
export const notAuthorized = `Error validating access token: The user has not authorized application ${FB_APP.id}.`;

/**
 * Facebook Login as a browser and a desktop app go through it on the emulator: the dialog, its
 * code, Graph's `/oauth/access_token` (short and long-lived tokens) and reads with a token.
 */
export function graphOAuthFlow(env: OAuthTestEmulator) {
  const v = () => `${env.emulator.graphBaseUrl}/v21.0`;
  const get = (path: string, token: string) => call(`${v()}/${path}`, bearer(token));

  const dialogUrl = (params: Record<string, string | undefined>, base: Emulator = env.emulator) => {
    const url = new URL(`${base.facebookWebBaseUrl}/v21.0/dialog/oauth`);
    for (const [name, value] of Object.entries(params))
      if (value !== undefined) url.searchParams.set(name, value);
    return url.href;
  };

  const goodDialog = () => ({
    client_id: FB_APP.id,
    redirect_uri: LOOPBACK,
    state: 'fb-state',
    scope: SCOPE,
    response_type: 'code',
  });

  /** Opens the dialog and clicks `button` as `admin`; returns where the browser is sent. */
  async function dialog(button = 'Continue', admin?: string, redirectUri = LOOPBACK) {
    const page = await fetch(dialogUrl({ ...goodDialog(), redirect_uri: redirectUri }));
    expect(page.status).toBe(200);
    const answer = await submitForm(env.emulator.url, readForm(await page.text()), button, admin);
    expect(answer.status).toBe(302);
    return answer.headers.get('location')!;
  }

  const codeOf = (location: string) => new URL(location).searchParams.get('code')!;

  const accessToken = (params: Record<string, string>) =>
    call(`${v()}/oauth/access_token?${new URLSearchParams(params)}`);

  const exchangeCode = (code: string, extra: Record<string, string> = {}) =>
    accessToken({
      client_id: FB_APP.id,
      redirect_uri: LOOPBACK,
      client_secret: FB_APP.secret,
      code,
      ...extra,
    });

  const longLived = (token: string) =>
    accessToken({
      grant_type: 'fb_exchange_token',
      client_id: FB_APP.id,
      client_secret: FB_APP.secret,
      fb_exchange_token: token,
    });

  async function shortToken(admin?: string): Promise<string> {
    const answer = await exchangeCode(codeOf(await dialog('Continue', admin)));
    expect(answer.status).toBe(200);
    return answer.body.access_token as string;
  }

  async function longToken(admin?: string): Promise<string> {
    const answer = await longLived(await shortToken(admin));
    expect(answer.status).toBe(200);
    return answer.body.access_token as string;
  }

  return {
    v,
    get,
    dialogUrl,
    goodDialog,
    dialog,
    codeOf,
    accessToken,
    exchangeCode,
    longLived,
    shortToken,
    longToken,
  };
}
