/** Pure formatting helpers for the inbox screen. No DOM, no state. */

import type { Locale } from '../i18n/locale';
import { wordsFor } from '../i18n/translate';
import type { Words } from '../i18n/translate';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The BCP 47 tag each UI language formats dates and numbers with (day-month order, 24 h clock). */
const INTL_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };
/** Numbers: social counts in English read 12.3K, 1.2M. */
const NUMBER_TAG: Record<Locale, string> = { en: 'en-US', fr: 'fr-FR' };

/** English, for callers that do not pass the UI's language (components pass `$words`). */
const english = (): Words => wordsFor('en');

function toTime(date: string | number | Date): number {
  return typeof date === 'number' ? date : new Date(date).getTime();
}

type Age =
  | { unit: 'now' }
  | { unit: 'minutes' | 'hours' | 'days'; count: number }
  | { unit: 'date'; text: string };

function ageOf(then: number, now: number, words: Words, timeZone?: string): Age {
  const age = now - then;
  if (age < MINUTE) return { unit: 'now' };
  if (age < HOUR) return { unit: 'minutes', count: Math.floor(age / MINUTE) };
  if (age < DAY) return { unit: 'hours', count: Math.floor(age / HOUR) };
  if (age < 28 * DAY) return { unit: 'days', count: Math.floor(age / DAY) };
  const sameYear = new Date(then).getUTCFullYear() === new Date(now).getUTCFullYear();
  const text = new Intl.DateTimeFormat(INTL_TAG[words.locale], {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone,
  }).format(then);
  return { unit: 'date', text };
}

function shortAge(age: Age, words: Words): string {
  if (age.unit === 'date') return age.text;
  if (age.unit === 'now') return words.t('format.age.now');
  return words.t(`format.age.${age.unit}`, { values: { count: age.count } });
}

/**
 * Short age for lists: "now", "5 min", "3 h", "2 d" ("maintenant", "5 min", "3 h", "2 j"); older
 * than four weeks, a short date ("12 Mar", or "12 Mar 2024" in another year). Times in the future
 * (clock skew) read "now".
 */
export function relativeTime(
  date: string | number | Date,
  now: number = Date.now(),
  words: Words = english(),
  timeZone?: string,
): string {
  const then = toTime(date);
  if (Number.isNaN(then)) return '';
  return shortAge(ageOf(then, now, words, timeZone), words);
}

/** In a sentence: "just now", "5 min ago", "on 12 Mar"; "à l'instant", "il y a 5 min", "le 12 mars". */
export function timeAgo(
  date: string | number | Date,
  now: number = Date.now(),
  words: Words = english(),
  timeZone?: string,
): string {
  const then = toTime(date);
  if (Number.isNaN(then)) return '';
  const age = ageOf(then, now, words, timeZone);
  if (age.unit === 'now') return words.t('format.age.justNow');
  if (age.unit === 'date') return words.t('format.age.on', { values: { date: age.text } });
  return words.t('format.age.ago', { values: { age: shortAge(age, words) } });
}

