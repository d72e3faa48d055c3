import { describe, expect, it } from 'vitest';
import { wordsFor } from '../i18n/translate';
import { ISO_639_1, findLanguages, languageOptions } from './languages';

describe('language pickers', () => {
  it('name every language in the UI’s language, sorted, with extra codes once', () => {
    const en = languageOptions(wordsFor('en'), ['nl', 'gsw']);
    expect(en.length).toBeGreaterThan(150);
    expect(en.length).toBeLessThanOrEqual(ISO_639_1.length + 1);
    expect(en.find((o) => o.code === 'nl')?.name).toBe('Dutch');
    expect(en.find((o) => o.code === 'gsw')?.name).toBe('Swiss German');
    const names = en.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    const fr = languageOptions(wordsFor('fr'));
    expect(fr.find((o) => o.code === 'nl')?.name).toBe('Néerlandais');
  });

  it('find a language by its code, the start of its name, or a word of it, accents aside', () => {
    const en = languageOptions(wordsFor('en'));
    const fr = languageOptions(wordsFor('fr'));
    expect(findLanguages(en, 'nl')[0]?.code).toBe('nl');
    expect(findLanguages(en, 'dut').map((o) => o.code)).toEqual(['nl']);
    expect(findLanguages(fr, 'neerl').map((o) => o.code)).toEqual(['nl']);
    // "German" starts one name and is a word of another.
    const german = findLanguages(en, 'german').map((o) => o.name);
    expect(german[0]).toBe('German');
    expect(findLanguages(en, ' ')).toHaveLength(en.length);
    expect(findLanguages(en, 'zzz')).toEqual([]);
  });
});
