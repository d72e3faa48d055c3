import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import type { Fault } from './faults';
import { contractProblems } from './x-contract-kit';
import { BRAND, MARIE, OTHER, T, call, testScenario } from './test-scenario';
import { TWEET_FIELDS, USER_FIELDS } from './x-fields';

/**
 * Every X route the emulator serves, its answers (successes, problems, `errors` in a 200) checked
 * against the official X API v2 OpenAPI document with closed schemas: a key the spec does not name
 * fails at any depth.
 */

const CLOSED = '3000000000000000009';
const ALL_TWEET = `tweet.fields=${TWEET_FIELDS.join(',')}`;
const ALL_USER = `user.fields=${USER_FIELDS.join(',')}`;
const ALL_EXPANSIONS =
  'expansions=author_id,in_reply_to_user_id,entities.mentions.username,referenced_tweets.id,referenced_tweets.id.author_id';
const DM_FIELDS =
  'dm_event.fields=id,text,event_type,created_at,dm_conversation_id,sender_id,participant_ids';

interface Case {
  name: string;
  method: 'GET' | 'POST';
  /** The spec's path template. */
  spec: string;
  path: string;
  body?: unknown;
  token?: string | null;
  status: number;
}

let emulator: Emulator;
let clock = Date.parse('2026-03-10T12:00:00Z');

beforeAll(async () => {
  const scenario = testScenario();
  scenario.x!.users!.push({
    id: CLOSED,
    username: 'closed_dms',
    name: 'Closed',
    accepts_dms: false,
  });
  emulator = await startEmulator({
    scenario: parseScenario(scenario),
    now: () => clock,
    rateLimits: { 'GET /2/users/by/username/:username': 1 },
    postingCaps: { user24h: 4 },
  });
});
afterAll(() => emulator.close());

async function answer(c: Case) {
  const token = c.token === undefined ? BRAND.token : c.token;
  const result = await call(`${emulator.xBaseUrl}${c.path}`, {
    method: c.method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(c.body !== undefined ? { body: JSON.stringify(c.body) } : {}),
  });
  return {
    status: result.status,
    contentType: result.headers.get('content-type'),
    body: result.body,
  };
}

async function expectConforms(c: Case) {
  const got = await answer(c);
  expect(got.status, `${c.name}: ${JSON.stringify(got.body)}`).toBe(c.status);
  expect(contractProblems(c.method, c.spec, got), c.name).toEqual([]);
  return got;
}

const ROUTES: Array<Omit<Case, 'name' | 'status'> & { ok: number }> = [
  {
    method: 'GET',
    spec: '/2/users/me',
    path: `/2/users/me?${ALL_USER}&${ALL_TWEET}&expansions=most_recent_tweet_id`,
    ok: 200,
  },
  { method: 'GET', spec: '/2/users/{id}', path: `/2/users/${MARIE.id}?${ALL_USER}`, ok: 200 },
  {
    method: 'GET',
    spec: '/2/users/by/username/{username}',
    path: `/2/users/by/username/${MARIE.username}?${ALL_USER}`,
    ok: 200,
  },
  {
    method: 'GET',
    spec: '/2/users/{id}/mentions',
    path: `/2/users/${BRAND.id}/mentions?max_results=100&${ALL_TWEET}&${ALL_USER}&${ALL_EXPANSIONS}`,
    ok: 200,
  },
  {
    method: 'GET',
    spec: '/2/users/{id}/tweets',
    path: `/2/users/${BRAND.id}/tweets?${ALL_TWEET}&${ALL_USER}&${ALL_EXPANSIONS}`,
    ok: 200,
  },
  {
    method: 'GET',
    spec: '/2/tweets/{id}',
    path: `/2/tweets/${T.quote}?${ALL_TWEET}&${ALL_USER}&${ALL_EXPANSIONS}`,
    ok: 200,
  },
  {
    method: 'POST',
    spec: '/2/tweets',
    path: '/2/tweets',
    body: {
      text: 'Tom & Jerry <3 > https://example.com/a?b=1&c=2',
      reply: { in_reply_to_tweet_id: T.root },
    },
    ok: 201,
  },
  {
    method: 'POST',
    spec: '/2/dm_conversations/with/{participant_id}/messages',
    path: `/2/dm_conversations/with/${MARIE.id}/messages`,
    body: { text: 'Voici le lien https://example.com/r?x=1&y=2' },
    ok: 201,
  },
  {
    method: 'GET',
    spec: '/2/dm_conversations/with/{participant_id}/dm_events',
    path: `/2/dm_conversations/with/${MARIE.id}/dm_events?${DM_FIELDS}`,
    ok: 200,
  },
];