/** Full date and time for tooltips: "Monday 23 November 2026 at 14:05". */
export function fullDate(
  date: string | number | Date,
  words: Words = english(),
  timeZone?: string,
): string {
  const then = toTime(date);
  if (Number.isNaN(then)) return '';
  return new Intl.DateTimeFormat(INTL_TAG[words.locale], {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(then);
}

/** Day and month in words, "26 November" ("26 novembre"). */
export function dayAndMonth(
  date: string | number | Date,
  words: Words = english(),
  timeZone?: string,
): string {
  const then = toTime(date);
  if (Number.isNaN(then)) return '';
  return new Intl.DateTimeFormat(INTL_TAG[words.locale], {
    day: 'numeric',
    month: 'long',
    timeZone,
  }).format(then);
}

/** Wall-clock time "14:05", e.g. when a rate limit ends. */
export function clockTime(
  date: string | number | Date,
  words: Words = english(),
  timeZone?: string,
): string {
  const then = toTime(date);
  if (Number.isNaN(then)) return '';
  return new Intl.DateTimeFormat(INTL_TAG[words.locale], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(then);
}

/**
 * When a pause ends: the time alone within 12 hours ("14:05"), else the day too ("4 December,
 * 14:05"), as a daily or monthly cap ends another day.
 */
export function pauseEnd(
  date: string | number | Date,
  now: number,
  words: Words = english(),
  timeZone?: string,
): string {
  const then = toTime(date);
  if (Number.isNaN(then)) return '';
  if (then - now <= 12 * 60 * 60_000) return clockTime(then, words, timeZone);
  return `${dayAndMonth(then, words, timeZone)}, ${clockTime(then, words, timeZone)}`;
}

/** Follower counts: 950, 12.3K, 1.2M (950, 12,3 k, 1,2 M in French); never "1000K". */
export function compactNumber(value: number, words: Words = english()): string {
  if (!Number.isFinite(value)) return '';
  return new Intl.NumberFormat(NUMBER_TAG[words.locale], {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

/** A whole number in full, with the language's grouping: 12,345 (12 345 in French). */
export function fullNumber(value: number, words: Words = english()): string {
  if (!Number.isFinite(value)) return '';
  return new Intl.NumberFormat(NUMBER_TAG[words.locale]).format(value);
}

/** A duration such as a first-response time: "40 s", "12 min", "3 h 5 min", "2 d 4 h" ("2 j 4 h"). */
export function duration(ms: number, words: Words = english()): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  const t = (key: string, values: Record<string, number>) =>
    words.t(`format.duration.${key}`, { values });
  if (ms < MINUTE) return t('seconds', { s: Math.round(ms / 1000) });
  if (ms < HOUR) return t('minutes', { m: Math.floor(ms / MINUTE) });
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    const m = Math.floor((ms % HOUR) / MINUTE);
    return m === 0 ? t('hours', { h }) : t('hoursMinutes', { h, m });
  }
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  return h === 0 ? t('days', { d }) : t('daysHours', { d, h });
}

/** A share from 0 to 1 as a whole percentage: "43%", "43 %". */
export function percent(share: number, words: Words = english()): string {
  return new Intl.NumberFormat(NUMBER_TAG[words.locale], {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
}

const languageNames = new Map<Locale, Intl.DisplayNames | null>();

/** Name of an ISO 639 code in the UI's language ("fr" → "French", "Français"); else the code. */
export function languageName(code: string | null | undefined, words: Words = english()): string {
  if (code == null || code === '') return words.t('format.unknownLanguage');
  try {
    let names = languageNames.get(words.locale);
    if (names === undefined) {
      names = new Intl.DisplayNames([words.locale], { type: 'language', fallback: 'none' });
      languageNames.set(words.locale, names);
    }
    const name = names?.of(code);
    if (name == null) return code.toUpperCase();
    // French writes language names in lower case; on their own, as labels, they start with a capital.
    return name.charAt(0).toLocaleUpperCase(words.locale) + name.slice(1);
  } catch {
    return code.toUpperCase();
  }
}

/** A language's name inside a sentence: French writes it in lower case ("écrire en néerlandais"). */
export function languageInSentence(
  code: string | null | undefined,
  words: Words = english(),
): string {
  const name = languageName(code, words);
  return words.locale === 'fr' ? name.toLocaleLowerCase('fr') : name;
}

/** Badge text for a language: "FR", "EN"; "?" when unknown. */
export function languageBadge(code: string | null | undefined): string {
  return code == null || code === '' ? '?' : code.toUpperCase();
}

/**
 * How deep each post sits in its thread, following inReplyTo among the given posts: posts that answer
 * nothing (or a post not in the list) are at 0. Cycles are cut; depth is capped at `max`.
 */
export function replyDepths(
  posts: readonly { id: string; inReplyTo: string | null }[],
  max = Number.POSITIVE_INFINITY,
): Map<string, number> {
  const parentOf = new Map(posts.map((p) => [p.id, p.inReplyTo]));
  const depths = new Map<string, number>();
  const depthOf = (id: string): number => {
    const known = depths.get(id);
    if (known !== undefined) return known;
    const chain: string[] = [];
    const seen = new Set<string>();
    let current: string | null | undefined = id;
    let base = 0;
    while (current != null && parentOf.has(current) && !seen.has(current)) {
      const cached = depths.get(current);
      if (cached !== undefined) {
        base = cached + 1;
        break;
      }
      seen.add(current);
      chain.push(current);
      current = parentOf.get(current);
    }
    // chain[last] is the topmost post found; it sits at `base` (0 for a root, or under a cached one).
    for (let i = chain.length - 1; i >= 0; i--) {
      depths.set(chain[i]!, Math.min(max, base + (chain.length - 1 - i)));
    }
    return depths.get(id) ?? 0;
  };
  for (const post of posts) depthOf(post.id);
  return depths;
}

/** Initials for an avatar placeholder: "Sophie Bennett" → "SB", "@cafe" → "C". */
export function initials(name: string): string {
  const words = name
    .replace(/[@#]/g, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  const letters = words.slice(0, 2).map((w) => [...w.replace(/[^\p{L}\p{N}]/gu, '')][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/** A stable hue (0–359) for a string, to tint avatar placeholders. */
export function hueOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(hash) % 360;
}

/** The URL if it is an absolute http(s) URL, otherwise null: never a `javascript:` link. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (url == null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/** "1 conversation", "280 conversations": English only; the UI uses ICU plurals in its messages. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
