import { describe, expect, it } from 'vitest';
import { wordsFor } from '../i18n/translate';
import {
  clockTime,
  compactNumber,
  dayAndMonth,
  duration,
  percent,
  fullDate,
  fullNumber,
  hueOf,
  initials,
  languageBadge,
  languageInSentence,
  languageName,
  plural,
  relativeTime,
  replyDepths,
  safeHttpUrl,
  timeAgo,
} from './format';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const en = wordsFor('en');
const fr = wordsFor('fr');
/** Intl puts no-break spaces in French numbers and dates; the assertions read plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('relativeTime', () => {
  it('reads like an inbox list', () => {
    expect(relativeTime(ago(10_000), NOW)).toBe('now');
    expect(relativeTime(ago(5 * MIN), NOW)).toBe('5 min');
    expect(relativeTime(ago(59 * MIN + 59_000), NOW)).toBe('59 min');
    expect(relativeTime(ago(3 * HOUR), NOW)).toBe('3 h');
    expect(relativeTime(ago(2 * DAY), NOW)).toBe('2 d');
    expect(relativeTime(ago(27 * DAY), NOW, en)).toBe('27 d');
  });

  it('reads in French', () => {
    expect(relativeTime(ago(10_000), NOW, fr)).toBe('maintenant');
    expect(relativeTime(ago(5 * MIN), NOW, fr)).toBe('5 min');
    expect(relativeTime(ago(2 * DAY), NOW, fr)).toBe('2 j');
    expect(relativeTime('2026-03-12T09:00:00Z', NOW, fr, 'UTC')).toBe('12 mars');
  });

  it('gives a date for old posts, with the year when it is not this one', () => {
    expect(relativeTime('2026-03-12T09:00:00Z', NOW, en, 'UTC')).toBe('12 Mar');
    expect(relativeTime('2024-03-12T09:00:00Z', NOW, en, 'UTC')).toBe('12 Mar 2024');
    expect(relativeTime('2024-03-12T09:00:00Z', NOW, fr, 'UTC')).toBe('12 mars 2024');
  });

  it('treats the future (clock skew) as now and bad input as nothing', () => {
    expect(relativeTime(ago(-5 * MIN), NOW)).toBe('now');
    expect(relativeTime('not a date', NOW)).toBe('');
  });

  it('has a sentence form in both languages', () => {
    expect(timeAgo(ago(1000), NOW)).toBe('just now');
    expect(timeAgo(ago(3 * HOUR), NOW, en)).toBe('3 h ago');
    expect(timeAgo('2026-03-12T09:00:00Z', NOW, en, 'UTC')).toBe('on 12 Mar');
    expect(timeAgo(ago(1000), NOW, fr)).toBe('à l’instant');
    expect(timeAgo(ago(5 * MIN), NOW, fr)).toBe('il y a 5 min');
    expect(timeAgo('2026-03-12T09:00:00Z', NOW, fr, 'UTC')).toBe('le 12 mars');
  });
});

describe('dates and times', () => {
  it('formats a full date for tooltips and a clock time for rate limits', () => {
    // ICU versions differ on the comma after the weekday.
    expect(fullDate('2026-11-23T14:05:00Z', en, 'UTC')).toMatch(
      /^Monday,? 23 November 2026 at 14:05$/,
    );
    expect(fullDate('2026-11-23T14:05:00Z', fr, 'UTC')).toMatch(
      /^lundi 23 novembre 2026 (à|a) 14:05$/,
    );
    expect(dayAndMonth('2026-11-26T09:00:00Z', fr, 'UTC')).toBe('26 novembre');
    expect(clockTime('2026-11-23T09:05:00Z', en, 'UTC')).toBe('09:05');
    expect(clockTime('2026-11-23T23:59:00Z', fr, 'Europe/Paris')).toBe('00:59');
  });
});

describe('numbers', () => {
  it('shortens follower counts', () => {
    expect(compactNumber(0)).toBe('0');
    expect(compactNumber(950)).toBe('950');
    expect(compactNumber(1000)).toBe('1K');
    expect(compactNumber(12_345)).toBe('12.3K');
    expect(compactNumber(182_417, en)).toBe('182.4K');
    expect(compactNumber(999_999, en)).toBe('1M');
    expect(compactNumber(1_234_567, en)).toBe('1.2M');
    expect(compactNumber(Number.NaN)).toBe('');
  });

  it('shortens them the French way', () => {
    expect(plain(compactNumber(1_200, fr))).toBe('1,2 k');
    expect(plain(compactNumber(12_345, fr))).toBe('12,3 k');
    expect(plain(compactNumber(1_234_567, fr))).toBe('1,2 M');
    expect(plain(fullNumber(12_345, fr))).toBe('12 345');
    expect(fullNumber(12_345, en)).toBe('12,345');
  });
});

describe('duration', () => {
  it('reads a response time', () => {
    expect(duration(40_000)).toBe('40 s');
    expect(duration(12 * MIN + 30_000)).toBe('12 min');
    expect(duration(3 * HOUR)).toBe('3 h');
    expect(duration(3 * HOUR + 5 * MIN)).toBe('3 h 5 min');
    expect(duration(2 * DAY + 4 * HOUR + 10 * MIN, en)).toBe('2 d 4 h');
    expect(duration(2 * DAY + 4 * HOUR + 10 * MIN, fr)).toBe('2 j 4 h');
    expect(duration(2 * DAY, fr)).toBe('2 j');
    expect(duration(-1)).toBe('');
  });
});

describe('languages', () => {
  it('names a code in the UI language and makes a badge of it', () => {
    expect(languageName('fr')).toBe('French');
    expect(languageName('nl', en)).toBe('Dutch');
    expect(languageName('nl', fr)).toBe('Néerlandais');
    expect(languageName('fr', fr)).toBe('Français');
    expect(languageName(null)).toBe('Unknown language');
    expect(languageName(null, fr)).toBe('Langue inconnue');
    expect(languageName('zz')).toBe('ZZ');
    expect(languageBadge('de')).toBe('DE');
    expect(languageBadge(null)).toBe('?');
  });

  it('writes a name inside a sentence in lower case in French only', () => {
    expect(languageInSentence('nl', fr)).toBe('néerlandais');
    expect(languageInSentence('nl', en)).toBe('Dutch');
  });
});

describe('replyDepths', () => {
  const p = (id: string, inReplyTo: string | null = null) => ({ id, inReplyTo });

  it('follows inReplyTo among the posts, whatever their order', () => {
    const depths = replyDepths([p('d', 'c'), p('a'), p('b', 'a'), p('c', 'b'), p('e', 'a')]);
    expect(Object.fromEntries(depths)).toEqual({ a: 0, b: 1, c: 2, d: 3, e: 1 });
  });

  it('puts a reply to a post that is not in the thread at the top level', () => {
    expect(replyDepths([p('a', 'elsewhere'), p('b', 'a')]).get('b')).toBe(1);
    expect(replyDepths([p('a', 'elsewhere')]).get('a')).toBe(0);
  });

  it('caps the depth and survives cycles', () => {
    const chain = [p('a'), p('b', 'a'), p('c', 'b'), p('d', 'c'), p('e', 'd'), p('f', 'e')];
    expect(replyDepths(chain, 3).get('f')).toBe(3);
    const cycle = replyDepths([p('x', 'y'), p('y', 'x')]);
    expect([...cycle.values()].sort()).toEqual([0, 1]);
    expect(replyDepths([p('self', 'self')]).get('self')).toBe(0);
  });
});

describe('small helpers', () => {
  it('makes initials and a stable hue', () => {
    expect(initials('Sophie Bennett')).toBe('SB');
    expect(initials('Café Aurore Nederland')).toBe('CA');
    expect(initials('@joost_pendelt')).toBe('J');
    expect(initials('🙂')).toBe('?');
    expect(hueOf('Claire')).toBe(hueOf('Claire'));
    expect(hueOf('Claire')).toBeGreaterThanOrEqual(0);
    expect(hueOf('Claire')).toBeLessThan(360);
  });

  it('keeps only http(s) links', () => {
    expect(safeHttpUrl('https://x.com/a/status/1')).toBe('https://x.com/a/status/1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,hi')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });

  it('counts things', () => {
    expect(plural(1, 'conversation')).toBe('1 conversation');
    expect(plural(280, 'conversation')).toBe('280 conversations');
    expect(plural(0, 'post')).toBe('0 posts');
  });
});

describe('percent', () => {
  it('gives a share as a whole percentage in the UI language', () => {
    expect(percent(3 / 7)).toBe('43%');
    expect(percent(3 / 7, wordsFor('fr'))).toMatch(/^43[\u00a0\u202f]%$/);
    expect(percent(1)).toBe('100%');
  });
});
