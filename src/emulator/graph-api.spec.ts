import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import {
  GIULIA,
  HOOTSUITE,
  KLAUS,
  OTHER_PAGE,
  PAGE,
  POST,
  POST2,
  at,
  bearer,
  call,
  testScenario,
} from './test-scenario';

let emulator: Emulator;
const EXTRA_COMMENTS = 57;
const EXTRA_POSTS = 30;
const v = () => `${emulator.graphBaseUrl}/v21.0`;
const get = (path: string, token = PAGE.token) => call(`${v()}/${path}`, bearer(token));
const ids = (answer: { body: { data: Array<{ id: string }> } }) =>
  answer.body.data.map((c) => c.id);

/** Follows `paging.next` from a first URL, collecting every item id. */
async function collect(url: string, token = PAGE.token): Promise<string[]> {
  const seen: string[] = [];
  let next: string | undefined = url;
  while (next) {
    const answer = await call(next, bearer(token));
    expect(answer.status).toBe(200);
    seen.push(...ids(answer));
    next = answer.body.paging?.next;
  }
  return seen;
}

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: parseScenario(
      testScenario({ extraComments: EXTRA_COMMENTS, extraPosts: EXTRA_POSTS }),
    ),
  });
});
afterAll(() => emulator.close());

describe('Graph nodes, tokens and headers', () => {
  it('answers /me with the Page, its default and requested fields', async () => {
    expect((await get('me')).body).toEqual({ name: PAGE.name, id: PAGE.id });
    const rich = await get('me?fields=id,name,category,fan_count');
    expect(rich.body).toEqual({
      id: PAGE.id,
      name: PAGE.name,
      category: 'Coffee Shop',
      fan_count: 1_200_000,
    });
  });

  it('takes the token from the query or a Bearer header, and sends the Graph headers', async () => {
    const answer = await call(`${v()}/me?access_token=${PAGE.token}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(answer.headers.get('x-fb-trace-id')).toMatch(/^[A-Za-z0-9]{11}$/);
    expect(answer.headers.get('x-fb-rev')).toMatch(/^\d+$/);
    // A Page token falls under the Pages business use case, not the app's platform limit.
    expect(answer.headers.get('x-app-usage')).toBeNull();
    const usage = JSON.parse(answer.headers.get('x-business-use-case-usage')!);
    expect(Object.keys(usage)).toEqual([PAGE.id]);
    expect(Object.keys(usage[PAGE.id][0]).sort()).toEqual([
      'call_count',
      'estimated_time_to_regain_access',
      'total_cputime',
      'total_time',
      'type',
    ]);
  });

  it('refuses an unknown token with code 190', async () => {
    const answer = await get('me', 'not-a-page-token');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        message: 'Invalid OAuth access token - Cannot parse access token',
        type: 'OAuthException',
        code: 190,
        fbtrace_id: answer.headers.get('x-fb-trace-id'),
      },
    });
    expect(answer.body.error.fbtrace_id).toMatch(/^[A-Za-z0-9]{11}$/);
    expect(answer.headers.get('x-app-usage')).not.toBeNull();
  });

  it("answers an unknown object, or another Page's, with code 100 subcode 33", async () => {
    for (const id of ['xyz', `${OTHER_PAGE.id}_7001`]) {
      const answer = await get(`${id}/comments`);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
        type: 'GraphMethodException',
        code: 100,
        error_subcode: 33,
      });
    }
  });

  it('rejects a bad limit, an unknown field and a malformed version', async () => {
    const limit = await get(`${POST}/comments?limit=abc`);
    expect(limit.status).toBe(400);
    expect(limit.body.error).toMatchObject({ type: 'OAuthException', code: 100 });
    expect(limit.body.error.message).toMatch(/^\(#100\) /);
    const field = await get(`${POST}/comments?fields=id,colour`);
    expect(field.body.error.message).toBe(
      '(#100) Tried accessing nonexisting field (colour) on node type (Comment)',
    );
    const version = await call(`${emulator.graphBaseUrl}/latest/me`, bearer(PAGE.token));
    expect(version.status).toBe(400);
    expect(version.body.error.code).toBe(2635);
    expect((await get(`${POST}/likes`)).body.error.code).toBe(100);
  });

  it('serves the newest version Meta lists', async () => {
    const answer = await call(`${emulator.graphBaseUrl}/v26.0/me`, bearer(PAGE.token));
    expect(answer.body.id).toBe(PAGE.id);
  });
});

describe('Graph feed', () => {
  it('lists the Page posts newest first and pages through them with paging.next', async () => {
    const first = await get(
      `${PAGE.id}/feed?fields=id,message,created_time,from,application,permalink_url&limit=10`,
    );
    expect(first.body.data).toHaveLength(10);
    expect(first.body.data[0]).toEqual({
      id: `${PAGE.id}_${6000 + EXTRA_POSTS}`,
      message: `Post ${EXTRA_POSTS}`,
      created_time: at(40 + EXTRA_POSTS).replace('.000Z', '+0000'),
      from: { name: PAGE.name, id: PAGE.id },
      permalink_url: `https://www.facebook.com/${PAGE.id}/posts/${6000 + EXTRA_POSTS}`,
    });
    expect(first.body.paging.next).toContain('limit=10');
    const all = await collect(`${v()}/me/posts?limit=7`);
    expect(all).toHaveLength(EXTRA_POSTS + 2);
    expect(all.slice(-2)).toEqual([POST2, POST]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('filters by since and until, as unix seconds or dates', async () => {
    const since = Date.parse(at(40)) / 1000;
    const byNumber = await get(
      `${PAGE.id}/feed?since=${since}&until=${at(41)}&fields=id,application`,
    );
    expect(byNumber.body.data).toEqual([
      { id: `${PAGE.id}_6001` },
      { id: POST2, application: { id: HOOTSUITE.id, name: HOOTSUITE.name, link: HOOTSUITE.link } },
    ]);
  });
});

describe('Graph comments', () => {
  const FIELDS =
    'fields=id,message,from,created_time,parent,application,attachment,comment_count,can_hide,object';

  it('lists top-level comments oldest first by default', async () => {
    const answer = await get(`${POST}/comments?${FIELDS}`);
    expect(ids(answer)).toEqual(['5001_9001', '5001_9004', '5001_9005']);
    expect(answer.body.data[0]).toEqual({
      id: '5001_9001',
      message: 'Warum so spät?',
      from: { name: KLAUS.name, id: KLAUS.id },
      created_time: at(2).replace('.000Z', '+0000'),
      comment_count: 2,
      can_hide: true,
      object: { id: POST },
    });
    expect(answer.body.data[1].attachment).toMatchObject({
      type: 'photo',
      url: 'https://example.com/p.jpg',
    });
  });

  it('lists every comment with filter=stream, replies carrying their parent', async () => {
    const answer = await get(`${POST}/comments?filter=stream&${FIELDS}`);
    expect(ids(answer)).toEqual(['5001_9001', '5001_9002', '5001_9003', '5001_9004', '5001_9005']);
    const brand = answer.body.data[1];
    expect(brand).toMatchObject({
      from: { name: PAGE.name, id: PAGE.id },
      application: HOOTSUITE,
      can_hide: false,
      parent: {
        id: '5001_9001',
        message: 'Warum so spät?',
        from: { name: KLAUS.name, id: KLAUS.id },
        created_time: at(2).replace('.000Z', '+0000'),
      },
    });
    expect(answer.body.data[0]).not.toHaveProperty('parent');
    expect(answer.body.data[0]).not.toHaveProperty('application');
  });

  it('orders reverse_chronological on request, and lists the replies of a comment', async () => {
    const reverse = await get(`${POST}/comments?filter=stream&order=reverse_chronological`);
    expect(ids(reverse)).toEqual(['5001_9005', '5001_9004', '5001_9003', '5001_9002', '5001_9001']);
    expect(reverse.body.data[0]).toEqual({
      created_time: at(26).replace('.000Z', '+0000'),
      from: { name: GIULIA.name, id: GIULIA.id },
      message: 'Ancora niente?',
      id: '5001_9005',
    });
    const replies = await get('5001_9001/comments?fields=id,parent{id}');
    expect(replies.body.data).toEqual([
      { id: '5001_9002', parent: { id: '5001_9001' } },
      { id: '5001_9003', parent: { id: '5001_9001' } },
    ]);
  });

  it('pages with cursors: next collects all once, previous goes back, paging absent when empty', async () => {
    const all = await collect(`${v()}/${POST2}/comments?limit=10&order=reverse_chronological`);
    expect(all).toHaveLength(EXTRA_COMMENTS);
    expect(new Set(all).size).toBe(EXTRA_COMMENTS);
    expect(all[0]).toBe(`5002_${10_000 + EXTRA_COMMENTS - 1}`);

    const first = await get(`${POST2}/comments?limit=10`);
    expect(first.body.paging.previous).toBeUndefined();
    expect(first.body.paging.cursors).toEqual({
      before: expect.any(String),
      after: expect.any(String),
    });
    const second = await call(first.body.paging.next, bearer(PAGE.token));
    const back = await call(second.body.paging.previous, bearer(PAGE.token));
    expect(ids(back)).toEqual(ids(first));

    const empty = await get(`${POST2}/comments?since=${Date.parse(at(1000)) / 1000}`);
    expect(empty.body).toEqual({ data: [] });
  });

  it('repeats a query access_token in paging links, and never adds one', async () => {
    const withQuery = await call(`${v()}/${POST2}/comments?limit=5&access_token=${PAGE.token}`);
    expect(new URL(withQuery.body.paging.next).searchParams.get('access_token')).toBe(PAGE.token);
    const withHeader = await get(`${POST2}/comments?limit=5`);
    expect(withHeader.body.paging.next).not.toContain('access_token');
    expect(withHeader.body.paging.next.startsWith(`${v()}/${POST2}/comments?`)).toBe(true);
  });

  it('keeps comments from since on, inclusive', async () => {
    const answer = await get(`${POST}/comments?filter=stream&since=${Date.parse(at(15)) / 1000}`);
    expect(ids(answer)).toEqual(['5001_9003', '5001_9004', '5001_9005']);
  });

  it('serves nested comments with a summary', async () => {
    const answer = await get(`${POST}?fields=id,comments.limit(1).summary(true){message}`);
    expect(answer.body.comments.data).toEqual([{ message: 'Warum so spät?', id: '5001_9001' }]);
    expect(answer.body.comments.summary).toEqual({
      order: 'chronological',
      total_count: 3,
      can_comment: true,
    });
    expect(answer.body.comments.paging.next).toContain(`/${POST}/comments?`);
  });
});
