import { describe, expect, it } from 'vitest';
import { areConfusable, confusableKey, confusableWith, isInvisibleName, nameSchema } from './names';
import { CreateAgentInputSchema, UpdateAgentInputSchema } from './api';
import { RenameTagInputSchema, SaveViewInputSchema, TagDefSchema } from './queue';
import { toErrorBody } from './errors';

const agentName = nameSchema({ what: 'agent', max: 80 });
const messages = (value: unknown) => {
  const result = agentName.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('names in the contract', () => {
  it('stores names in NFC: a decomposed accent becomes the one composed character', () => {
    const decomposed = 'Luci\u0301a Ortega';
    expect(decomposed).not.toBe('Lucía Ortega');
    expect(agentName.parse(decomposed)).toBe('Lucía Ortega');
    expect(agentName.parse('  Jan de Wit \t')).toBe('Jan de Wit');
  });

  it.each([
    ['spaces only', '   '],
    ['no-break and ideographic spaces', '\u00A0\u3000'],
    ['zero-width space, joiner, non-joiner, word joiner, BOM', '\u200B\u200C\u200D\u2060\uFEFF'],
    ['bidi marks', '\u200E\u200F\u061C'],
    ['variation selectors', '\uFE0F\uFE0E\u{E0100}'],
    ['Hangul fillers', '\u3164\u115F\uFFA0'],
    ['Braille blank', '\u2800\u2800'],
    ['soft hyphen and combining grapheme joiner', '\u00AD\u034F'],
    ['tag characters', '\u{E0041}\u{E0042}'],
  ])('refuses a name that draws nothing: %s', (_what, name) => {
    expect(isInvisibleName(name)).toBe(true);
    expect(messages(name).join(' ')).toMatch(/give the agent a name|at least one visible/);
  });

  it('accepts names of any script, with signs and digits, and an emoji', () => {
    for (const name of ['李雷', 'Ωμέγα', 'محمد', 'O’Brien-2', '★', 'Ana 👋🏽']) {
      expect(isInvisibleName(name)).toBe(false);
      expect(agentName.parse(name)).toBe(name);
    }
  });

  it('refuses line breaks, control characters and bidi overrides inside a name', () => {
    expect(messages('Jan\nde Wit')).toEqual([
      "the agent's name is one line, without control characters",
    ]);
    expect(messages('Jan\u0000')).toHaveLength(1);
    expect(messages('Jan \u202Etiw ed')).toEqual([
      "the agent's name cannot contain bidi embedding, override or isolate controls",
    ]);
    expect(messages('\u2067Jan\u2069')).toHaveLength(1);
  });

  it('gives one message for an empty name and counts length after NFC', () => {
    expect(messages('')).toEqual(['give the agent a name']);
    // 80 decomposed "é" are 160 code units, but 80 characters once composed.
    expect(agentName.safeParse('e\u0301'.repeat(80)).success).toBe(true);
    expect(agentName.safeParse('é'.repeat(81)).success).toBe(false);
  });

  it('applies at every boundary: agents, tags, saved views', () => {
    expect(CreateAgentInputSchema.parse({ name: 'Jose\u0301' }).name).toBe('José');
    expect(UpdateAgentInputSchema.parse({ id: 'a', name: 'Jose\u0301' }).name).toBe('José');
    expect(TagDefSchema.parse({ name: 'cafe\u0301', color: 'red' }).name).toBe('café');
    expect(RenameTagInputSchema.parse({ name: 'cafe\u0301', newName: 'the\u0301' })).toEqual({
      name: 'café',
      newName: 'thé',
    });
    expect(SaveViewInputSchema.parse({ name: 'Cafe\u0301', filters: {} }).name).toBe('Café');
    for (const result of [
      CreateAgentInputSchema.safeParse({ name: '\u200B' }),
      TagDefSchema.safeParse({ name: '\uFE0F', color: 'red' }),
      SaveViewInputSchema.safeParse({ name: '\u2800', filters: {} }),
    ]) {
      expect(result.success).toBe(false);
      expect(toErrorBody(result.error).code).toBe('bad_request');
    }
  });
});

describe('confusable names', () => {
  it('takes case, spaces, zero-width and bidi characters and fullwidth letters as the same', () => {
    const same = [
      'Jan de Wit',
      'JAN DE WIT',
      'jan de wit',
      'Jan de\u200BWit',
      'Jan\u00A0de  Wit',
      '\u200EJan de Wit\u200F',
      'Ｊａｎ ｄｅ Ｗｉｔ',
      'Jan de Wit\uFE0F',
    ];
    for (const name of same) expect(confusableKey(name)).toBe('jandewit');
    expect(areConfusable('Straße', 'STRASSE')).toBe(true);
    expect(areConfusable('ﬁona', 'Fiona')).toBe(true);
  });

  it('keeps different names apart', () => {
    expect(areConfusable('Jan de Wit', 'Jan de Wilt')).toBe(false);
    expect(areConfusable('Lucía', 'Lucia')).toBe(false);
    expect(areConfusable('Jan', 'Jana')).toBe(false);
  });

  it('finds the existing name a new one could be taken for', () => {
    const team = [
      { id: 'a', name: 'Camille Laurent' },
      { id: 'b', name: 'Jan de Wit' },
    ];
    expect(confusableWith('JAN DE\u200BWIT', team, (t) => t.name)?.id).toBe('b');
    expect(confusableWith('Lucía Ortega', team, (t) => t.name)).toBeUndefined();
  });
});