describe('X answers against the official OpenAPI document', () => {
  it('serves every route in the shape the spec gives, with every field it serves asked for', async () => {
    for (const route of ROUTES) {
      const got = await expectConforms({
        ...route,
        name: `${route.method} ${route.spec}`,
        status: route.ok,
      });
      expect(got.body).toHaveProperty('data');
    }
  });

  it('answers the spec`s shapes for empty pages, missing users and tweets, and missing references', async () => {
    const cases: Case[] = [
      {
        name: 'no mention left',
        method: 'GET',
        spec: '/2/users/{id}/mentions',
        path: `/2/users/${BRAND.id}/mentions?since_id=${T.other}`,
        status: 200,
      },
      {
        name: 'unknown user',
        method: 'GET',
        spec: '/2/users/{id}',
        path: '/2/users/42',
        status: 200,
      },
      {
        name: 'unknown username',
        method: 'GET',
        spec: '/2/users/by/username/{username}',
        path: '/2/users/by/username/nobody_here',
        token: OTHER.token,
        status: 200,
      },
      {
        name: 'unknown tweet',
        method: 'GET',
        spec: '/2/tweets/{id}',
        path: '/2/tweets/999',
        status: 200,
      },
      {
        name: 'reply to a deleted tweet',
        method: 'GET',
        spec: '/2/tweets/{id}',
        path: `/2/tweets/${T.orphan}?expansions=referenced_tweets.id`,
        status: 200,
      },
      {
        name: 'unknown user timeline',
        method: 'GET',
        spec: '/2/users/{id}/tweets',
        path: '/2/users/42/tweets',
        status: 200,
      },
      {
        name: 'no DM with someone',
        method: 'GET',
        spec: '/2/dm_conversations/with/{participant_id}/dm_events',
        path: `/2/dm_conversations/with/${OTHER.id}/dm_events`,
        status: 200,
      },
    ];
    for (const c of cases) await expectConforms(c);
    const orphan = await answer(cases[4]!);
    expect((orphan.body as { errors: unknown[] }).errors).toHaveLength(1);
  });

  it('answers problems in the spec`s shapes: bad parameters, refusals, limits', async () => {
    const cases: Case[] = [
      {
        name: 'bad max_results',
        method: 'GET',
        spec: '/2/users/{id}/mentions',
        path: `/2/users/${BRAND.id}/mentions?max_results=1`,
        status: 400,
      },
      {
        name: 'unknown field',
        method: 'GET',
        spec: '/2/users/me',
        path: '/2/users/me?user.fields=nope',
        status: 400,
      },
      {
        name: 'bad user id',
        method: 'GET',
        spec: '/2/users/{id}',
        path: '/2/users/abc',
        status: 400,
      },
      {
        name: 'bad tweet id',
        method: 'GET',
        spec: '/2/tweets/{id}',
        path: '/2/tweets/abc',
        status: 400,
      },
      {
        name: 'bad exclude',
        method: 'GET',
        spec: '/2/users/{id}/tweets',
        path: `/2/users/${BRAND.id}/tweets?exclude=nope`,
        status: 400,
      },
      {
        name: 'bad DM page size',
        method: 'GET',
        spec: '/2/dm_conversations/with/{participant_id}/dm_events',
        path: `/2/dm_conversations/with/${MARIE.id}/dm_events?max_results=0`,
        status: 400,
      },
      {
        name: 'empty post',
        method: 'POST',
        spec: '/2/tweets',
        path: '/2/tweets',
        body: { text: '' },
        status: 400,
      },
      {
        name: 'post too long',
        method: 'POST',
        spec: '/2/tweets',
        path: '/2/tweets',
        body: { text: '日'.repeat(141) },
        status: 400,
      },
      {
        name: 'reply to a missing tweet',
        method: 'POST',
        spec: '/2/tweets',
        path: '/2/tweets',
        body: { text: 'hi', reply: { in_reply_to_tweet_id: '999' } },
        status: 403,
      },
      {
        name: 'duplicate post',
        method: 'POST',
        spec: '/2/tweets',
        path: '/2/tweets',
        body: { text: 'Tom & Jerry <3 > https://example.com/a?b=1&c=2' },
        status: 403,
      },
      {
        name: 'DM to someone closed',
        method: 'POST',
        spec: '/2/dm_conversations/with/{participant_id}/messages',
        path: `/2/dm_conversations/with/${CLOSED}/messages`,
        body: { text: 'hello' },
        status: 403,
      },
      {
        name: 'DM to nobody',
        method: 'POST',
        spec: '/2/dm_conversations/with/{participant_id}/messages',
        path: '/2/dm_conversations/with/42/messages',
        body: { text: 'hello' },
        status: 400,
      },
      {
        name: 'rate limit',
        method: 'GET',
        spec: '/2/users/by/username/{username}',
        path: `/2/users/by/username/${MARIE.username}`,
        token: OTHER.token,
        status: 429,
      },
    ];
    for (const c of cases) await expectConforms(c);
    // The 24-hour cap (4 posts here): one went out in the first test, three more, then the refusal.
    for (const text of ['deux', 'trois', 'quatre'])
      await expectConforms({
        name: text,
        method: 'POST',
        spec: '/2/tweets',
        path: '/2/tweets',
        body: { text },
        status: 201,
      });
    await expectConforms({
      name: 'daily cap',
      method: 'POST',
      spec: '/2/tweets',
      path: '/2/tweets',
      body: { text: 'cinq' },
      status: 429,
    });
  });

  it('answers 401 and every injected refusal on every route in the spec`s problem shape', async () => {
    const faults: Array<[Fault['kind'], number, Partial<Fault>?]> = [
      ['rate-limited', 429],
      ['usage-capped', 429],
      ['client-forbidden', 403],
      ['daily-cap', 429],
      ['dm-forbidden', 403],
      ['error', 500],
      ['error', 503, { status: 503 }],
      ['error', 429, { status: 429 }],
    ];
    for (const route of ROUTES) {
      const name = `${route.method} ${route.spec}`;
      await expectConforms({ ...route, name: `${name} without token`, token: null, status: 401 });
      for (const [kind, status, extra] of faults) {
        emulator.injectFault({ platform: 'x', kind, ...extra });
        await expectConforms({ ...route, name: `${name} ${kind} ${status}`, status });
      }
    }
    clock += 60_000;
  });
});
