/** Everything a key can do in the queue. */
export type KeyCommand =
  | 'next'
  | 'previous'
  | 'extend-next'
  | 'extend-previous'
  | 'open'
  | 'select'
  | 'take'
  | 'assign'
  | 'tag'
  | 'status'
  | 'priority'
  | 'reply'
  | 'next-unassigned'
  | 'search'
  | 'view'
  | 'escape'
  | 'help';

export type KeyGroup = 'move' | 'triage' | 'other';

export interface KeyBinding {
  command: KeyCommand;
  /** The `KeyboardEvent.key` values that run it. */
  keys: readonly string[];
  /** How the keys are shown in the help (defaults to `keys`). */
  shown?: readonly string[];
  group: KeyGroup;
}

/**
 * The one table of the queue's keys: the handler and the shortcuts help both read it. Digits pick
 * saved views, so statuses are chosen in the status picker (`s`), not by number.
 */
export const KEYMAP: readonly KeyBinding[] = [
  { command: 'next', keys: ['j', 'ArrowDown'], shown: ['j', '↓'], group: 'move' },
  { command: 'previous', keys: ['k', 'ArrowUp'], shown: ['k', '↑'], group: 'move' },
  { command: 'extend-next', keys: ['J'], shown: ['Shift+j'], group: 'move' },
  { command: 'extend-previous', keys: ['K'], shown: ['Shift+k'], group: 'move' },
  { command: 'open', keys: ['Enter', 'o'], group: 'move' },
  { command: 'next-unassigned', keys: ['n'], group: 'move' },
  { command: 'select', keys: ['x'], group: 'triage' },
  { command: 'take', keys: ['t'], group: 'triage' },
  { command: 'assign', keys: ['a'], group: 'triage' },
  { command: 'tag', keys: ['g', '#'], group: 'triage' },
  { command: 'status', keys: ['s'], group: 'triage' },
  { command: 'priority', keys: ['p'], group: 'triage' },
  { command: 'reply', keys: ['r'], group: 'triage' },
  { command: 'search', keys: ['/'], group: 'other' },
  {
    command: 'view',
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    shown: ['1–9'],
    group: 'other',
  },
  { command: 'escape', keys: ['Escape'], shown: ['Esc'], group: 'other' },
  { command: 'help', keys: ['?'], group: 'other' },
];

const byKey = new Map(KEYMAP.flatMap((b) => b.keys.map((key) => [key, b.command] as const)));

/** What a key press does: null when it is not a queue key, or when it comes with Ctrl/Alt/Meta. */
export function commandOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>,
): KeyCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  return byKey.get(event.key) ?? null;
}

/** The saved view a digit picks (0-based), or null. */
export function viewIndexOf(key: string): number | null {
  return /^[1-9]$/.test(key) ? Number(key) - 1 : null;
}

/** Where typing goes: keys pressed there are text, never commands. */
export function isTyping(target: EventTarget | null): boolean {
  if (target == null || typeof target !== 'object') return false;
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string };
  if (el.isContentEditable === true) return true;
  const tag = el.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type ?? 'text');
}
