import { describe, expect, it } from 'vitest';
import { nobodySpeaks } from './language-cover';

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
