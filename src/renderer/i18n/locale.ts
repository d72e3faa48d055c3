/** The UI languages. English is the fallback for anything else the system asks for. */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'social-inbox.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first of the system's preferred languages the UI speaks (`fr-CA` → `fr`), else English. */
export function systemLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** The user's own choice, if they made one; null follows the system. */
export function storedLocale(storage: Pick<Storage, 'getItem'> | null): Locale | null {
  const value = storage?.getItem(STORAGE_KEY) ?? null;
  return isLocale(value) ? value : null;
}

export function storeLocale(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | null,
  value: Locale | null,
): void {
  if (storage == null) return;
  if (value == null) storage.removeItem(STORAGE_KEY);
  else storage.setItem(STORAGE_KEY, value);
}
