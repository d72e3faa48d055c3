import { describe, expect, it } from 'vitest';
import { lastDays, localDay, rangeInstants } from './report-range';

describe('report range', () => {
  it('covers whole local days, the last one included', () => {
    const instants = rangeInstants({ from: '2026-03-01', to: '2026-03-07' });
    expect(instants).not.toBeNull();
    const from = new Date(instants!.from);
    const to = new Date(instants!.to);
    expect(localDay(from)).toBe('2026-03-01');
    expect([from.getHours(), from.getMinutes()]).toEqual([0, 0]);
    expect(localDay(to)).toBe('2026-03-08');
    expect([to.getHours(), to.getMinutes()]).toEqual([0, 0]);
  });

  it('refuses a range that ends before it starts, or a date that is not one', () => {
    expect(rangeInstants({ from: '2026-03-07', to: '2026-03-01' })).toBeNull();
    expect(rangeInstants({ from: 'yesterday', to: '2026-03-01' })).toBeNull();
    expect(rangeInstants({ from: '2026-03-01', to: '2026-03-01' })).not.toBeNull();
  });

  it('counts the last days with today', () => {
    expect(lastDays(7, new Date(2026, 2, 10, 15, 0))).toEqual({
      from: '2026-03-04',
      to: '2026-03-10',
    });
    expect(lastDays(1, new Date(2026, 2, 10, 15, 0))).toEqual({
      from: '2026-03-10',
      to: '2026-03-10',
    });
  });
});
