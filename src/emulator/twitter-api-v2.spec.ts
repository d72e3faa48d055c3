import { Agent } from 'node:http';
import { ApiResponseError, TwitterApi } from 'twitter-api-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import { BRAND, T, testScenario } from './test-scenario';

let emulator: Emulator;

/**
 * The client the X connector builds: the library's hosts are fixed (`https://api.x.com/2/...`), so a
 * plugin rewrites each request URL onto the emulator; its requests go through `https.request`, which
 * accepts an `http:` URL when given an `http.Agent`. The library picks a body encoding from the URL's
 * path (JSON only for paths starting with `/2/`), so the plugin keeps v2 bodies JSON once the path
 * gains the `/x` prefix.
 */
function client(token: string): TwitterApi {
  const base = `${emulator.xBaseUrl}/`;
  return new TwitterApi(token, {
    plugins: [
      {
        onBeforeRequestConfig({ params }) {
          const url = String(params.url);
          if (
            url.startsWith('https://api.x.com/2/') &&
            !url.startsWith('https://api.x.com/2/oauth2/')
          )
            params.forceBodyMode ??= 'json';
          params.url = url.replace('https://api.x.com/', base);
        },
      },
    ],
    httpAgent: new Agent({ keepAlive: true }),
  });
}

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: parseScenario(testScenario({ extraMentions: 12 })),
    rateLimits: { 'GET /2/users/me': 2 },
  });
});
afterAll(() => emulator.close());

describe('twitter-api-v2 against the emulator', () => {
  it('reads the account and its mentions, page after page, with rate limits parsed', async () => {
    const api = client(BRAND.token).v2;
    const me = await api.me({ 'user.fields': ['verified'] });
    expect(me.data).toMatchObject({ id: BRAND.id, username: BRAND.username, verified: true });
    const full = await api.get('users/me', undefined, { fullResponse: true });
    expect(full.rateLimit).toMatchObject({ limit: 2, remaining: 0 });

    const timeline = await api.userMentionTimeline(BRAND.id, {
      max_results: 5,
      'tweet.fields': ['created_at', 'conversation_id', 'author_id'],
      expansions: ['author_id'],
      'user.fields': ['public_metrics'],
    });
    expect(timeline.tweets).toHaveLength(5);
    expect(timeline.rateLimit).toMatchObject({ limit: 300, remaining: 299 });
    while (!timeline.done) await timeline.fetchNext();
    const ids = timeline.tweets.map((t) => t.id);
    expect(ids).toHaveLength(12 + 5);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe(T.root);
    expect(timeline.includes.author(timeline.tweets.at(-1)!)?.username).toBe('marie_l');
  });

  it('reads with since_id through the generic get', async () => {
    const page = await client(BRAND.token).v2.get<{ data?: Array<{ id: string }>; meta: object }>(
      `users/${BRAND.id}/mentions`,
      { since_id: T.emoji, max_results: 100 },
    );
    expect(page.data?.map((t) => t.id)).toHaveLength(12);
  });

  it('surfaces 401 and 429 as ApiResponseError with their bodies and rate limits', async () => {
    const refused = await client('wrong-token')
      .v2.me()
      .catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ApiResponseError);
    expect((refused as ApiResponseError).code).toBe(401);
    expect((refused as ApiResponseError).data).toMatchObject({ title: 'Unauthorized' });

    const api = client(BRAND.token).v2;
    const limited = await api.me().catch((err: unknown) => err);
    expect(limited).toBeInstanceOf(ApiResponseError);
    expect((limited as ApiResponseError).rateLimitError).toBe(true);
    expect((limited as ApiResponseError).rateLimit).toMatchObject({ limit: 2, remaining: 0 });
    expect((limited as ApiResponseError).data).toMatchObject({
      title: 'Too Many Requests',
      status: 429,
    });
  });

  it('posts a reply with v2.reply', async () => {
    const reply = await client(BRAND.token).v2.reply('Merci pour votre patience.', T.orphan);
    expect(reply.data.text).toBe('Merci pour votre patience.');
    expect(emulator.writes().at(-1)).toMatchObject({ action: 'tweet', targetId: T.orphan });
  });
});
