import { describe, expect, it } from 'vitest';
import { AddNoteInputSchema, CreateAgentInputSchema } from './api';
import { isSafeText, NOT_TEXT_MESSAGE, safeText } from './text';

describe('safe text', () => {
  it.each([
    ['a lone high surrogate', 'Caf\uD83D'],
    ['a lone low surrogate', '\uDE00 merci'],
    ['a reversed pair', '\uDE00\uD83D'],
    ['U+FDD0', 'a\uFDD0b'],
    ['U+FDEF', '\uFDEF'],
    ['U+FFFE', '\uFFFE'],
    ['U+FFFF', 'x\uFFFF'],
    ['U+1FFFE', '\u{1FFFE}'],
    ['U+10FFFF', '\u{10FFFF}'],
  ])('refuses %s', (_what, text) => {
    expect(isSafeText(text)).toBe(false);
    expect(safeText().safeParse(text).success).toBe(false);
  });

  it.each([
    ['accents and other scripts', 'Lucía Ortega, مرحبا, こんにちは'],
    ['emoji made of several code points', '👩🏽‍💻 🇫🇷 ❤️'],
    ['the replacement character and U+FDCF, U+FDF0', '\uFFFD \uFDCF \uFDF0'],
    ['the empty string', ''],
  ])('takes %s', (_what, text) => {
    expect(isSafeText(text)).toBe(true);
    expect(safeText().parse(text)).toBe(text);
  });

  it('answers with the field that holds it, whatever the field’s other rules', () => {
    const agent = CreateAgentInputSchema.safeParse({ name: '  Jan\uD800 ' });
    expect(agent.success).toBe(false);
    expect(agent.error?.issues).toEqual([
      expect.objectContaining({ path: ['name'], message: NOT_TEXT_MESSAGE }),
    ]);
    const note = AddNoteInputSchema.safeParse({ conversationId: 'x:1', text: 'ok \uFFFF' });
    expect(note.error?.issues.map((i) => i.path)).toEqual([['text']]);
  });
});
