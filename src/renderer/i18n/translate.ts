import { get } from 'svelte/store';
import { addMessages, format } from 'svelte-i18n';
import { LOCALES } from './locale';
import type { Locale } from './locale';
import { messages } from './messages';

/** Values an ICU message takes: `{name}`, `{count, plural, …}`, `{when, date, long}`. */
export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

/** A message by its key (`area.key`) in one language; svelte-i18n's `$_` is one. */
export type Translate = (id: string, options?: { values?: MessageValues }) => string;

/** The language and its messages: what the modules that write text need. */
export interface Words {
  locale: Locale;
  t: Translate;
}

let registered = false;

/** Gives svelte-i18n every message, once. */
export function registerMessages(): void {
  if (registered) return;
  registered = true;
  for (const l of LOCALES) addMessages(l, messages[l]);
}

const cache = new Map<Locale, Words>();

/** The messages of one language, whatever the UI currently shows (modules and their specs). */
export function wordsFor(locale: Locale): Words {
  let words = cache.get(locale);
  if (words == null) {
    registerMessages();
    const formatMessage = get(format);
    words = { locale, t: (id, options) => formatMessage(id, { ...options, locale }) };
    cache.set(locale, words);
  }
  return words;
}
