import { describe, expect, it } from 'vitest';
import { snowflake } from '../../test/scenario';
import { PlatformError } from '../platform-error';
import { mapXPage } from './x-mapper';

const account = { id: 'x:1', externalId: '1' };

describe('mapping X pages', () => {
  it('dates a tweet that came without created_at by its snowflake id, not by today', async () => {
    const id = snowflake('2026-11-20T09:03:00.000Z', 7);
    const [draft] = await mapXPage(
      { data: [{ id, text: '@CafeAurore bonjour', author_id: '2', edit_history_tweet_ids: [id] }] },
      account,
    );
    expect(draft?.createdAt).toBe('2026-11-20T09:03:00.000Z');
  });

  it('keeps the post a tweet quotes beside the one it answers, and its links expanded', async () => {
    const id = snowflake('2026-11-20T09:03:00.000Z', 8);
    const [draft] = await mapXPage(
      {
        data: [
          {
            id,
            text: '@CafeAurore look https://t.co/abc',
            author_id: '2',
            edit_history_tweet_ids: [id],
            referenced_tweets: [
              { type: 'quoted', id: '100' },
              { type: 'replied_to', id: '99' },
            ],
            entities: {
              urls: [
                {
                  start: 17,
                  end: 33,
                  url: 'https://t.co/abc',
                  expanded_url: 'https://youtu.be/oat',
                  display_url: 'youtu.be/oat',
                },
              ],
            } as never,
          },
        ],
      },
      account,
    );
    expect(draft).toMatchObject({
      quotes: 'x:100',
      parentId: 'x:99',
      text: '@CafeAurore look https://youtu.be/oat',
    });
  });
});

describe('an undated rate-limit pause', () => {
  it('resumes after its length from when it is handled, and a dated one at its reset', () => {
    const undated = new PlatformError('rate_limited', 'slow down', null, 429, 15 * 60_000);
    expect(undated.resumeAt(Date.parse('2026-11-20T09:00:00Z'))?.toISOString()).toBe(
      '2026-11-20T09:15:00.000Z',
    );
    const reset = new Date('2026-11-20T09:05:00Z');
    const dated = new PlatformError('rate_limited', 'slow down', reset, 429);
    expect(dated.resumeAt(0)).toBe(reset);
    expect(new PlatformError('transient', 'down').resumeAt(0)).toBeNull();
  });
});
