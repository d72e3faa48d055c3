import { describe, expect, it } from 'vitest';
import { languagesNotSpoken, nobodySpeaks } from './language-cover';

const agent = (id: string, languages: string[], removedAt?: string) => ({
  id,
  name: id,
  role: 'agent' as const,
  languages,
  ...(removedAt ? { removedAt } : {}),
});

describe('languages nobody on the team speaks', () => {
  const team = [
    agent('jan', ['nl', 'en']),
    agent('lucia', ['es']),
    agent('old', ['de'], '2026-01-01T00:00:00.000Z'),
  ];

  it('flags a language no current agent speaks', () => {
    expect(nobodySpeaks('de', team)).toBe(true);
    expect(nobodySpeaks('nl', team)).toBe(false);
    expect(nobodySpeaks('es', team)).toBe(false);
  });

  it('says nothing about an unknown language, or a team that declared no languages', () => {
    expect(nobodySpeaks(null, team)).toBe(false);
    expect(nobodySpeaks('unknown', team)).toBe(false);
    expect(nobodySpeaks('de', [agent('local', [])])).toBe(false);
    expect(nobodySpeaks('de', undefined)).toBe(false);
  });
});

describe('languages an agent does not speak', () => {
  it('names each language of the conversations the agent does not speak, once', () => {
    const jan = agent('jan', ['nl', 'en']);
    const chosen = [{ language: 'de' }, { language: 'en' }, { language: 'de' }, { language: 'fr' }];
    expect(languagesNotSpoken(jan, chosen)).toEqual(['de', 'fr']);
    expect(languagesNotSpoken(jan, [{ language: 'nl' }])).toEqual([]);
  });

  it('warns of nothing for an unknown language or an agent who declared none', () => {
    expect(languagesNotSpoken(agent('jan', ['nl']), [{ language: null }])).toEqual([]);
    expect(languagesNotSpoken(agent('jan', ['nl']), [{ language: 'unknown' }])).toEqual([]);
    expect(languagesNotSpoken(agent('new', []), [{ language: 'de' }])).toEqual([]);
    expect(languagesNotSpoken(undefined, [{ language: 'de' }])).toEqual([]);
  });
});
