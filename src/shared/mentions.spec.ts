import { describe, expect, it } from 'vitest';
import {
  findMentions,
  mentionQuery,
  mentionText,
  parseMentions,
  suggestMentions,
} from './mentions';

const team = [
  { id: 'camille', name: 'Camille Laurent' },
  { id: 'jan', name: 'Jan de Wit' },
  { id: 'lucia', name: 'Lucía Ortega' },
  { id: 'jan2', name: 'Jan Peeters' },
];

describe('mentions', () => {
  it('reads full names and unique first names, whatever the case and accents', () => {
    expect(parseMentions('@Lucía can you check?', team)).toEqual(['lucia']);
    expect(parseMentions('@lucia ortega and @CAMILLE, see this', team)).toEqual([
      'lucia',
      'camille',
    ]);
    expect(parseMentions('cc @Lucia.', team)).toEqual(['lucia']);
    // A decomposed accent (NFD) is the same name.
    expect(parseMentions('@Luci\u0301a', team)).toEqual(['lucia']);
  });

  it('needs the full name when a first name is shared, and prefers the longest name', () => {
    expect(parseMentions('@Jan please', team)).toEqual([]);
    expect(parseMentions('@Jan de Wit please, and @jan peeters', team)).toEqual(['jan', 'jan2']);
  });

  it('ignores addresses, unknown names, name prefixes and repeats', () => {
    expect(parseMentions('write to lucia@example.com', team)).toEqual([]);
    expect(parseMentions('@Lucianne @Bob', team)).toEqual([]);
    expect(parseMentions('@Camille @camille @Camille Laurent', team)).toEqual(['camille']);
    expect(parseMentions('@Lucía', [])).toEqual([]);
  });

  it('gives the spans in the original text, for highlighting', () => {
    const text = 'Hi @lucía ortega!';
    const [span] = findMentions(text, team);
    expect(text.slice(span!.start, span!.end)).toBe('@lucía ortega');
  });

  it('finds the mention being typed and suggests names for it', () => {
    expect(mentionQuery('hello @luc', 10)).toEqual({ start: 6, query: 'luc' });
    expect(mentionQuery('hello @jan de', 13)).toEqual({ start: 6, query: 'jan de' });
    expect(mentionQuery('mail me at a@b', 14)).toBeNull();
    expect(mentionQuery('no mention', 10)).toBeNull();
    expect(suggestMentions('luc', team).map((a) => a.id)).toEqual(['lucia']);
    expect(suggestMentions('jan', team).map((a) => a.id)).toEqual(['jan', 'jan2']);
    expect(suggestMentions('ortega', team).map((a) => a.id)).toEqual(['lucia']);
    expect(suggestMentions('', team)).toHaveLength(4);
    // What the picker inserts always reads back as the same agent.
    for (const agent of team) expect(parseMentions(mentionText(agent), team)).toEqual([agent.id]);
  });
});
