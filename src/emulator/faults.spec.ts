import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import { BRAND, MARIE, T, bearer, call, testScenario } from './test-scenario';

let emulator: Emulator;
afterEach(() => emulator.close());

const start = async () => {
  emulator = await startEmulator({ scenario: parseScenario(testScenario()), port: 0 });
};
const json = (token: string, body: unknown, signal?: AbortSignal): RequestInit => ({
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: JSON.stringify(body),
  ...(signal ? { signal } : {}),
});
const tweet = (text: string, signal?: AbortSignal) =>
  fetch(
    `${emulator.xBaseUrl}/2/tweets`,
    json(BRAND.token, { text, reply: { in_reply_to_tweet_id: T.root } }, signal),
  );
const ownTweets = async () =>
  (
    await call(`${emulator.xBaseUrl}/2/users/${BRAND.id}/tweets`, bearer(BRAND.token))
  ).body.data.map((t: { text: string }) => t.text);

describe('faults played after the platform handled the request', () => {
  it('a reset before handling leaves nothing done; after handling, the write is made', async () => {
    await start();
    emulator.injectFault({ platform: 'x', kind: 'reset', path: '/2/tweets' });
    await expect(tweet('Never reached X.')).rejects.toThrow('fetch failed');
    expect(emulator.writes()).toEqual([]);

    emulator.injectFault({ platform: 'x', kind: 'reset', path: '/2/tweets', when: 'after' });
    await expect(tweet('Reached X, the answer was lost.')).rejects.toThrow('fetch failed');
    expect(emulator.writes()).toEqual([
      expect.objectContaining({ action: 'tweet', text: 'Reached X, the answer was lost.' }),
    ]);
    expect(await ownTweets()).toContain('Reached X, the answer was lost.');
  });

  it('withholds the answer of a write it made (a timeout), or answers a 5xx instead', async () => {
    await start();
    emulator.injectFault({ platform: 'x', kind: 'timeout', path: '/messages', when: 'after' });
    const dm = fetch(
      `${emulator.xBaseUrl}/2/dm_conversations/with/${MARIE.id}/messages`,
      json(BRAND.token, { text: 'Votre code de remboursement.' }, AbortSignal.timeout(300)),
    );
    await expect(dm).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(emulator.writes()).toEqual([
      expect.objectContaining({ action: 'direct_message', targetId: MARIE.id }),
    ]);

    emulator.injectFault({ platform: 'x', kind: 'error', status: 503, when: 'after' });
    const failed = await tweet('Made, then answered 503.');
    expect(failed.status).toBe(503);
    expect(await ownTweets()).toContain('Made, then answered 503.');
  });

  it('lets the first `skip` matching requests through', async () => {
    await start();
    emulator.injectFault({ platform: 'x', kind: 'error', status: 502, path: '/mentions', skip: 2 });
    const mentions = () =>
      call(`${emulator.xBaseUrl}/2/users/${BRAND.id}/mentions`, bearer(BRAND.token));
    expect((await call(`${emulator.xBaseUrl}/2/users/me`, bearer(BRAND.token))).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await mentions()).status);
    expect(statuses).toEqual([200, 200, 502, 200]);
  });

  it('arms both from another process', async () => {
    await start();
    const armed = await call(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        platform: 'x',
        kind: 'reset',
        when: 'after',
        skip: 1,
        path: 'tweets',
      }),
    });
    expect(armed.status).toBe(201);
    expect((await tweet('First, untouched.')).status).toBe(201);
    await expect(tweet('Second, made and reset.')).rejects.toThrow('fetch failed');
    expect(emulator.writes().map((w) => w.text)).toEqual([
      'First, untouched.',
      'Second, made and reset.',
    ]);
    const wrong = await call(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'x', kind: 'reset', when: 'later' }),
    });
    expect(wrong.status).toBe(400);
  });
});
