import { createQuery } from '@tanstack/svelte-query';
import type { InboxApi } from '../../shared/api';
import { queryKeys } from './query-keys';

/** The connected accounts, one cached query shared by the top bar, the banner and the dialog. */
export function createAccountsQuery(api: Pick<InboxApi, 'listAccounts'>) {
  return createQuery(() => ({
    queryKey: queryKeys.accounts,
    queryFn: () => api.listAccounts({}),
  }));
}
