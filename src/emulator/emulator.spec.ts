import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { ScenarioIntegrityError } from './scenario-check';
import { startEmulator } from './server';
import type { Emulator, EmulatorOptions } from './server';
import { ANCHOR, BRAND, PAGE, POST, T, at, bearer, call, testScenario } from './test-scenario';

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function start(options: Partial<EmulatorOptions> = {}, scenario = testScenario()) {
  const emulator = await startEmulator({ scenario: parseScenario(scenario), ...options });
  running.push(emulator);
  return emulator;
}

const mentionsOf = (emulator: Emulator, query = '') =>
  call(
    `${emulator.xBaseUrl}/2/users/${BRAND.id}/mentions?tweet.fields=created_at${query}`,
    bearer(BRAND.token),
  );

describe('startEmulator', () => {
  it('listens on loopback and a free port, with the base URLs under /x and /graph', async () => {
    const emulator = await start();
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.xBaseUrl).toBe(`${emulator.url}/x`);
    expect(emulator.graphBaseUrl).toBe(`${emulator.url}/graph`);
    expect((await call(`${emulator.url}/`)).body.name).toContain('emulator');
    expect((await call(`${emulator.url}/elsewhere`)).status).toBe(404);
    expect((await call(`${emulator.xBaseUrl}/2/nothing`, bearer(BRAND.token))).status).toBe(404);
  });

  it('holds each API answer for latencyMs, as the internet does', async () => {
    const emulator = await start({ latencyMs: 150 });
    const t = performance.now();
    expect((await mentionsOf(emulator)).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(145);
  });

  it('moves every date by (now - anchor) with shiftToNow, keeping ids', async () => {
    const nowMs = Date.parse('2026-11-22T10:00:00Z');
    const delta = nowMs - Date.parse(ANCHOR);
    const emulator = await start({ shiftToNow: true, now: () => nowMs });
    expect(emulator.scenario.anchor).toBe(new Date(nowMs).toISOString());
    const answer = await mentionsOf(emulator, `&until_id=${T.followUp}`);
    expect(answer.body.data).toEqual([
      expect.objectContaining({
        id: T.root,
        created_at: new Date(Date.parse(at(0)) + delta).toISOString(),
      }),
    ]);
    const comment = await call(
      `${emulator.graphBaseUrl}/v21.0/5001_9001?fields=created_time`,
      bearer(PAGE.token),
    );
    expect(comment.body.created_time).toBe(
      new Date(Date.parse(at(2)) + delta).toISOString().replace('.000Z', '+0000'),
    );
  });

  it('releases items dated after now only when their time comes (liveRelease)', async () => {
    let nowMs = Date.parse(at(20));
    const emulator = await start({ liveRelease: true, now: () => nowMs });
    const before = await mentionsOf(emulator);
    expect(before.body.data.map((t: { id: string }) => t.id)).toEqual([
      T.quote,
      T.followUp,
      T.root,
    ]);
    const comments = async () =>
      (await call(`${emulator.graphBaseUrl}/v21.0/${POST}/comments`, bearer(PAGE.token))).body.data
        .length;
    expect(await comments()).toBe(1);
    nowMs = Date.parse(at(30));
    const after = await mentionsOf(emulator, `&since_id=${T.quote}`);
    expect(after.body.data.map((t: { id: string }) => t.id)).toEqual([T.emoji, T.orphan]);
    expect(await comments()).toBe(3);
  });

  it('plays injected faults: 5xx bodies, connection resets and unanswered requests', async () => {
    const emulator = await start();
    emulator.injectFault({ platform: 'x', kind: 'error', status: 503, path: '/mentions' });
    const failed = await mentionsOf(emulator);
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ title: 'Service Unavailable', status: 503 });
    expect((await mentionsOf(emulator)).status).toBe(200);

    emulator.injectFault({ platform: 'graph', kind: 'error' });
    const graph = await call(`${emulator.graphBaseUrl}/v21.0/me`, bearer(PAGE.token));
    expect(graph.status).toBe(500);
    expect(graph.body.error).toMatchObject({ code: 2, is_transient: true });

    emulator.injectFault({ platform: 'any', kind: 'reset' });
    await expect(mentionsOf(emulator)).rejects.toThrow();

    emulator.injectFault({ platform: 'x', kind: 'timeout' });
    await expect(
      fetch(`${emulator.xBaseUrl}/2/users/me`, {
        ...bearer(BRAND.token),
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    emulator.clearFaults();
  });

  it('refuses a revoked token on both platforms', async () => {
    const emulator = await start();
    expect(emulator.revokeToken(BRAND.token)).toBe(true);
    expect(emulator.revokeToken(PAGE.token)).toBe(true);
    expect((await mentionsOf(emulator)).status).toBe(401);
    const graph = await call(`${emulator.graphBaseUrl}/v21.0/me`, bearer(PAGE.token));
    expect(graph.body.error.code).toBe(190);
  });

  it('refuses a scenario whose references do not hold', async () => {
    const broken = testScenario();
    broken.x.tweets[0]!.author_id = '12345';
    broken.facebook.comments[1]!.parent_id = '5001_1';
    const failure = await start({}, broken).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ScenarioIntegrityError);
    expect((failure as ScenarioIntegrityError).problems).toEqual([
      expect.stringContaining('author_id 12345 is not in x.users'),
      expect.stringContaining('parent_id 5001_1 is not in facebook.comments'),
    ]);
  });

  it('adds synthetic mentions and comments deterministically', async () => {
    const scenario = {
      ...testScenario(),
      synthetic: { x_mentions: 40, facebook_comments: 30, seed: 7 },
    };
    const one = await start({}, scenario);
    const two = await start({}, scenario);
    expect(one.scenario.x.tweets).toHaveLength(testScenario().x.tweets.length + 40);
    expect(one.scenario).toEqual(two.scenario);
    const page = await mentionsOf(one, '&max_results=100');
    expect(page.body.meta.result_count).toBe(40 + 5);
  });

  it('reports a busy port', async () => {
    const first = await start();
    const port = Number(new URL(first.url).port);
    await expect(start({ port })).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
  });
});
