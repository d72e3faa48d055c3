/** The colour theme: the user's choice (light, dark) or the system's (`prefers-color-scheme`). */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_KEY = 'social-inbox.theme';

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** The theme the user chose last; "system" when they never chose or the value is unknown. */
export function storedTheme(storage: Pick<Storage, 'getItem'> | null): Theme {
  const value = storage?.getItem(STORAGE_KEY) ?? null;
  return isTheme(value) ? value : 'system';
}

/** Remembers the choice; "system" forgets it, so the OS decides again. */
export function storeTheme(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, theme: Theme) {
  if (storage == null) return;
  if (theme === 'system') storage.removeItem(STORAGE_KEY);
  else storage.setItem(STORAGE_KEY, theme);
}

/**
 * Shows a theme: `data-theme` on the root element selects the colour variables of app.css; without
 * it, the media query `prefers-color-scheme` does.
 */
export function applyTheme(root: { dataset: DOMStringMap }, theme: Theme): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
