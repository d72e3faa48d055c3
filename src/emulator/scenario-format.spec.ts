import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FACEBOOK_ADMIN, instantOf, parseScenario } from './scenario';
import type { ScenarioInput } from './scenario';
import { ScenarioIntegrityError, scenarioProblems } from './scenario-check';
import { startEmulator } from './server';
import type { Emulator } from './server';
import { BRAND, PAGE, POST, bearer, call, testScenario } from './test-scenario';

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function start(scenario: ScenarioInput) {
  const emulator = await startEmulator({ scenario: parseScenario(scenario) });
  running.push(emulator);
  return emulator;
}

describe('dates in a scenario', () => {
  it.each([
    ['X’s form', '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z'],
    ['Graph’s form', '2010-09-04T10:00:00+0000', '2010-09-04T10:00:00.000Z'],
    ['an offset with a colon', '2010-09-04T12:00:00+02:00', '2010-09-04T10:00:00.000Z'],
    ['an offset without one', '2010-09-04T05:30:00-0430', '2010-09-04T10:00:00.000Z'],
    ['no fraction', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00.000Z'],
    ['microseconds', '2026-01-05T10:00:00.123456Z', '2026-01-05T10:00:00.123Z'],
  ])('are read in %s', (_form, text, iso) => {
    expect(new Date(instantOf(text)!).toISOString()).toBe(iso);
  });

  it.each([
    ['without a zone', '2026-01-05T10:00:00'],
    ['on a day that does not exist', '2026-02-30T10:00:00+0000'],
    ['at an hour that does not exist', '2026-01-05T24:00:00Z'],
    ['as a date alone', '2026-01-05'],
    ['as Graph’s old form with a space', '2010-09-04 10:00:00+0000'],
  ])('are refused %s, with the forms named', (_how, text) => {
    expect(instantOf(text)).toBeNull();
    const scenario = testScenario();
    scenario.x.tweets[0]!.created_at = text;
    expect(() => parseScenario(scenario)).toThrow(/2010-09-04T10:00:00\+0000 \(Graph\)/);
  });

  it('are served by each platform in its own form, whichever form the scenario used', async () => {
    const scenario = testScenario();
    const tweet = scenario.x.tweets.find((t) => t.text.includes(`@${BRAND.username}`))!;
    tweet.created_at = tweet.created_at.replace(/\.000Z$/, '+0000');
    const post = scenario.facebook!.posts.find((p) => p.id === POST)!;
    const graphForm = post.created_time.replace(/\.000Z$/, '+0000');
    post.created_time = graphForm;
    const emulator = await start(scenario);

    const mentions = await call(
      `${emulator.xBaseUrl}/2/users/${BRAND.id}/mentions?tweet.fields=created_at`,
      bearer(BRAND.token),
    );
    const served = (mentions.body.data as { id: string; created_at: string }[]).find(
      (t) => t.id === tweet.id,
    );
    expect(served?.created_at).toBe(new Date(instantOf(tweet.created_at)!).toISOString());
    const graph = await call(
      `${emulator.graphBaseUrl}/v21.0/${POST}?fields=created_time`,
      bearer(PAGE.token),
    );
    expect(graph.body.created_time).toBe(graphForm);
  });
});

describe('ids a scenario leaves out', () => {
  it('give the default Facebook admin an id no Page or person of the scenario has', async () => {
    const scenario = testScenario();
    const page = scenario.facebook!.pages[0]!;
    const oldId = page.id;
    // A Page whose id is the default admin's, and a person with the next one.
    const retarget = (id: string) => id.replace(oldId, DEFAULT_FACEBOOK_ADMIN.id);
    page.id = DEFAULT_FACEBOOK_ADMIN.id;
    for (const p of scenario.facebook!.posts) {
      p.id = retarget(p.id);
      p.page_id = retarget(p.page_id);
    }
    for (const c of scenario.facebook!.comments) {
      c.post_id = retarget(c.post_id);
      if (c.from_id === oldId) c.from_id = page.id;
    }
    scenario.facebook!.users.push({ id: '100000000000002', name: 'Next Door' });
    const parsed = parseScenario(scenario);
    expect(parsed.facebook.admins).toEqual([
      {
        id: '100000000000003',
        name: DEFAULT_FACEBOOK_ADMIN.name,
        page_ids: parsed.facebook.pages.map((p) => p.id),
      },
    ]);
    expect(scenarioProblems(parsed)).toEqual([]);
    const emulator = await start(scenario);
    const me = await call(
      `${emulator.graphBaseUrl}/v21.0/me?fields=id,name`,
      bearer(page.access_token),
    );
    expect(me.body).toEqual({ id: DEFAULT_FACEBOOK_ADMIN.id, name: page.name });
  });

  it('refuse a scenario whose own ids collide, naming them', async () => {
    const scenario = testScenario();
    const page = scenario.facebook!.pages[0]!;
    scenario.facebook!.admins = [{ id: page.id, name: 'Same Id', page_ids: [page.id] }];
    scenario.facebook!.users.push({ id: page.id, name: 'Also Same' });
    const error = await startEmulator({ scenario: parseScenario(scenario) }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ScenarioIntegrityError);
    expect((error as ScenarioIntegrityError).problems).toEqual(
      expect.arrayContaining([
        `facebook.admins[0]: id ${page.id} is a Page's id`,
        expect.stringMatching(
          new RegExp(`facebook\\.users\\[\\d+\\] \\(Also Same\\): id ${page.id} is a Page's id`),
        ),
      ]),
    );
  });

  it('give generated people ids and names the scenario’s own people do not have', async () => {
    const scenario = testScenario();
    scenario.x.users.push({ id: '7000000000000000001', username: 'fan_0001', name: 'A real fan' });
    scenario.facebook!.users.push({ id: '7100000001', name: 'A real visitor' });
    scenario.synthetic = { x_mentions: 3, facebook_comments: 3 };
    const emulator = await start(scenario);
    const { x, facebook } = emulator.scenario;
    expect(scenarioProblems(emulator.scenario)).toEqual([]);
    expect(x.users.filter((u) => u.username === 'fan_0001')).toEqual([
      expect.objectContaining({ name: 'A real fan' }),
    ]);
    expect(x.users.filter((u) => u.id === '7000000000000000001')).toHaveLength(1);
    expect(facebook.users.filter((u) => u.id === '7100000001')).toHaveLength(1);
    expect(x.users.filter((u) => u.name.startsWith('Fan '))).toHaveLength(3);
  });
});
