import type { Account, SyncGap } from '../../shared/model';
import { wordsFor } from '../i18n/translate';
import type { Words } from '../i18n/translate';
import { clockTime, dayAndMonth } from './format';

function instant(iso: string, words: Words, timeZone?: string): string {
  return `${dayAndMonth(iso, words, timeZone)} ${clockTime(iso, words, timeZone)}`;
}

/**
 * What the account's sync area says of a stretch of posts it could not fetch: about how many,
 * between when, and why.
 */
export function gapText(
  gap: SyncGap,
  words: Words = wordsFor('en'),
  /** The reader's own unless given. */
  timeZone?: string,
): string {
  const { t } = words;
  return t('accounts.gap.text', {
    values: {
      count: gap.missing,
      since: instant(gap.since, words, timeZone),
      until: instant(gap.until, words, timeZone),
      reason: t(
        gap.reason === 'beyond-search' ? 'accounts.gap.beyondSearch' : 'accounts.gap.searchRefused',
      ),
    },
  });
}

/** How many posts may be missing across an account's gaps (those it is told of). */
export function missingOf(account: Account): number {
  return (account.gaps ?? []).reduce((n, g) => n + g.missing, 0);
}
