import { createContext } from 'svelte';
import type { InboxClient } from '../../shared/api';
import type { AccountsState } from './accounts-state.svelte';
import type { InboxState } from './inbox-state.svelte';
import type { SessionState } from './session-state.svelte';
import type { TeamState } from './team-state.svelte';

export const [useInboxApi, provideInboxApi] = createContext<InboxClient>();
export const [useInboxState, provideInboxState] = createContext<InboxState>();
export const [useAccountsState, provideAccountsState] = createContext<AccountsState>();
export const [useSession, provideSession] = createContext<SessionState>();
export const [useTeamState, provideTeamState] = createContext<TeamState>();
