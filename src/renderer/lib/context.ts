import { createContext } from 'svelte';
import type { InboxApi } from '../../shared/api';
import type { InboxState } from './inbox-state.svelte';

export const [useInboxApi, provideInboxApi] = createContext<InboxApi>();
export const [useInboxState, provideInboxState] = createContext<InboxState>();
