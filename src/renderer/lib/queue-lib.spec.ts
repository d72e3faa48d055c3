import { describe, expect, it } from 'vitest';
import { conversation } from '../../shared/test-fixtures';
import { rangeOf, summarizeBulk } from './bulk';
import { DEFAULT_FILTERS, listInput } from './filters';
import { allViews, filtersOfView, isCurrentView, viewOfFilters } from './views';

describe('views', () => {
  it('puts the built-in views before the saved ones', () => {
    const views = allViews([
      { id: 'v1', name: 'Refunds', filters: { tag: 'refund', sort: 'oldest' } },
    ]);
    expect(views.map((v) => v.id)).toEqual(['mine', 'unassigned', 'new', 'open', 'v1']);
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
