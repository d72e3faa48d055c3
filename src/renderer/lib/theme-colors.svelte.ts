/**
 * Theme colours for canvases (charts), which CSS cannot restyle: `themeColor` reads a CSS variable
 * of app.css, and a chart config built from it in a `$derived` is built again when the theme
 * changes (the `data-theme` attribute, or the system's `prefers-color-scheme`).
 */
let version = $state(0);
let watching = false;

function watchTheme() {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  new MutationObserver(() => (version += 1)).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
  globalThis
    .matchMedia?.('(prefers-color-scheme: dark)')
    .addEventListener('change', () => (version += 1));
}

/** A theme colour (a CSS variable of app.css), read again whenever the theme changes. */
export function themeColor(name: string, fallback: string): string {
  watchTheme();
  void version;
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}
