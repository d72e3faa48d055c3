import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import { BRAND, MARIE, OTHER, T, bearer, call, testScenario } from './test-scenario';

let emulator: Emulator;
afterEach(() => emulator.close());

const start = async (options: Partial<Parameters<typeof startEmulator>[0]> = {}) => {
  emulator = await startEmulator({ scenario: parseScenario(testScenario()), ...options });
};
const mentions = (token = BRAND.token) =>
  call(`${emulator.xBaseUrl}/2/users/${BRAND.id}/mentions`, bearer(token));
const post = (body: unknown, token = BRAND.token) =>
  call(`${emulator.xBaseUrl}/2/tweets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('X rate limits', () => {
  it('sends the rate-limit headers, counting down per endpoint and token, then answers 429', async () => {
    let clock = Date.parse('2026-03-10T12:00:00Z');
    await start({ rateLimits: { 'GET /2/users/:id/mentions': 3 }, now: () => clock });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await mentions();
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-rate-limit-limit')).toBe('3');
      expect(answer.headers.get('x-rate-limit-reset')).toBe(String(clock / 1000 + 900));
      remaining.push(answer.headers.get('x-rate-limit-remaining')!);
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const refused = await mentions();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      title: 'Too Many Requests',
      detail: 'Too Many Requests',
      type: 'about:blank',
      status: 429,
    });
    expect(refused.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(refused.headers.get('x-rate-limit-reset')).toBe(String(clock / 1000 + 900));

    // Other endpoints and other tokens have their own windows.
    const me = await call(`${emulator.xBaseUrl}/2/users/me`, bearer(BRAND.token));
    expect(me.headers.get('x-rate-limit-limit')).toBe('75');
    expect(me.headers.get('x-rate-limit-remaining')).toBe('74');
    expect((await mentions(OTHER.token)).status).toBe(200);

    // A new window opens once the reset time has passed.
    clock += 15 * 60_000;
    const again = await mentions();
    expect(again.status).toBe(200);
    expect(again.headers.get('x-rate-limit-remaining')).toBe('2');
  });

  it('uses X defaults: 300 mentions, 900 tweets per window', async () => {
    await start();
    expect((await mentions()).headers.get('x-rate-limit-limit')).toBe('300');
    const tweets = await call(
      `${emulator.xBaseUrl}/2/users/${BRAND.id}/tweets`,
      bearer(BRAND.token),
    );
    expect(tweets.headers.get('x-rate-limit-limit')).toBe('900');
  });
});

describe('X writes', () => {
  it('posts a reply, serves it in the timeline and refuses a duplicate', async () => {
    await start();
    const created = await post({
      text: 'Bien reçu, merci !',
      reply: { in_reply_to_tweet_id: T.followUp },
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect(created.body).toEqual({
      data: { id, text: 'Bien reçu, merci !' },
    });
    expect(BigInt(id) > BigInt(T.other)).toBe(true);

    const own = await call(
      `${emulator.xBaseUrl}/2/users/${BRAND.id}/tweets?tweet.fields=conversation_id,in_reply_to_user_id`,
      bearer(BRAND.token),
    );
    expect(own.body.data[0]).toMatchObject({
      id,
      conversation_id: T.root,
      in_reply_to_user_id: MARIE.id,
    });

    const twice = await post({
      text: 'Bien reçu, merci !',
      reply: { in_reply_to_tweet_id: T.followUp },
    });
    expect(twice.status).toBe(403);
    expect(twice.body.detail).toBe('You are not allowed to create a Tweet with duplicate content.');
    expect(emulator.writes()).toEqual([
      expect.objectContaining({
        platform: 'x',
        action: 'tweet',
        id,
        targetId: T.followUp,
        actorId: BRAND.id,
      }),
    ]);
  });

  it('refuses a reply to a missing tweet and an empty text', async () => {
    await start();
    expect((await post({ text: 'hi', reply: { in_reply_to_tweet_id: '999' } })).status).toBe(403);
    expect((await post({ text: '' })).status).toBe(400);
    expect((await post({ text: 'x'.repeat(281) })).status).toBe(400);
  });

  it('sends a direct message', async () => {
    await start();
    const sent = await call(`${emulator.xBaseUrl}/2/dm_conversations/with/${MARIE.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BRAND.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Voici votre code de remboursement.' }),
    });
    expect(sent.status).toBe(201);
    expect(sent.body.data.dm_conversation_id).toBe(`${BRAND.id}-${MARIE.id}`);
    expect(emulator.writes()[0]).toMatchObject({ action: 'direct_message', targetId: MARIE.id });
  });
});
