import { createContext } from 'svelte';
import type { InboxApi } from '../../shared/api';
import type { AccountsState } from './accounts-state.svelte';
import type { InboxState } from './inbox-state.svelte';

export const [useInboxApi, provideInboxApi] = createContext<InboxApi>();
export const [useInboxState, provideInboxState] = createContext<InboxState>();
export const [useAccountsState, provideAccountsState] = createContext<AccountsState>();
