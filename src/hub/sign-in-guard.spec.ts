import { describe, expect, it } from 'vitest';
import { RecentSignIns } from './sign-in-guard';

describe('which sign-ins are recorded', () => {
  it('records a token from one client and address once an hour', () => {
    let now = 0;
    const recent = new RecentSignIns({ now: () => now });
    expect(recent.isNew('sia_a', 'browser', '10.0.0.1')).toBe(true);
    now = 59 * 60_000;
    expect(recent.isNew('sia_a', 'browser', '10.0.0.1')).toBe(false);
    // Another client, address or token is another sign-in.
    expect(recent.isNew('sia_a', 'desktop:laptop', '10.0.0.1')).toBe(true);
    expect(recent.isNew('sia_a', 'browser', '10.0.0.2')).toBe(true);
    expect(recent.isNew('sia_b', 'browser', '10.0.0.1')).toBe(true);
    // An hour after it was recorded, it is recorded again.
    now = 60 * 60_000;
    expect(recent.isNew('sia_a', 'browser', '10.0.0.1')).toBe(true);
  });

  it('remembers a bounded number of sign-ins, forgetting the oldest first', () => {
    const recent = new RecentSignIns({ max: 3, now: () => 0 });
    for (const token of ['sia_1', 'sia_2', 'sia_3', 'sia_4'])
      expect(recent.isNew(token, 'browser', '10.0.0.1')).toBe(true);
    expect(recent.isNew('sia_4', 'browser', '10.0.0.1')).toBe(false);
    expect(recent.isNew('sia_2', 'browser', '10.0.0.1')).toBe(false);
    // sia_1 was forgotten to keep three.
    expect(recent.isNew('sia_1', 'browser', '10.0.0.1')).toBe(true);
  });
});
