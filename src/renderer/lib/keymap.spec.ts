import { describe, expect, it } from 'vitest';
import { KEYMAP, commandOf, isTyping, viewIndexOf } from './keymap';

const press = (
  key: string,
  mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {},
) => commandOf({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('the queue keymap', () => {
  it('binds each key to one command only', () => {
    const keys = KEYMAP.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has every triage command the queue needs, each shown in the help', () => {
    expect(KEYMAP.map((b) => b.command)).toEqual(
      expect.arrayContaining([
        'next',
        'previous',
        'open',
        'take',
        'assign',
        'tag',
        'status',
        'reply',
        'next-unassigned',
        'select',
        'search',
        'help',
        'escape',
      ]),
    );
    for (const b of KEYMAP) expect((b.shown ?? b.keys).length).toBeGreaterThan(0);
  });

  it('reads keys as commands, Shift+j/k as extending the selection', () => {
    expect(press('j')).toBe('next');
    expect(press('ArrowUp')).toBe('previous');
    expect(press('J')).toBe('extend-next');
    expect(press('#')).toBe('tag');
    expect(press('g')).toBe('tag');
    expect(press('o')).toBe('open');
    expect(press('?')).toBe('help');
    expect(press('3')).toBe('view');
    expect(press('q')).toBeNull();
    expect(press('t', { ctrlKey: true })).toBeNull();
    expect(press('r', { metaKey: true })).toBeNull();
  });

  it('maps digits to views', () => {
    expect(viewIndexOf('1')).toBe(0);
    expect(viewIndexOf('9')).toBe(8);
    expect(viewIndexOf('0')).toBeNull();
    expect(viewIndexOf('a')).toBeNull();
  });

  it('never takes keys typed in a field', () => {
    expect(isTyping({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(
      true,
    );
    expect(isTyping({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isTyping({ tagName: 'DIV', isContentEditable: false } as unknown as EventTarget)).toBe(
      false,
    );
    expect(isTyping(null)).toBe(false);
  });
});
