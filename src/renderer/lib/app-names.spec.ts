import { describe, expect, it } from 'vitest';
import { appDisplayName, appKey, mergeApps } from './app-names';

describe('app names', () => {
  it('gives one key to a product named with or without its company suffix', () => {
    expect(appKey('Hootsuite')).toBe(appKey('Hootsuite Inc.'));
    expect(appKey('hootsuite, inc')).toBe(appKey('Hootsuite'));
    expect(appKey('Sprout Social, Inc.')).toBe(appKey('Sprout Social'));
    expect(appKey('Buffer')).not.toBe(appKey('Hootsuite'));
  });

  it('merges "Hootsuite" and "Hootsuite Inc." as one app, keeping apart replies with no app', () => {
    const merged = mergeApps([
      { app: 'Hootsuite Inc.', replies: 2 },
      { app: 'Twitter for iPhone', replies: 4 },
      { app: 'Hootsuite', replies: 3 },
      { app: null, replies: 1 },
    ]);
    expect(merged).toEqual([
      { app: 'Hootsuite', replies: 5 },
      { app: 'Twitter for iPhone', replies: 4 },
      { app: null, replies: 1 },
    ]);
    expect(appDisplayName('Hootsuite Inc.', merged)).toBe('Hootsuite');
  });
});
