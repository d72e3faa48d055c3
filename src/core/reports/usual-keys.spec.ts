import { describe, expect, it } from 'vitest';
import { USUAL_MIN, usualKeys } from './usual-keys';

describe('usual links and hashtags', () => {
  const times = (n: number, keys: string[]) => Array.from({ length: n }, () => keys);

  it('takes a key the week before carried at least USUAL_MIN times and the window not faster', () => {
    const before = [...times(USUAL_MIN, ['tag:brand', 'url:brand.example']), ['tag:rare']];
    // Three hours against 168: one post an hour is 56 times the brand's rate, none is below it.
    const usual = usualKeys(before, 168, [['tag:rare'], ['url:brand.example']], 3, 3);
    expect([...usual].sort()).toEqual(['tag:brand']);
  });

  it('never takes what a post points at, only what its text says', () => {
    const before = times(10, ['post:x:1', 'media:abc', 'tag:brand']);
    expect([...usualKeys(before, 168, [], 24, 3)]).toEqual(['tag:brand']);
  });

  it('counts a key once per post and keeps a key that comes at the factor or faster', () => {
    // 168 posts in 168 hours: one an hour. In 24 hours, 71 is under 3 an hour, 72 is 3 an hour.
    const before = times(168, ['tag:a', 'tag:a', 'tag:b']);
    const usual = usualKeys(before, 168, [...times(71, ['tag:a']), ...times(72, ['tag:b'])], 24, 3);
    expect([...usual]).toEqual(['tag:a']);
  });
});
