import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { SyncProgress } from '../../shared/events';
import type { ConnectionState } from '../../shared/client/event-stream';
import { DEFAULT_FILTERS, listInput, isNarrowed } from './filters';
import type { FilterValues } from './filters';
import { summarizeProgress } from './sync-progress';
import type { ProgressSummary } from './sync-progress';

/** The screen's shared state: filters, the open conversation, what live events told us. */
export class InboxState {
  filters: FilterValues = $state({ ...DEFAULT_FILTERS });
  /** The conversation shown on the right. */
  openId: string | null = $state(null);
  /** The queue, or (managers) the reports. */
  view: 'inbox' | 'reports' = $state('inbox');
  /** Every language seen in the inbox so far, for the language filter. */
  readonly languages = new SvelteSet<string>();
  /** Latest progress per account, per stream. */
  readonly progress = new SvelteMap<string, Readonly<Record<string, SyncProgress>>>();
  connection: ConnectionState = $state('open');

  readonly input = $derived(listInput(this.filters));
  readonly narrowed = $derived(isNarrowed(this.filters));

  recordProgress(progress: SyncProgress): void {
    const streams = this.progress.get(progress.accountId);
    this.progress.set(progress.accountId, { ...streams, [progress.stream]: progress });
  }

  /** A sync round ended: forget its progress (not every stream reports `done`). */
  clearProgress(accountId: string): void {
    this.progress.delete(accountId);
  }

  progressOf(accountId: string): ProgressSummary {
    return summarizeProgress(Object.values(this.progress.get(accountId) ?? {}));
  }

  resetFilters(): void {
    this.filters = { ...DEFAULT_FILTERS };
  }
}
