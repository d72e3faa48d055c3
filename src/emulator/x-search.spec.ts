import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import { ANCHOR, BRAND, T, bearer, call, testScenario } from './test-scenario';

const DAY = 86_400_000;
const EXTRA = 45;
let emulator: Emulator;
let nowMs = Date.parse(ANCHOR) + DAY;

const get = (path: string, token = BRAND.token) =>
  call(`${emulator.xBaseUrl}${path}`, bearer(token));
const search = (params: Record<string, string>) =>
  get(`/2/tweets/search/recent?${new URLSearchParams(params).toString()}`);
/** Every mention of the brand, newest first, as its mentions timeline serves them. */
async function mentionIds(): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await get(
      `/2/users/${BRAND.id}/mentions?max_results=100${token ? `&pagination_token=${token}` : ''}`,
    );
    ids.push(...(page.body.data ?? []).map((t: { id: string }) => t.id));
    token = page.body.meta.next_token;
  } while (token);
  return ids;
}

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: parseScenario(testScenario({ extraMentions: EXTRA })),
    now: () => nowMs,
    rateLimits: { 'GET /2/tweets/search/recent': 12 },
  });
});
afterAll(() => emulator.close());

describe('X recent search', () => {
  it('finds the mentions of @handle newest first, a page of max_results at a time', async () => {
    const expected = await mentionIds();
    expect(expected.length).toBeGreaterThan(EXTRA);
    const found: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const page = await search({
        query: `@${BRAND.username}`,
        max_results: '20',
        'tweet.fields': 'created_at,author_id',
        expansions: 'author_id',
        ...(next ? { next_token: next } : {}),
      });
      expect(page.status).toBe(200);
      expect(page.headers.get('x-rate-limit-limit')).toBe('12');
      expect(Number(page.headers.get('x-rate-limit-remaining'))).toBeLessThan(12);
      expect(Number(page.headers.get('x-rate-limit-reset'))).toBeGreaterThan(nowMs / 1000);
      const data = page.body.data as { id: string; author_id: string }[];
      expect(page.body.meta).toMatchObject({
        result_count: data.length,
        newest_id: data[0]!.id,
        oldest_id: data.at(-1)!.id,
      });
      expect(page.body.meta.previous_token).toBeUndefined();
      expect(page.body.includes.users.length).toBeGreaterThan(0);
      found.push(...data.map((t) => t.id));
      next = page.body.meta.next_token;
      pages += 1;
    } while (next);
    expect(found).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 20));
  });

  it('keeps to since_id and until_id, both exclusive', async () => {
    const all = await mentionIds();
    const [newer, older] = [all[5]!, all[15]!];
    const page = await search({
      query: `@${BRAND.username}`,
      since_id: older,
      until_id: newer,
      max_results: '100',
    });
    expect(page.body.data.map((t: { id: string }) => t.id)).toEqual(all.slice(6, 15));
  });

  it('applies -from: and is:reply, and refuses an operator it does not offer', async () => {
    const replies = await search({ query: `@marie_l is:reply`, max_results: '10' });
    expect(replies.body.data.map((t: { id: string }) => t.id)).toContain(T.brandReply);
    const everyone = await search({ query: '@marie_l', 'tweet.fields': 'author_id' });
    const notBrand = await search({
      query: `@marie_l -from:${BRAND.username}`,
      'tweet.fields': 'author_id',
    });
    const others = (everyone.body.data as { id: string; author_id: string }[]).filter(
      (t) => t.author_id !== BRAND.id,
    );
    expect(others.length).toBeLessThan(everyone.body.data.length);
    expect(notBrand.body.data ?? []).toEqual(others);
    const refused = await search({ query: `@${BRAND.username} has:media` });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body).toMatchObject({
      title: 'Invalid Request',
      type: 'https://api.twitter.com/2/problems/invalid-request',
      errors: [
        {
          parameters: { query: [`@${BRAND.username} has:media`] },
          message: expect.stringContaining("Reference to invalid operator 'has'"),
        },
      ],
    });
    expect((await search({ query: '-from:someone' })).status).toBe(400);
    expect((await search({ query: `@${BRAND.username}`, max_results: '5' })).status).toBe(400);
    expect((await search({ query: `@${BRAND.username}`, pagination: 'x' })).status).toBe(400);
  });

  it('reaches seven days back only, and says so of an older since_id or start_time', async () => {
    const all = await mentionIds();
    nowMs = Date.parse(ANCHOR) + 8 * DAY;
    try {
      expect((await mentionIds()).length).toBe(all.length);
      const none = await search({ query: `@${BRAND.username}` });
      expect(none.body).toEqual({ meta: { result_count: 0 } });
      const old = await search({ query: `@${BRAND.username}`, since_id: all[0]! });
      expect(old.status).toBe(400);
      expect(old.body.errors[0].parameters).toEqual({ since_id: [all[0]] });
      expect(old.body.errors[0].message).toMatch(/more recent than 7 days/);
      const early = await search({
        query: `@${BRAND.username}`,
        start_time: new Date(nowMs - 7 * DAY - 60_000).toISOString(),
      });
      expect(early.status).toBe(400);
      expect(early.body.errors[0].message).toMatch(/'start_time' must be on or after/);
    } finally {
      nowMs = Date.parse(ANCHOR) + DAY;
    }
  });

  it('answers 429 with its rate headers once its window is used up', async () => {
    let last = await search({ query: `@${BRAND.username}` });
    while (last.status === 200) last = await search({ query: `@${BRAND.username}` });
    expect(last.status).toBe(429);
    expect(last.body).toEqual({
      title: 'Too Many Requests',
      detail: 'Too Many Requests',
      type: 'about:blank',
      status: 429,
    });
    expect(last.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(Number(last.headers.get('x-rate-limit-reset'))).toBeGreaterThan(nowMs / 1000);
  });
});

describe('the mentions window beside recent search', () => {
  it('serves only the 800 most recent mentions, where search reaches every one of the week', async () => {
    const many = await startEmulator({
      scenario: parseScenario(testScenario({ extraMentions: 900 })),
      now: () => Date.parse(ANCHOR) + DAY,
    });
    try {
      const count = async (path: string, tokenName: string) => {
        let n = 0;
        let token: string | undefined;
        do {
          const answer = await call(
            `${many.xBaseUrl}${path}&max_results=100${token ? `&${tokenName}=${token}` : ''}`,
            bearer(BRAND.token),
          );
          expect(answer.status).toBe(200);
          n += answer.body.data?.length ?? 0;
          token = answer.body.meta.next_token;
        } while (token);
        return n;
      };
      const all = many.scenario.x.tweets.filter((t) => /@CafeAurore\b/.test(t.text)).length;
      expect(all).toBeGreaterThan(900);
      expect(
        await count(`/2/users/${BRAND.id}/mentions?expansions=author_id`, 'pagination_token'),
      ).toBe(800);
      expect(await count(`/2/tweets/search/recent?query=%40${BRAND.username}`, 'next_token')).toBe(
        all,
      );
    } finally {
      await many.close();
    }
  });
});
