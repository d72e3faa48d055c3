import { derived } from 'svelte/store';
import { init, locale } from 'svelte-i18n';
import { isLocale, storeLocale, storedLocale, systemLocale } from './locale';
import type { Locale } from './locale';
import { registerMessages, wordsFor } from './translate';
import type { Words } from './translate';

export { _, locale, date, number, time } from 'svelte-i18n';
export { LOCALES, isLocale } from './locale';
export type { Locale } from './locale';
export { wordsFor } from './translate';
export type { Translate, Words } from './translate';

/** The language and messages the UI shows now, for the formatting helpers: `$words`. */
export const words = derived(locale, (l): Words => wordsFor(isLocale(l) ? l : 'en'));

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The language the UI opens in: the user's choice, else the system's (navigator.languages). */
export function initialLocale(): Locale {
  return storedLocale(storage()) ?? systemLocale(navigator.languages ?? [navigator.language]);
}

/** The user's own choice of language; null when the UI follows the system. */
export function chosenLocale(): Locale | null {
  return storedLocale(storage());
}

/** Registers every message and picks the language; call once before mounting the app. */
export function setupI18n(): Locale {
  registerMessages();
  const chosen = initialLocale();
  void init({ fallbackLocale: 'en', initialLocale: chosen });
  document.documentElement.lang = chosen;
  return chosen;
}

/** Switches the UI language at once and remembers it; null goes back to following the system. */
export function chooseLocale(value: Locale | null): Locale {
  storeLocale(storage(), value);
  const next = value ?? systemLocale(navigator.languages ?? [navigator.language]);
  void locale.set(next);
  document.documentElement.lang = next;
  return next;
}
