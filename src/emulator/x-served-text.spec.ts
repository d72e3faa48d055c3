import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import { BRAND, MARIE, T, bearer, call, testScenario } from './test-scenario';

let emulator: Emulator;
afterEach(() => emulator.close());

const start = async (options: Partial<Parameters<typeof startEmulator>[0]> = {}) => {
  const scenario = testScenario();
  scenario.x!.users!.push({
    id: '3000000000000000009',
    username: 'closed_dms',
    name: 'Closed',
    accepts_dms: false,
  });
  emulator = await startEmulator({ scenario: parseScenario(scenario), ...options });
};
const post = (body: unknown, token = BRAND.token) =>
  call(`${emulator.xBaseUrl}/2/tweets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const dm = (to: string, text = 'Bonjour') =>
  call(`${emulator.xBaseUrl}/2/dm_conversations/with/${to}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BRAND.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
const tweet = (id: string, fields = 'entities') =>
  call(`${emulator.xBaseUrl}/2/tweets/${id}?tweet.fields=${fields}`, bearer(BRAND.token));

/** The part of `text` between code point `start` and `end`. */
const slice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('X tweet text as X serves it', () => {
  it('escapes &, < and >, rewrites links to t.co and lists them in entities.urls', async () => {
    await start();
    const raw =
      '🎉 Tom & Jerry <3 @CafeAurore https://example.com/menu?a=1&b=2 et aurore.fr/carte >';
    const created = await post({ text: raw, reply: { in_reply_to_tweet_id: T.root } });
    expect(created.status).toBe(201);
    const { data } = (await tweet(created.body.data.id as string)).body;
    expect(created.body.data.text).toBe(data.text);
    expect(data.text).toMatch(
      /^🎉 Tom &amp; Jerry &lt;3 @CafeAurore https:\/\/t\.co\/[A-Za-z0-9]{10} et https:\/\/t\.co\/[A-Za-z0-9]{10} &gt;$/,
    );
    const urls = data.entities.urls as Array<Record<string, string | number>>;
    expect(urls.map((u) => [u.expanded_url, u.display_url])).toEqual([
      ['https://example.com/menu?a=1&b=2', 'example.com/menu?a=1&b=2'],
      ['http://aurore.fr/carte', 'aurore.fr/carte'],
    ]);
    // Indices count code points in the unescaped text (the emoji counts one).
    const unescaped = (data.text as string)
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    for (const u of urls) expect(slice(unescaped, u.start as number, u.end as number)).toBe(u.url);
    const [mention] = data.entities.mentions;
    expect(slice(unescaped, mention.start, mention.end)).toBe('@CafeAurore');
  });

  it('shortens a long link for display and gives each link the same t.co URL every time', async () => {
    await start();
    const created = await post({
      text: 'Voir https://www.example.com/a/very/long/path/to/the/page',
    });
    const first = (await tweet(created.body.data.id)).body.data;
    const second = (await tweet(created.body.data.id)).body.data;
    expect(first.entities.urls[0].display_url).toBe('www.example.com/a/very/lo…');
    expect(second.text).toBe(first.text);
  });

  it('accepts source in tweet.fields and never serves it', async () => {
    await start();
    const answer = await tweet(T.brandReply, 'source,created_at');
    expect(answer.status).toBe(200);
    expect(answer.body.data).toHaveProperty('created_at');
    expect(answer.body.data).not.toHaveProperty('source');
  });
});

describe('X post length', () => {
  it('weighs the text as twitter-text does: CJK counts 2, a link 23', async () => {
    await start();
    expect((await post({ text: '日'.repeat(140) })).status).toBe(201);
    expect((await post({ text: '本'.repeat(141) })).status).toBe(400);
    const link = `https://example.com/${'p'.repeat(200)}`;
    expect((await post({ text: `${'a'.repeat(256)} ${link}` })).status).toBe(201);
    expect((await post({ text: `${'b'.repeat(257)} ${link}` })).status).toBe(400);
  });

  it('takes a direct message longer than a post', async () => {
    await start();
    expect((await dm(MARIE.id, 'é'.repeat(1000))).status).toBe(201);
  });
});

describe('X 24-hour posting caps', () => {
  it('reports the user and app caps on each post and refuses past the user cap until the reset', async () => {
    let clock = Date.parse('2026-03-10T12:00:00Z');
    await start({ postingCaps: { user24h: 2 }, now: () => clock });
    const first = await post({ text: 'un' });
    expect(first.headers.get('x-user-limit-24hour-limit')).toBe('2');
    expect(first.headers.get('x-user-limit-24hour-remaining')).toBe('1');
    expect(first.headers.get('x-user-limit-24hour-reset')).toBe(String(clock / 1000 + 86_400));
    expect(first.headers.get('x-app-limit-24hour-limit')).toBe('10000');
    expect(first.headers.get('x-app-limit-24hour-remaining')).toBe('9999');
    expect((await post({ text: 'deux' })).headers.get('x-user-limit-24hour-remaining')).toBe('0');
    const refused = await post({ text: 'trois' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-user-limit-24hour-remaining')).toBe('0');
    expect(Number(refused.headers.get('x-rate-limit-remaining'))).toBeGreaterThan(0);
    expect(emulator.writes()).toHaveLength(2);
    clock += 86_400_000;
    expect((await post({ text: 'trois' })).status).toBe(201);
  });

  it('refuses every user once the app cap is used up', async () => {
    await start({ postingCaps: { app24h: 1 } });
    expect((await post({ text: 'un' })).status).toBe(201);
    const refused = await post({ text: 'deux' }, 'x-token-other-0002');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-app-limit-24hour-remaining')).toBe('0');
    expect(refused.headers.get('x-user-limit-24hour-remaining')).toBe('2400');
  });
});

describe('X refusals', () => {
  it('answers 403 to a direct message the user does not take', async () => {
    await start();
    const refused = await dm('3000000000000000009');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ title: 'Forbidden', status: 403, type: 'about:blank' });
    expect(emulator.writes()).toEqual([]);
  });

  it('plays X refusals injected as faults, through the admin endpoint too', async () => {
    const clock = Date.parse('2026-03-10T12:00:00Z');
    await start({ now: () => clock });
    const arm = (fault: object) =>
      call(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify(fault) });
    const mentions = () =>
      call(`${emulator.xBaseUrl}/2/users/${BRAND.id}/mentions`, bearer(BRAND.token));

    expect((await arm({ platform: 'x', kind: 'usage-capped', path: '/mentions' })).status).toBe(
      201,
    );
    const capped = await mentions();
    expect(capped.status).toBe(429);
    expect(capped.body).toEqual({
      title: 'UsageCapExceeded',
      detail: 'Usage cap exceeded: Monthly product cap',
      type: 'https://api.twitter.com/2/problems/usage-capped',
      period: 'Monthly',
      scope: 'Product',
    });
    expect(capped.headers.get('x-rate-limit-limit')).toBe('300');

    await arm({ platform: 'x', kind: 'client-forbidden' });
    const forbidden = await mentions();
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({
      type: 'https://api.twitter.com/2/problems/client-forbidden',
      reason: 'client-not-enrolled',
    });

    for (const fault of [
      { platform: 'x', kind: 'rate-limited' },
      { platform: 'x', kind: 'error', status: 429 },
    ]) {
      await arm(fault);
      const limited = await mentions();
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ title: 'Too Many Requests', status: 429 });
      expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
      expect(limited.headers.get('x-rate-limit-reset')).toBe(String(clock / 1000 + 900));
    }

    await arm({ platform: 'x', kind: 'daily-cap', path: '/2/tweets' });
    const daily = await post({ text: 'plus de place' });
    expect(daily.status).toBe(429);
    expect(daily.headers.get('x-user-limit-24hour-remaining')).toBe('0');
    expect(daily.headers.get('x-user-limit-24hour-reset')).toBe(String(clock / 1000 + 86_400));

    emulator.injectFault({ platform: 'x', kind: 'dm-forbidden', path: '/messages' });
    expect((await dm(MARIE.id)).status).toBe(403);
    expect(emulator.writes()).toEqual([]);
  });
});
