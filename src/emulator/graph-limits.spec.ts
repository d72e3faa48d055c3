import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import type { ScenarioInput } from './scenario';
import { startEmulator } from './server';
import type { Emulator, EmulatorOptions } from './server';
import { PAGE, POST, POST2, at, bearer, call, testScenario } from './test-scenario';

let emulator: Emulator;
afterEach(() => emulator.close());

let nowMs = Date.parse('2026-03-10T12:30:00Z');
const start = async (
  options: Partial<EmulatorOptions> = {},
  scenario: ScenarioInput = testScenario(),
) => {
  nowMs = Date.parse('2026-03-10T12:30:00Z');
  emulator = await startEmulator({
    scenario: parseScenario(scenario),
    now: () => nowMs,
    ...options,
  });
};
const get = (path: string, version = 'v24.0', token = PAGE.token) =>
  call(`${emulator.graphBaseUrl}/${version}/${path}`, bearer(token));
const useCase = (headers: Headers) =>
  JSON.parse(headers.get('x-business-use-case-usage')!)[PAGE.id][0] as Record<string, unknown>;

describe('Graph Business Use Case limits (Page tokens)', () => {
  it('reports each Page call in X-Business-Use-Case-Usage and refuses with code 80001 once spent', async () => {
    await start({ graphBudget: { pageCallsPerDay: 4 } });
    const usage: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await get('me');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-app-usage')).toBeNull();
      usage.push(useCase(answer.headers));
      nowMs += 60 * 60_000;
    }
    expect(usage.map((u) => (u as { call_count: number }).call_count)).toEqual([25, 50, 75, 100]);
    expect(usage[0]).toEqual({
      type: 'pages',
      call_count: 25,
      total_cputime: 12,
      total_time: 18,
      estimated_time_to_regain_access: 0,
    });
    const refused = await get('me');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 80001,
      type: 'OAuthException',
      is_transient: true,
      message: expect.stringMatching(/^\(#80001\) There have been too many calls to this Page/),
    });
    // The first call, four hours ago, leaves the rolling day twenty hours (and its minute) from now.
    expect(useCase(refused.headers).estimated_time_to_regain_access).toBe(20 * 60 + 1);
    nowMs += (20 * 60 + 1) * 60_000;
    expect((await get('me')).status).toBe(200);
  });

  it('counts calls without a Page token against the app within the hour, with code 4', async () => {
    await start({ graphBudget: { appCallsPerHour: 1 } });
    const first = await get('oauth/access_token?client_id=1', 'v24.0', 'unknown-token');
    expect(JSON.parse(first.headers.get('x-app-usage')!).call_count).toBe(100);
    const refused = await get('oauth/access_token?client_id=1', 'v24.0', 'unknown-token');
    expect(refused.body.error.code).toBe(4);
    // Page tokens are not counted against the app.
    expect((await get('me')).status).toBe(200);
  });

  it('plays injected throttles with the codes and bodies Graph throttles with', async () => {
    await start();
    for (const code of [4, 17, 32, 80001] as const) {
      emulator.injectFault({ platform: 'graph', kind: 'throttle', code, regainMinutes: 42 });
      const answer = await get(`${POST}/comments`);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code, type: 'OAuthException', is_transient: true });
      expect(answer.body.error.message).toMatch(new RegExp(`^\\(#${code}\\) `));
      expect(useCase(answer.headers)).toMatchObject({
        call_count: 100,
        estimated_time_to_regain_access: 42,
      });
    }
    expect((await get(`${POST}/comments`)).status).toBe(200);
  });
});

