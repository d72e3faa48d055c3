import type { Random } from './random';
import type { Topic } from './types';

/**
 * The story's calendar. November 2026: Tuesday 17th evening a video filmed in Lyon goes viral; the
 * brand answers on Wednesday with one copy-paste apology; its statement comes on Thursday morning.
 * The scenario is written against Friday 20th, noon (UTC).
 */

export const ANCHOR = '2026-11-20T12:00:00Z';
export const ANCHOR_MS = Date.parse(ANCHOR);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The first instant an item may have: three days before the anchor. */
export const WINDOW_START_MS = ANCHOR_MS - 72 * HOUR;
/** Nothing is dated later than this, so every item is history when the demo starts. */
export const WINDOW_END_MS = ANCHOR_MS - 5 * MINUTE;

/** `'DD HH:MM'` (a day of November 2026, UTC) as epoch milliseconds. */
export function at(when: string): number {
  const match = /^(\d{2}) (\d{2}):(\d{2})$/.exec(when);
  if (!match) throw new Error(`bad time "${when}", expected "DD HH:MM"`);
  const [, day, hour, minute] = match;
  return Date.parse(`2026-11-${day}T${hour}:${minute}:00Z`);
}

export const MOMENTS = {
  video: at('17 18:42'),
  firstBrandReply: at('18 10:40'),
  statement: at('19 08:30'),
} as const;

/** When messages on each topic are written: crisis topics follow the story, the rest any day. */
const WINDOWS: Record<Topic, readonly [string, string]> = {
  crisis: ['17 19:10', '19 08:10'],
  silence: ['18 06:30', '18 10:35'],
  copypaste: ['18 11:00', '18 22:30'],
  campaign: ['18 13:05', '19 07:30'],
  wave2: ['18 17:40', '19 12:00'],
  aftermath: ['19 08:45', '20 11:40'],
  hours: ['17 12:20', '20 11:40'],
  loyalty: ['17 16:10', '20 11:40'],
  allergens: ['17 12:40', '20 11:40'],
  app: ['17 16:10', '20 11:40'],
  jobs: ['18 09:10', '20 11:40'],
  lost: ['17 12:20', '20 11:40'],
  praise: ['17 12:40', '20 11:40'],
  order: ['17 12:20', '20 11:40'],
  product: ['17 12:40', '20 11:40'],
  other: ['17 12:20', '20 11:40'],
  spam: ['17 12:20', '20 11:40'],
};

/** Whether an instant falls in the European night (23:00 to 06:00 UTC), when few people write. */
function isNight(ms: number): boolean {
  const hour = new Date(ms).getUTCHours();
  return hour >= 23 || hour < 6;
}

/**
 * A plausible instant for a message on `topic`: crisis messages crowd the first hours of their
 * window, everything thins out at night. Milliseconds are random so no two items share an instant.
 */
export function sampleTime(topic: Topic, random: Random): number {
  const [from, to] = WINDOWS[topic].map(at) as [number, number];
  const frontLoaded = topic === 'crisis' || topic === 'campaign' || topic === 'wave2';
  for (;;) {
    const u = random.next();
    const ms = from + (to - from) * (frontLoaded ? u ** 1.7 : u);
    if (!isNight(ms) || random.chance(0.06)) return Math.floor(ms) + random.int(0, 59_999);
  }
}

/** `ms` plus a delay of `min` to `max` minutes, with random seconds. */
export function later(ms: number, min: number, max: number, random: Random): number {
  return ms + random.int(min * 60, max * 60) * 1000 + random.int(0, 999);
}
