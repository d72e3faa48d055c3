import type { SavedView, ViewFilters } from '../../shared/queue';
import { DEFAULT_FILTERS, listInput } from './filters';
import type { FilterValues } from './filters';

/** A view in the filter panel: one of the built-in ones (named by message key) or a saved one. */
export type ViewEntry =
  | { kind: 'builtin'; id: 'mine' | 'unassigned' | 'active' | 'new' | 'open'; filters: ViewFilters }
  | { kind: 'saved'; id: string; name: string; filters: ViewFilters };

/** The views every agent has, whatever they saved. */
export const BUILTIN_VIEWS: readonly ViewEntry[] = [
  { kind: 'builtin', id: 'mine', filters: { assignee: 'mine', sort: 'newest' } },
  { kind: 'builtin', id: 'unassigned', filters: { assignee: 'unassigned', sort: 'newest' } },
  // Everything still to handle (new, open and pending), then one view per status, named after it:
  // "New" waits for a first look, "Open" is being worked on.
  { kind: 'builtin', id: 'active', filters: { status: 'active', sort: 'newest' } },
  { kind: 'builtin', id: 'new', filters: { status: 'new', sort: 'newest' } },
  { kind: 'builtin', id: 'open', filters: { status: 'open', sort: 'newest' } },
];

/** Built-in views first, then the agent's own, in the order keys 1–9 pick them. */
export function allViews(saved: readonly SavedView[] | undefined): ViewEntry[] {
  return [...BUILTIN_VIEWS, ...(saved ?? []).map((v): ViewEntry => ({ kind: 'saved', ...v }))];
}

/** The panel's filters a view sets (everything it leaves out back to "any"). */
export function filtersOfView(view: ViewFilters): FilterValues {
  return {
    ...DEFAULT_FILTERS,
    ...(view.platform ? { platform: view.platform } : {}),
    ...(view.accountId ? { accountId: view.accountId } : {}),
    ...(view.status ? { status: view.status } : {}),
    ...(view.priority ? { priority: view.priority } : {}),
    ...(view.language ? { language: view.language } : {}),
    ...(view.assignee ? { assignee: view.assignee } : {}),
    ...(view.tag ? { tag: view.tag } : {}),
    ...(view.answered ? { answered: view.answered } : {}),
    ...(view.sentiment ? { sentiment: view.sentiment } : {}),
    ...(view.q ? { q: view.q } : {}),
    sort: view.sort,
  };
}

/**
 * The panel's filters as a view to save: what narrows the list, as the list call takes it (the
 * panel's assignee choice is only ever mine or unassigned, as a view allows).
 */
export function viewOfFilters(filters: FilterValues): ViewFilters {
  return listInput(filters) as ViewFilters;
}

/** Whether the panel shows exactly what a view sets. */
export function isCurrentView(view: ViewFilters, filters: FilterValues): boolean {
  return (
    JSON.stringify(filtersOfView(view)) === JSON.stringify({ ...filters, q: filters.q.trim() })
  );
}
