import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from './messages';
import { systemLocale, storedLocale } from './locale';
import type { MessageTree } from './messages/types';

function keys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function value(tree: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    if (node == null || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Placeholders of an ICU message, `{name}` or `{count, plural, …}`: both languages use the same. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\s*([a-zA-Z_][\w]*)\s*[,}]/g)].map((m) => m[1] ?? '').sort();
}

describe('UI messages', () => {
  const en = keys(messages.en);

  it('gives every English message in French, with the same placeholders', () => {
    expect(keys(messages.fr)).toEqual(en);
    for (const key of en) {
      const fr = value(messages.fr, key) ?? '';
      expect(fr.trim(), key).not.toBe('');
      expect(placeholders(fr), key).toEqual(placeholders(value(messages.en, key) ?? ''));
    }
  });

  it('has a message for every key the UI asks for', () => {
    const root = join(import.meta.dirname, '..');
    const used = new Set<string>();
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      // `$_('area.key'`, `t('area.key'` in modules, and `around($_, 'area.key'` (lib/emphasis.ts).
      const calls = /(?:\$_|\bt|around\(\s*\$_\s*,)\(?\s*'([a-z]\w*\.[\w.]+)'/g;
      for (const m of text.matchAll(calls)) used.add(m[1] ?? '');
      // Keys chosen in a ternary: `$_(cond ? 'area.a' : 'area.b')`.
      for (const m of text.matchAll(/\?\s*'([a-z]\w*\.[\w.]+)'\s*:\s*'([a-z]\w*\.[\w.]+)'/g)) {
        used.add(m[1] ?? '');
        used.add(m[2] ?? '');
      }
    }
    const missing = [...used].filter((key) => value(messages.en, key) === undefined);
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(100);
  });

  it('holds no message the UI never shows', () => {
    const root = join(import.meta.dirname, '..');
    const text = sources(root)
      .filter((file) => !file.startsWith(join(import.meta.dirname, 'messages')))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // Keys built at run time name their start: `$_(`labels.status.${status}`)`.
    const prefixes = [...text.matchAll(/`([a-z]\w*\.[\w.]*)\$\{/g)].map((m) => m[1] ?? '');
    // A prefix is a branch of the messages, never a whole area (which would hide everything in it).
    for (const prefix of prefixes) expect(prefix.split('.').length, prefix).toBeGreaterThan(2);
    const unused = en.filter(
      (key) =>
        !text.includes(`'${key}'`) &&
        !text.includes(`"${key}"`) &&
        !prefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });
});

describe('UI language', () => {
  it('follows the system: the first language the UI speaks, else English', () => {
    expect(systemLocale(['fr-CA', 'en-US'])).toBe('fr');
    expect(systemLocale(['de-DE', 'fr'])).toBe('fr');
    expect(systemLocale(['nl-NL'])).toBe('en');
    expect(systemLocale([])).toBe('en');
  });

  it("keeps the user's own choice over the system's", () => {
    expect(storedLocale({ getItem: () => 'fr' })).toBe('fr');
    expect(storedLocale({ getItem: () => 'de' })).toBeNull();
    expect(storedLocale(null)).toBeNull();
  });
});
