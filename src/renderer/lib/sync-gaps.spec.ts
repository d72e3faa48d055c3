import { describe, expect, it } from 'vitest';
import type { SyncGap } from '../../shared/model';
import { account } from '../../shared/test-fixtures';
import { wordsFor } from '../i18n/translate';
import { gapText, missingOf } from './sync-gaps';

const gap = (over: Partial<SyncGap> = {}): SyncGap => ({
  id: 'x:1:mentions:5',
  accountId: 'x:1',
  stream: 'mentions',
  since: '2026-11-10T09:00:00Z',
  until: '2026-11-13T10:01:00Z',
  missing: 612,
  reason: 'beyond-search',
  recordedAt: '2026-11-20T10:00:00Z',
  ...over,
});

describe('sync gaps as the accounts area tells them', () => {
  it('says about how many mentions may be missing, between when, and why, in English and French', () => {
    expect(gapText(gap(), wordsFor('en'), 'UTC')).toBe(
      'About 612 mentions may be missing between 10 November 09:00 and 13 November 10:01: they are older than X search reaches (7 days).',
    );
    expect(gapText(gap({ missing: 1, reason: 'search-refused' }), wordsFor('fr'), 'UTC')).toBe(
      'Environ 1 mention peut manquer entre le 10 novembre 09:00 et le 13 novembre 10:01 : X a refusé la recherche qui les aurait récupérées.',
    );
  });

  it('adds up what an account may be missing', () => {
    expect(missingOf(account())).toBe(0);
    expect(missingOf(account({ gaps: [gap(), gap({ id: 'b', missing: 8 })] }))).toBe(620);
  });
});
