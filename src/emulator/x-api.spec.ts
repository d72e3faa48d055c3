import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import { BRAND, JAN, MARIE, OTHER, T, bearer, call, testScenario } from './test-scenario';

let emulator: Emulator;
const EXTRA = 23;
/** All mentions of @CafeAurore, newest first: the extras, then the hand-written ones. */
const allMentions = () => {
  const s = emulator.scenario.x.tweets.filter((t) => /@CafeAurore\b/.test(t.text));
  return s.map((t) => t.id).sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1));
};
const get = (path: string, token = BRAND.token) =>
  call(`${emulator.xBaseUrl}${path}`, bearer(token));
const mentions = (query = '') => get(`/2/users/${BRAND.id}/mentions${query ? `?${query}` : ''}`);

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: parseScenario(testScenario({ extraMentions: EXTRA })),
  });
});
afterAll(() => emulator.close());

describe('X users', () => {
  it('answers /2/users/me with id, name and username, plus requested fields', async () => {
    const plain = await get('/2/users/me');
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual({
      data: { id: BRAND.id, name: 'Café Aurore', username: BRAND.username },
    });
    const rich = await get('/2/users/me?user.fields=verified,public_metrics,profile_image_url');
    expect(rich.body.data).toMatchObject({
      verified: true,
      public_metrics: {
        followers_count: 180_000,
        following_count: 0,
        tweet_count: 0,
        listed_count: 0,
      },
    });
    expect(rich.body.data.profile_image_url).toMatch(/^https:\/\//);
  });

  it('looks users up by id and answers 200 with a not-found error for an unknown one', async () => {
    const jan = await get(`/2/users/${JAN.id}?user.fields=description,created_at`);
    expect(jan.body.data).toEqual({
      id: JAN.id,
      name: JAN.name,
      username: JAN.username,
      description: 'Journalist',
    });
    const unknown = await get('/2/users/42');
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({
      errors: [
        {
          value: '42',
          detail: 'Could not find user with id: [42].',
          title: 'Not Found Error',
          resource_type: 'user',
          parameter: 'id',
          resource_id: '42',
          type: 'https://api.twitter.com/2/problems/resource-not-found',
        },
      ],
    });
  });

  it('refuses a missing or unknown token with a 401 problem', async () => {
    for (const init of [{}, bearer('not-a-token')]) {
      const answer = await call(`${emulator.xBaseUrl}/2/users/me`, init);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body).toEqual({
        title: 'Unauthorized',
        type: 'about:blank',
        status: 401,
        detail: 'Unauthorized',
      });
    }
  });
});

