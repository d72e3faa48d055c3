import { describe, expect, it } from 'vitest';
import { openingView } from './opening';

describe('the opening screen', () => {
  it('shows how far a phase is, in items or in megabytes', () => {
    expect(
      openingView({
        type: 'inbox.opening',
        progress: { phase: 'conversations', done: 250, total: 1000, unit: 'items' },
      }),
    ).toEqual({ phase: 'conversations', share: 0.25, done: 250, total: 1000, unit: 'items' });
    expect(
      openingView({
        type: 'inbox.opening',
        progress: { phase: 'audit', done: 3 * 1024 * 1024, total: 12 * 1024 * 1024, unit: 'bytes' },
      }),
    ).toEqual({ phase: 'audit', share: 0.25, done: 3, total: 12, unit: 'bytes' });
  });

  it('shows no share when the total is not known, and ignores other events', () => {
    expect(
      openingView({
        type: 'inbox.opening',
        progress: { phase: 'checking', done: 7, unit: 'items' },
      }),
    ).toMatchObject({ share: null, total: null });
    expect(openingView({ type: 'account.removed', accountId: 'x:1' })).toBeNull();
  });
});
