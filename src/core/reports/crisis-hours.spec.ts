import { describe, expect, it } from 'vitest';
import { arrivalsByHour, hoursOfRange } from './crisis';

const H = 3_600_000;
const at = new Date('2026-03-08T10:30:00.000Z');
const windowStart = Date.parse('2026-03-08T08:00:00.000Z');

/** One arrival in each of the 168 hours before the window, then 2, 12 and 5 in its three hours. */
function arrivals(): string[] {
  const times: string[] = [];
  for (let h = 1; h <= 168; h++) times.push(new Date(windowStart - h * H + 60_000).toISOString());
  const inHour = (offset: number, n: number) => {
    for (let i = 0; i < n; i++)
      times.push(new Date(windowStart + offset * H + i * 60_000).toISOString());
  };
  inHour(0, 2);
  inHour(1, 12);
  inHour(2, 5);
  // Before the baseline and after the window: not counted.
  times.push(new Date(windowStart - 200 * H).toISOString(), '2026-03-08T11:00:00.000Z');
  return times;
}

describe('arrivals per hour', () => {
  it('counts each hour of the window, with the usual level and the largest spike', () => {
    const view = arrivalsByHour(arrivals(), at, 3);
    expect(view.from).toBe('2026-03-08T08:00:00.000Z');
    expect(view.to).toBe('2026-03-08T11:00:00.000Z');
    expect(view.hours).toEqual([
      { start: '2026-03-08T08:00:00.000Z', arrivals: 2 },
      { start: '2026-03-08T09:00:00.000Z', arrivals: 12 },
      { start: '2026-03-08T10:00:00.000Z', arrivals: 5 },
    ]);
    expect(view.usualPerHour).toBe(1);
    expect(view.baselineArrivals).toBe(168);
    expect(view.spike).toEqual({ start: '2026-03-08T09:00:00.000Z', arrivals: 12, ratio: 12 });
  });

  it('names the largest spike of the window, not the latest', () => {
    const times = arrivals();
    // A later spike, smaller than the one at 09:00.
    for (let i = 0; i < 10; i++)
      times.push(new Date(windowStart + 2 * H + (30 + i) * 60_000).toISOString());
    const view = arrivalsByHour(times, at, 3);
    expect(view.hours[2]?.arrivals).toBe(15);
    expect(view.spike).toEqual({ start: '2026-03-08T10:00:00.000Z', arrivals: 15, ratio: 15 });
    for (let i = 0; i < 4; i++)
      times.push(new Date(windowStart + H + (40 + i) * 60_000).toISOString());
    expect(arrivalsByHour(times, at, 3).spike?.start).toBe('2026-03-08T09:00:00.000Z');
  });

  it('gives a spike no ratio when nothing came before the window', () => {
    const fresh: string[] = [];
    for (let i = 0; i < 12; i++) fresh.push(new Date(windowStart + H + i * 60_000).toISOString());
    const view = arrivalsByHour(fresh, at, 3);
    expect(view.usualPerHour).toBe(0);
    expect(view.baselineArrivals).toBe(0);
    expect(view.spike).toEqual({ start: '2026-03-08T09:00:00.000Z', arrivals: 12, ratio: null });
  });

  it('measures the usual level as the mean hour of the week before, quiet hours included', () => {
    // 42 arrivals in the week before: a quarter of an arrival per hour, and 10 in one hour is 40×.
    const quiet: string[] = [];
    for (let h = 1; h <= 168; h += 4) quiet.push(new Date(windowStart - h * H).toISOString());
    for (let i = 0; i < 10; i++) quiet.push(new Date(windowStart + i * 60_000).toISOString());
    const view = arrivalsByHour(quiet, at, 3);
    expect(view.usualPerHour).toBe(0.25);
    expect(view.spike).toEqual({ start: '2026-03-08T08:00:00.000Z', arrivals: 10, ratio: 40 });
  });

  it('counts the hours of a range, at most its latest ones', () => {
    const from = new Date('2026-03-01T09:30:00.000Z');
    const to = new Date('2026-03-02T00:00:00.000Z');
    expect(hoursOfRange(from, to, 1000)).toEqual({
      first: Date.parse('2026-03-01T09:00:00.000Z'),
      last: Date.parse('2026-03-01T23:00:00.000Z'),
    });
    expect(hoursOfRange(from, to, 2)).toEqual({
      first: Date.parse('2026-03-01T22:00:00.000Z'),
      last: Date.parse('2026-03-01T23:00:00.000Z'),
    });
  });

  it('sees no spike when a busy hour is a busy brand’s usual hour', () => {
    const busy: string[] = [];
    for (let h = 1; h <= 168; h++)
      for (let i = 0; i < 5; i++)
        busy.push(new Date(windowStart - h * H + i * 60_000).toISOString());
    for (let i = 0; i < 12; i++) busy.push(new Date(windowStart + i * 60_000).toISOString());
    const view = arrivalsByHour(busy, at, 3);
    expect(view.usualPerHour).toBe(5);
    expect(view.hours[0]?.arrivals).toBe(12);
    expect(view.spike).toBeNull();
  });
});