describe('Graph permissions', () => {
  const limited = (scopes: string[]): ScenarioInput => {
    const scenario = testScenario();
    scenario.facebook.pages = scenario.facebook.pages.map((p) =>
      p.id === PAGE.id ? { ...p, scopes } : p,
    );
    return scenario;
  };

  it('refuses a read without pages_read_engagement with code 10 naming it', async () => {
    await start({}, limited(['pages_show_list']));
    const answer = await get(`${PAGE.id}/feed`);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 10, type: 'OAuthException' });
    expect(answer.body.error.message).toMatch(/requires the 'pages_read_engagement' permission/);
  });

  it('refuses publishing without pages_manage_posts and private replies without pages_messaging', async () => {
    await start({}, limited(['pages_read_engagement', 'pages_read_user_content']));
    expect((await get(`${POST}/comments`)).status).toBe(200);
    const post = (path: string, body: unknown) =>
      call(`${emulator.graphBaseUrl}/v24.0/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${PAGE.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const publish = await post(`${PAGE.id}/feed`, { message: 'Statement' });
    expect(publish.status).toBe(403);
    expect(publish.body.error.code).toBe(200);
    expect(publish.body.error.message).toMatch(/pages_manage_posts/);
    const reply = await post(`${POST}/comments`, { message: 'Hello' });
    expect(reply.body.error).toMatchObject({ code: 200 });
    expect(reply.body.error.message).toMatch(/pages_manage_engagement/);
    const dm = await post(`${PAGE.id}/messages`, {
      recipient: { comment_id: `${POST}_1` },
      message: { text: 'hi' },
    });
    expect(dm.body.error).toMatchObject({ code: 230 });
    expect(emulator.writes()).toEqual([]);
  });
});

describe('Graph versions', () => {
  it('serves the listed versions until their end, then answers from the oldest usable one', async () => {
    await start();
    nowMs = Date.parse('2027-01-20T23:00:00Z');
    const v21 = await get('me', 'v21.0');
    expect(v21.status).toBe(200);
    expect(v21.headers.get('facebook-api-version')).toBe('v21.0');
    nowMs = Date.parse('2027-01-21T00:00:00Z');
    const after = await get('me', 'v21.0');
    expect(after.status).toBe(200);
    expect(after.headers.get('facebook-api-version')).toBe('v22.0');
    expect((await get('me', 'v2.3')).headers.get('facebook-api-version')).toBe('v22.0');
    expect((await get('me', 'v26.0')).headers.get('facebook-api-version')).toBe('v26.0');
    for (const unknown of ['v27.0', 'v21.5', 'latest']) {
      const refused = await get('me', unknown);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe(2635);
    }
  });
});

describe('Graph list pages', () => {
  it('answers a short or empty page that still has next when it leaves out what the Page may not see', async () => {
    const scenario = testScenario({ extraComments: 6 });
    const hiddenFromPage = new Set(
      scenario.facebook.comments
        .filter((c) => c.post_id === POST2)
        .map((c) => c.id)
        .slice(0, 3),
    );
    scenario.facebook.comments = scenario.facebook.comments.map((c) =>
      hiddenFromPage.has(c.id) ? { ...c, unavailable: true } : c,
    );
    await start({}, scenario);
    const first = await get(`${POST2}/comments?limit=3`);
    expect(first.body.data).toEqual([]);
    expect(first.body.paging.next).toBeDefined();
    const next = await call(first.body.paging.next, bearer(PAGE.token));
    expect(next.body.data.length).toBeGreaterThan(0);
    for (const c of next.body.data as { id: string }[])
      expect(hiddenFromPage.has(c.id)).toBe(false);
  });

  it('plays an injected empty page whose next gives the items', async () => {
    await start();
    emulator.injectFault({ platform: 'graph', kind: 'empty-page', path: '/comments' });
    const empty = await get(`${POST}/comments`);
    expect(empty.status).toBe(200);
    expect(empty.body.data).toEqual([]);
    const next = await call(empty.body.paging.next, bearer(PAGE.token));
    expect(next.body.data.length).toBeGreaterThan(0);
  });
});

describe('Graph post updated_time', () => {
  it('moves when a comment is added to the post, however old the post', async () => {
    const scenario = testScenario();
    await start({ liveRelease: true }, scenario);
    const before = await get(`${POST}?fields=created_time,updated_time`);
    const { created_time: created, updated_time: updated } = before.body as {
      created_time: string;
      updated_time: string;
    };
    expect(Date.parse(updated)).toBeGreaterThanOrEqual(Date.parse(created));
    nowMs = Date.parse(at(24 * 60 * 90));
    const reply = await call(`${emulator.graphBaseUrl}/v24.0/${POST}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${PAGE.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Still here' }),
    });
    expect(reply.status).toBe(200);
    const after = await get(`${POST}?fields=updated_time`);
    expect(after.body.updated_time).toBe(new Date(nowMs).toISOString().replace('.000Z', '+0000'));
  });
});
