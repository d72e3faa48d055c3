import { describe, expect, it } from 'vitest';
import { listKeyAction } from './list-keys';

describe('listKeyAction', () => {
  it.each([
    ['j', 3, { move: 4 }],
    ['ArrowDown', -1, { move: 0 }],
    ['k', 3, { move: 2 }],
    ['k', -1, { move: 0 }],
    ['PageDown', 3, { move: 13 }],
    ['PageUp', 30, { move: 20 }],
    ['Home', 30, { move: 0 }],
    ['End', 3, { move: 99 }],
    ['Enter', 7, { open: 7 }],
    [' ', 7, { open: 7 }],
    ['Enter', -1, null],
    ['x', 3, null],
  ])('%j from %i', (key, from, action) => {
    expect(listKeyAction(key, from, 100, 10)).toEqual(action);
  });
});