describe('X mentions timeline', () => {
  it('pages with next_token through every mention exactly once, newest first', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const answer = await mentions(`max_results=5${token ? `&pagination_token=${token}` : ''}`);
      expect(answer.status).toBe(200);
      const ids = answer.body.data.map((t: { id: string }) => t.id);
      expect(answer.body.meta).toMatchObject({
        result_count: ids.length,
        newest_id: ids[0],
        oldest_id: ids.at(-1),
      });
      seen.push(...ids);
      token = answer.body.meta.next_token;
      pages++;
    } while (token);
    expect(seen).toEqual(allMentions());
    expect(new Set(seen).size).toBe(EXTRA + 5);
    expect(pages).toBe(Math.ceil((EXTRA + 5) / 5));
  });

  it('goes back with previous_token', async () => {
    const first = await mentions('max_results=5');
    expect(first.body.meta.previous_token).toBeUndefined();
    const second = await mentions(`max_results=5&pagination_token=${first.body.meta.next_token}`);
    const back = await mentions(
      `max_results=5&pagination_token=${second.body.meta.previous_token}`,
    );
    expect(back.body.data).toEqual(first.body.data);
  });

  it('returns only mentions newer than since_id, paging down to it', async () => {
    const all = allMentions();
    const since = all[12]!;
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const answer = await mentions(
        `since_id=${since}&max_results=5${token ? `&pagination_token=${token}` : ''}`,
      );
      seen.push(...answer.body.data.map((t: { id: string }) => t.id));
      token = answer.body.meta.next_token;
    } while (token);
    expect(seen).toEqual(all.slice(0, 12));
  });

  it('answers meta.result_count 0 alone when nothing matches', async () => {
    const answer = await mentions(`since_id=${allMentions()[0]}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ meta: { result_count: 0 } });
  });

  it('bounds by until_id, start_time and end_time', async () => {
    const byId = await mentions(`until_id=${T.followUp}`);
    expect(byId.body.data.map((t: { id: string }) => t.id)).toEqual([T.root]);
    const byTime = await mentions('start_time=2026-03-10T09:09:00Z&end_time=2026-03-10T09:26:00Z');
    expect(byTime.body.data.map((t: { id: string }) => t.id)).toEqual([
      T.orphan,
      T.quote,
      T.followUp,
    ]);
  });

  it('serves the default fields only, and exactly the requested ones', async () => {
    const plain = await mentions(`until_id=${T.followUp}`);
    expect(plain.body.data[0]).toEqual({
      id: T.root,
      text: '@CafeAurore Ma commande était froide.',
      edit_history_tweet_ids: [T.root],
    });
    const some = await mentions(`until_id=${T.followUp}&tweet.fields=created_at,lang`);
    expect(Object.keys(some.body.data[0]).sort()).toEqual([
      'created_at',
      'edit_history_tweet_ids',
      'id',
      'lang',
      'text',
    ]);
    expect(some.body.data[0].created_at).toBe('2026-03-10T09:00:00.000Z');
  });

  it('derives conversation, reply, reference, entity and metric fields', async () => {
    const fields =
      'tweet.fields=conversation_id,in_reply_to_user_id,referenced_tweets,entities,public_metrics,author_id,source';
    const answer = await mentions(`until_id=${T.emoji}&max_results=5&${fields}`);
    const byId = new Map(answer.body.data.map((t: { id: string }) => [t.id, t]));
    expect(byId.get(T.followUp)).toMatchObject({
      conversation_id: T.root,
      in_reply_to_user_id: BRAND.id,
      referenced_tweets: [{ type: 'replied_to', id: T.brandReply }],
      entities: {
        mentions: [{ start: 0, end: 11, username: 'CafeAurore', id: BRAND.id }],
        hashtags: [{ start: 34, end: 48, tag: 'remboursement' }],
      },
      public_metrics: { like_count: 3, reply_count: 0, retweet_count: 0, quote_count: 0 },
      author_id: MARIE.id,
    });
    expect(byId.get(T.followUp)).not.toHaveProperty('source');
    expect(byId.get(T.quote)).toMatchObject({
      referenced_tweets: [{ type: 'quoted', id: T.broadcast }],
    });
    expect(byId.get(T.quote)).not.toHaveProperty('in_reply_to_user_id');
    expect(byId.get(T.orphan)).toMatchObject({ conversation_id: '999' });
    expect(byId.get(T.root)).toMatchObject({ conversation_id: T.root });
    const own = await get(`/2/users/${BRAND.id}/tweets?tweet.fields=source,public_metrics`);
    const reply = own.body.data.find((t: { id: string }) => t.id === T.brandReply);
    // The scenario names the app, but X no longer serves `source` (accepted, left out).
    expect(reply).toMatchObject({ public_metrics: { reply_count: 1 } });
    expect(reply).not.toHaveProperty('source');
  });

  it('counts entity positions in code points', async () => {
    const answer = await mentions(`until_id=${T.other}&max_results=5&tweet.fields=entities`);
    const emoji = answer.body.data.find((t: { id: string }) => t.id === T.emoji);
    expect(emoji.entities.mentions).toEqual([
      { start: 2, end: 13, username: 'CafeAurore', id: BRAND.id },
    ]);
  });

  it('expands authors, mentioned users and referenced tweets into includes', async () => {
    const answer = await mentions(
      `until_id=${T.emoji}&max_results=5&expansions=author_id,referenced_tweets.id,entities.mentions.username&user.fields=verified&tweet.fields=author_id`,
    );
    const users = answer.body.includes.users.map((u: { id: string }) => u.id);
    expect(users).toEqual(expect.arrayContaining([MARIE.id, JAN.id, BRAND.id]));
    expect(new Set(users).size).toBe(users.length);
    expect(answer.body.includes.users.find((u: { id: string }) => u.id === JAN.id)).toEqual({
      id: JAN.id,
      name: JAN.name,
      username: JAN.username,
      verified: true,
    });
    const included = answer.body.includes.tweets.map((t: { id: string }) => t.id).sort();
    expect(included).toEqual([T.brandReply, T.broadcast].sort());
    expect(answer.body.includes.tweets[0]).toHaveProperty('author_id');
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        resource_id: '999',
        resource_type: 'tweet',
        parameter: 'referenced_tweets.id',
      }),
    ]);
  });

  it('rejects bad parameters with an invalid-request problem', async () => {
    const three = await mentions('max_results=3');
    expect(three.status).toBe(400);
    expect(three.headers.get('content-type')).toContain('application/problem+json');
    expect(three.body).toEqual({
      errors: [
        {
          parameters: { max_results: ['3'] },
          message: 'The `max_results` query parameter value [3] is not between 5 and 100',
        },
      ],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    });
    const since = await mentions('since_id=abc&max_results=101');
    expect(since.body.errors).toEqual([
      {
        parameters: { max_results: ['101'] },
        message: 'The `max_results` query parameter value [101] is not between 5 and 100',
      },
      {
        parameters: { since_id: ['abc'] },
        message: 'The `since_id` query parameter value [abc] does not match ^[0-9]{1,19}$',
      },
    ]);
    for (const query of [
      'tweet.fields=nope',
      'colour=red',
      'pagination_token=zzz',
      'start_time=yesterday',
    ]) {
      const answer = await mentions(query);
      expect(answer.status, query).toBe(400);
      expect(answer.body.errors[0].parameters, query).toHaveProperty(query.split('=')[0]!);
    }
  });

  it('answers mentions of an unknown user with a not-found error', async () => {
    const answer = await get('/2/users/42/mentions');
    expect(answer.status).toBe(200);
    expect(answer.body.errors[0]).toMatchObject({ resource_type: 'user', resource_id: '42' });
  });

  it("serves the other account's own mentions, and a user's tweets without replies on request", async () => {
    const other = await get(`/2/users/${OTHER.id}/mentions`, OTHER.token);
    expect(other.body.data.map((t: { id: string }) => t.id)).toEqual([T.other]);
    const own = await get(`/2/users/${BRAND.id}/tweets?exclude=replies`);
    expect(own.body.data.map((t: { id: string }) => t.id)).toEqual([T.broadcast]);
  });
});

describe('X 800-mention cap', () => {
  it('serves only the 800 most recent mentions', async () => {
    const big = await startEmulator({
      scenario: parseScenario(testScenario({ extraMentions: 850 })),
    });
    try {
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const answer = await call(
          `${big.xBaseUrl}/2/users/${BRAND.id}/mentions?max_results=100${token ? `&pagination_token=${token}` : ''}`,
          bearer(BRAND.token),
        );
        seen.push(...answer.body.data.map((t: { id: string }) => t.id));
        token = answer.body.meta.next_token;
      } while (token);
      expect(seen).toHaveLength(800);
      expect(new Set(seen).size).toBe(800);
      const newest = big.scenario.x.tweets
        .filter((t) => t.text.startsWith('@CafeAurore question'))
        .map((t) => t.id)
        .sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1))
        .slice(0, 800);
      expect(seen).toEqual(newest);
    } finally {
      await big.close();
    }
  });
});
