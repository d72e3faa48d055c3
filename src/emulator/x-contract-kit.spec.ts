import { describe, expect, it } from 'vitest';
import { contractProblems } from './x-contract-kit';

/** The checker the X contract spec runs the emulator's answers through, on answers made by hand. */
describe('the strict contract', () => {
  const mentions = { method: 'GET', path: '/2/users/{id}/mentions' } as const;
  const tweet = { id: '1', text: 'hi', edit_history_tweet_ids: ['1'] };
  it('accepts a conforming answer and refuses a key the spec does not name, at any depth', () => {
    const ok = { data: [tweet], meta: { result_count: 1 } };
    const check = (body: unknown) =>
      contractProblems(mentions.method, mentions.path, {
        status: 200,
        contentType: 'application/json',
        body,
      });
    expect(check(ok)).toEqual([]);
    expect(check({ ...ok, extra: 1 })).not.toEqual([]);
    expect(check({ ...ok, meta: { result_count: 1, extra: 1 } })).not.toEqual([]);
    expect(
      check({
        data: [
          { ...tweet, entities: { urls: [{ start: 0, end: 2, url: 'https://t.co/a', extra: 1 }] } },
        ],
      }),
    ).not.toEqual([]);
    expect(
      check({
        ...ok,
        includes: {
          users: [
            { id: '2', name: 'n', username: 'u', public_metrics: { followers_count: 1, x: 2 } },
          ],
        },
      }),
    ).not.toEqual([]);
  });

  it('chooses the schema by status and content type, problems by their type', () => {
    const problem = {
      title: 'Unauthorized',
      type: 'about:blank',
      status: 401,
      detail: 'Unauthorized',
    };
    const as = (contentType: string, body: unknown, status = 401) =>
      contractProblems(mentions.method, mentions.path, { status, contentType, body });
    expect(as('application/problem+json', problem)).toEqual([]);
    expect(as('application/problem+json', { ...problem, source: 'x' })).not.toEqual([]);
    expect(as('text/html', problem)).not.toEqual([]);
    expect(
      as(
        'application/problem+json',
        {
          title: 'UsageCapExceeded',
          type: 'https://api.twitter.com/2/problems/usage-capped',
          period: 'Yearly',
        },
        429,
      ),
    ).not.toEqual([]);
    expect(
      as('application/problem+json', { title: 'x', type: 'https://example.com/unknown' }),
    ).not.toEqual([]);
  });
});
