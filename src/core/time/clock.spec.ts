import { describe, expect, it } from 'vitest';
import { ManualClock, clockStartingAt, dateOf, isoOf, offsetOf, shiftedClock } from './clock';

describe('clocks', () => {
  it('a manual clock stands still until it is set or moved', () => {
    const clock = new ManualClock('2026-11-20T09:00:00Z');
    expect(isoOf(clock)).toBe('2026-11-20T09:00:00.000Z');
    clock.advance(90_000);
    expect(dateOf(clock).toISOString()).toBe('2026-11-20T09:01:30.000Z');
    clock.set(0);
    expect(clock.now()).toBe(0);
    expect(() => clock.set('not a date')).toThrow(RangeError);
  });

  it('a clock started at a date runs at its base clock’s pace from there', () => {
    const base = new ManualClock('2030-01-01T00:00:00Z');
    const clock = clockStartingAt('2026-11-20T09:00:00Z', base);
    expect(isoOf(clock)).toBe('2026-11-20T09:00:00.000Z');
    base.advance(5_000);
    expect(isoOf(clock)).toBe('2026-11-20T09:00:05.000Z');
  });

  it('hands the same instant to another process as an offset from the system clock', () => {
    const base = new ManualClock(1_000_000);
    const clock = clockStartingAt(250_000, base);
    const offset = offsetOf(clock, base);
    expect(offset).toBe(-750_000);
    expect(shiftedClock(offset, base).now()).toBe(clock.now());
  });
});
