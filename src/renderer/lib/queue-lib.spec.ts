import { describe, expect, it } from 'vitest';
import { conversation } from '../../shared/test-fixtures';
import { rangeOf, summarizeBulk } from './bulk';
import { DEFAULT_FILTERS, activeFilters, listInput, withoutFilter } from './filters';
import { allViews, filtersOfView, isCurrentView, viewOfFilters } from './views';

describe('views', () => {
  it('puts the built-in views before the saved ones', () => {
    const views = allViews([
      { id: 'v1', name: 'Refunds', filters: { tag: 'refund', sort: 'oldest' } },
    ]);
    expect(views.map((v) => v.id)).toEqual(['mine', 'unassigned', 'active', 'new', 'open', 'v1']);
  });

  it('round-trips the panel filters through a saved view', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      language: 'nl',
      tag: 'refund',
      assignee: 'mine' as const,
      sort: 'reach' as const,
      q: ' latte ',
    };
    const view = viewOfFilters(filters);
    expect(view).toEqual({
      language: 'nl',
      tag: 'refund',
      assignee: 'mine',
      q: 'latte',
      sort: 'reach',
    });
    expect(filtersOfView(view)).toEqual({ ...filters, q: 'latte' });
    expect(isCurrentView(view, filters)).toBe(true);
    expect(isCurrentView(view, DEFAULT_FILTERS)).toBe(false);
    expect(listInput(filtersOfView(view))).toMatchObject({ tag: 'refund', language: 'nl' });
  });
});

describe('active filters', () => {
  it('names every filter that narrows the list, in the panel order, and removes one at a time', () => {
    expect(activeFilters(DEFAULT_FILTERS)).toEqual([]);
    // A blank search and the sort narrow nothing.
    expect(activeFilters({ ...DEFAULT_FILTERS, q: '  ', sort: 'oldest' })).toEqual([]);
    const filters = {
      ...DEFAULT_FILTERS,
      answered: 'outside' as const,
      language: 'nl',
      status: 'active' as const,
      q: 'latte',
      sort: 'reach' as const,
    };
    expect(activeFilters(filters)).toEqual(['q', 'status', 'language', 'answered']);
    const fewer = withoutFilter(filters, 'language');
    expect(fewer).toEqual({ ...filters, language: 'all' });
    expect(activeFilters(fewer)).toEqual(['q', 'status', 'answered']);
    expect(listInput(withoutFilter(fewer, 'q'))).toEqual({
      status: 'active',
      answered: 'outside',
      sort: 'reach',
    });
  });
});

describe('bulk', () => {
  it('counts what was applied, what changed meanwhile and what is gone', () => {
    const c = conversation();
    expect(
      summarizeBulk([
        { id: 'a', outcome: 'applied', conversation: c },
        { id: 'b', outcome: 'conflict', conversation: c },
        { id: 'c', outcome: 'applied', conversation: c },
        { id: 'd', outcome: 'not_found' },
      ]),
    ).toEqual({ applied: 2, conflicts: ['b'], missing: 1 });
  });

  it('selects a range either way', () => {
    expect(rangeOf(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['b', 'c', 'd']);
    expect(rangeOf(['a', 'b', 'c', 'd'], 0, 0)).toEqual(['a']);
  });
});
