import type { Translation } from './types';

/** Ages, durations and language names written by lib/format.ts. */
export const en = {
  age: {
    now: 'now',
    minutes: '{count} min',
    hours: '{count} h',
    days: '{count} d',
    justNow: 'just now',
    ago: '{age} ago',
    on: 'on {date}',
  },
  duration: {
    seconds: '{s} s',
    minutes: '{m} min',
    hours: '{h} h',
    hoursMinutes: '{h} h {m} min',
    days: '{d} d',
    daysHours: '{d} d {h} h',
  },
  unknownLanguage: 'Unknown language',
} as const;

export const fr: Translation<typeof en> = {
  age: {
    now: 'maintenant',
    minutes: '{count} min',
    hours: '{count} h',
    days: '{count} j',
    justNow: 'à l’instant',
    ago: 'il y a {age}',
    on: 'le {date}',
  },
  duration: {
    seconds: '{s} s',
    minutes: '{m} min',
    hours: '{h} h',
    hoursMinutes: '{h} h {m} min',
    days: '{d} j',
    daysHours: '{d} j {h} h',
  },
  unknownLanguage: 'Langue inconnue',
};
