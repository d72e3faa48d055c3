import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sdk from './fixtures/graph-sdk-objects.json';
import { COMMENT_FIELDS, PAGE_FIELDS, POST_FIELDS } from './graph-fields';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import { PAGE, POST, bearer, call, testScenario } from './test-scenario';

/**
 * The emulator's Graph answers against the field lists of Meta's generated Business SDK objects
 * (`fixtures/graph-sdk-objects.json`: source, commit and date inside). A key the SDK does not list
 * for that object type, at any depth where the type is known, fails.
 */

type SdkType = keyof typeof sdk.objects;
const known = (type: SdkType) => new Set([...sdk.objects[type].fields, ...sdk.objects[type].edges]);

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    scenario: parseScenario(testScenario({ extraComments: 3 })),
    now: () => Date.parse('2026-03-10T12:30:00Z'),
  });
});
afterAll(() => emulator.close());

const get = async (path: string) => {
  const answer = await call(`${emulator.graphBaseUrl}/v24.0/${path}`, bearer(PAGE.token));
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as Record<string, unknown>;
};

/** Keys served that the SDK does not list, with their path; nested nodes checked by their type. */
function unknownKeys(node: Record<string, unknown>, type: SdkType, path: string): string[] {
  const allowed = known(type);
  const found: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (!allowed.has(key)) found.push(`${path}.${key} (${type})`);
    if (key === 'parent' && type === 'Comment')
      found.push(...unknownKeys(value as Record<string, unknown>, 'Comment', `${path}.parent`));
    if (key === 'comments') {
      const list = value as { data: Record<string, unknown>[] };
      list.data.forEach((c, i) =>
        found.push(...unknownKeys(c, 'Comment', `${path}.comments.data[${i}]`)),
      );
    }
  }
  return found;
}

describe('Graph answers against the Business SDK objects', () => {
  it('records where the field lists come from', () => {
    expect(sdk.source).toBe('https://github.com/facebook/facebook-nodejs-business-sdk');
    expect(sdk.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(sdk.commitDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sdk.objects.Comment.fields).toContain('can_reply_privately');
  });

  it('accepts in `fields` only what the SDK lists for the node type', () => {
    const missing = (names: readonly string[], type: SdkType) =>
      names.filter((n) => !known(type).has(n)).map((n) => `${type}.${n}`);
    expect([
      ...missing(PAGE_FIELDS, 'Page'),
      ...missing(POST_FIELDS, 'PagePost'),
      ...missing(COMMENT_FIELDS, 'Comment'),
    ]).toEqual([]);
  });

  it('serves a Page, its posts and their comments with SDK fields only, every field asked', async () => {
    const comments = `comments.filter(stream).limit(5).summary(true){${COMMENT_FIELDS.filter((f) => f !== 'comments').join(',')}}`;
    const postFields = [...POST_FIELDS.filter((f) => f !== 'comments'), comments].join(',');
    const commentFields = [
      ...COMMENT_FIELDS.filter((f) => f !== 'comments'),
      'comments.limit(3)',
    ].join(',');
    const page = await get(`me?fields=${PAGE_FIELDS.join(',')}`);
    const post = await get(`${POST}?fields=${postFields}`);
    const feed = (await get(`${PAGE.id}/feed?fields=${postFields}&limit=5`)) as {
      data: Record<string, unknown>[];
    };
    const list = (await get(`${POST}/comments?filter=stream&fields=${commentFields}`)) as {
      data: Record<string, unknown>[];
    };
    expect(list.data.some((c) => 'parent' in c)).toBe(true);
    const found = [
      ...unknownKeys(page, 'Page', 'page'),
      ...unknownKeys(post, 'PagePost', 'post'),
      ...feed.data.flatMap((p, i) => unknownKeys(p, 'PagePost', `feed[${i}]`)),
      ...list.data.flatMap((c, i) => unknownKeys(c, 'Comment', `comments[${i}]`)),
    ];
    expect(found).toEqual([]);
    // The answers did carry the fields asked (the check above is not vacuous).
    expect(Object.keys(post)).toEqual(expect.arrayContaining(['updated_time', 'created_time']));
    expect(Object.keys(list.data[0]!)).toEqual(
      expect.arrayContaining(['can_reply_privately', 'permalink_url', 'like_count']),
    );
  });

  it('fails on a key the SDK does not list', () => {
    expect(unknownKeys({ id: '1', colour: 'red' }, 'Comment', 'sample')).toEqual([
      'sample.colour (Comment)',
    ]);
  });
});
