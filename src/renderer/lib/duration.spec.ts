import { describe, expect, it } from 'vitest';
import { formatDuration, formatShare } from './duration';

const MIN = 60_000;

describe('durations and shares', () => {
  it('reads response times in English', () => {
    expect(formatDuration(45_000, 'en')).toBe('45s');
    expect(formatDuration(32 * MIN, 'en')).toBe('32m');
    expect(formatDuration(125 * MIN, 'en')).toBe('2h 05m');
    expect(formatDuration((3 * 24 + 4) * 60 * MIN, 'en')).toBe('3d 4h');
    expect(formatDuration(null, 'en')).toBe('—');
  });

  it('reads them in French', () => {
    expect(formatDuration(32 * MIN, 'fr')).toBe('32min');
    expect(formatDuration(125 * MIN, 'fr')).toBe('2h 05min');
    expect(formatDuration((3 * 24 + 4) * 60 * MIN, 'fr')).toBe('3j 4h');
  });

  it('gives shares as percentages', () => {
    expect(formatShare(3 / 7, 'en')).toBe('43%');
    expect(formatShare(3 / 7, 'fr')).toMatch(/^43[\u00a0\u202f]%$/);
    expect(formatShare(null, 'fr')).toBe('—');
  });
});
