import { describe, expect, it } from 'vitest';
import { applyTheme, isTheme, storeTheme, storedTheme } from './theme';

/** A Storage of our own: the spec runs in Node, with no localStorage. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('theme', () => {
  it('follows the system until the user chooses, and remembers the choice', () => {
    const storage = memoryStorage();
    expect(storedTheme(storage)).toBe('system');
    storeTheme(storage, 'dark');
    expect(storedTheme(storage)).toBe('dark');
    storeTheme(storage, 'light');
    expect(storedTheme(storage)).toBe('light');
    storeTheme(storage, 'system');
    expect(storedTheme(storage)).toBe('system');
    expect(storage.items.size).toBe(0);
  });

  it('ignores an unknown stored value and a missing storage', () => {
    expect(storedTheme({ getItem: () => 'sepia' })).toBe('system');
    expect(storedTheme(null)).toBe('system');
    expect(() => storeTheme(null, 'dark')).not.toThrow();
    expect(isTheme('dark')).toBe(true);
    expect(isTheme('Dark')).toBe(false);
  });

  it('marks the root element for a chosen theme and clears the mark for the system one', () => {
    const root = { dataset: {} as DOMStringMap };
    applyTheme(root, 'dark');
    expect(root.dataset.theme).toBe('dark');
    applyTheme(root, 'light');
    expect(root.dataset.theme).toBe('light');
    applyTheme(root, 'system');
    expect(root.dataset.theme).toBeUndefined();
  });
});
