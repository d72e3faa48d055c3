import type { Account } from '../../shared';
import type { InboxStore } from '../store/port';

/** How many of an account's gaps are told with it (the newest). */
export const GAPS_SHOWN = 3;

/**
 * The account as clients see it: with the stretches of posts its sync could not fetch, read from
 * the store (they are never kept in the settings document).
 */
export async function withGaps(store: InboxStore, account: Account): Promise<Account> {
  const gaps = await store.gaps.ofAccount(account.id, GAPS_SHOWN);
  const { gaps: _kept, ...rest } = account;
  return gaps.length > 0 ? { ...rest, gaps } : rest;
}
