/** Pure formatting helpers for the inbox screen. No DOM, no state. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function toTime(date: string | number | Date): number {
  return typeof date === 'number' ? date : new Date(date).getTime();
}

/**
 * Short age for lists: "now", "5 min", "3 h", "2 d"; older than four weeks, a short date
 * ("12 Mar", or "12 Mar 2024" in another year). Times in the future (clock skew) read "now".
 */
export function relativeTime(
  date: string | number | Date,
  now: number = Date.now(),
  timeZone?: string,
): string {
  const then = toTime(date);
  if (Number.isNaN(then)) return '';
  const age = now - then;
  if (age < MINUTE) return 'now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h`;
  if (age < 28 * DAY) return `${Math.floor(age / DAY)} d`;
  const sameYear = new Date(then).getUTCFullYear() === new Date(now).getUTCFullYear();
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone,
  }).format(then);
}

/** In a sentence: "just now", "5 min ago", "3 h ago", or "on 12 Mar" for older dates. */
export function timeAgo(
  date: string | number | Date,
  now: number = Date.now(),
  timeZone?: string,
): string {
  const short = relativeTime(date, now, timeZone);
  if (short === '') return '';
  if (short === 'now') return 'just now';
  return /^\d+ (min|h|d)$/.test(short) ? `${short} ago` : `on ${short}`;
}

/** Full date and time for tooltips: "Monday 23 November 2026 at 14:05". */
export function fullDate(date: string | number | Date, timeZone?: string): string {
  const then = toTime(date);
  if (Number.isNaN(then)) return '';
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(then);
}

/** Wall-clock time "14:05", e.g. when a rate limit ends. */
export function clockTime(date: string | number | Date, timeZone?: string): string {
  const then = toTime(date);
  if (Number.isNaN(then)) return '';
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(then);
}

function trimmed(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

/** Follower counts: 950, 12.3k, 1.2M (never "1000k"). */
export function compactNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const sign = value < 0 ? '-' : '';
  const n = Math.abs(value);
  if (n < 1000) return `${sign}${Math.round(n)}`;
  if (n < 999_950) return `${sign}${trimmed(n / 1000)}k`;
  if (n < 999_950_000) return `${sign}${trimmed(n / 1_000_000)}M`;
  return `${sign}${trimmed(n / 1_000_000_000)}B`;
}

/** A duration such as a first-response time: "40 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < MINUTE) return `${Math.round(ms / 1000)} s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    const m = Math.floor((ms % HOUR) / MINUTE);
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

let languageNames: Intl.DisplayNames | null = null;

/** English name of an ISO 639 code ("fr" → "French"); the code itself when unknown. */
export function languageName(code: string | null | undefined): string {
  if (code == null || code === '') return 'Unknown language';
  try {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    return languageNames.of(code) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
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

/** "1 conversation", "280 conversations". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
