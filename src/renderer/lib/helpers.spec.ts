import { apiMethods } from '../../shared/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboxClient } from '../../shared/api';
import { ListConversationsInputSchema } from '../../shared/api';
import { resolveInboxApi } from './api';
import { DEFAULT_FILTERS, isNarrowed, listInput } from './filters';
import { flattenPages } from './pages';
import { summarizeProgress } from './sync-progress';
import { conversation } from '../../shared/test-fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('resolveInboxApi', () => {
  it('uses window.inbox when the Electron preload exposed it', () => {
    const calls: unknown[] = [];
    const inbox = {
      listAccounts: (input: unknown) => (calls.push(input), Promise.resolve([])),
      onEvent: () => () => {},
    } as unknown as InboxClient;
    const api = resolveInboxApi({ inbox }, 'http://hub.test');
    void api.listAccounts({});
    expect(calls).toEqual([{}]);
  });

  it('falls back to the hub over HTTP', () => {
    const api = resolveInboxApi({}, 'http://hub.test');
    // Every call of the contract, and the event subscription.
    expect(Object.keys(api).sort()).toEqual([...Object.keys(apiMethods), 'onEvent'].sort());
  });
});

describe('filters', () => {
  it('sends only what narrows the list, in a shape the contract accepts', () => {
    expect(listInput(DEFAULT_FILTERS)).toEqual({ sort: 'newest' });
    const input = listInput({
      platform: 'facebook',
      accountId: 'facebook:5001',
      status: 'open',
      priority: 'high',
      language: 'nl',
      assignee: 'mine',
      tag: 'refund',
      answered: 'outside',
      sentiment: 'negative',
      q: '  oat milk ',
      sort: 'reach',
    });
    expect(input).toEqual({
      platform: 'facebook',
      accountId: 'facebook:5001',
      status: 'open',
      priority: 'high',
      language: 'nl',
      assignee: 'mine',
      tag: 'refund',
      answered: 'outside',
      sentiment: 'negative',
      q: 'oat milk',
      sort: 'reach',
    });
    expect(ListConversationsInputSchema.safeParse({ ...input, limit: 200 }).success).toBe(true);
  });

  it('knows when the list is narrowed', () => {
    expect(isNarrowed(DEFAULT_FILTERS)).toBe(false);
    expect(isNarrowed({ ...DEFAULT_FILTERS, sort: 'oldest' })).toBe(false);
    expect(isNarrowed({ ...DEFAULT_FILTERS, priority: 'urgent' })).toBe(true);
    expect(isNarrowed({ ...DEFAULT_FILTERS, accountId: 'x:1' })).toBe(true);
    expect(isNarrowed({ ...DEFAULT_FILTERS, answered: 'outside' })).toBe(true);
    expect(isNarrowed({ ...DEFAULT_FILTERS, sentiment: 'positive' })).toBe(true);
    expect(isNarrowed({ ...DEFAULT_FILTERS, q: '   ' })).toBe(false);
    expect(isNarrowed({ ...DEFAULT_FILTERS, language: 'fr' })).toBe(true);
    expect(isNarrowed({ ...DEFAULT_FILTERS, assignee: 'unassigned' })).toBe(true);
  });
});

describe('flattenPages', () => {
  it('keeps page order and drops repeats', () => {
    const a = conversation({ id: 'a' });
    const b = conversation({ id: 'b' });
    const c = conversation({ id: 'c' });
    const pages = [
      { items: [a, b], nextCursor: '1', total: 3 },
      { items: [b, c], nextCursor: null, total: 3 },
    ];
    expect(flattenPages(pages).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(flattenPages(undefined)).toEqual([]);
  });
});

describe('summarizeProgress', () => {
  const p = (stream: string, fetched: number, estimated: number | null, done = false) => ({
    accountId: 'x:1',
    stream,
    phase: 'backfill' as const,
    fetched,
    estimated,
    done,
  });

  it('adds up the running backfills', () => {
    expect(summarizeProgress([p('mentions', 50, 200), p('tweets', 50, 200)])).toEqual({
      active: true,
      fetched: 100,
      estimated: 400,
      fraction: 0.25,
    });
  });

  it('is indeterminate when a stream cannot estimate, and idle when all are done', () => {
    expect(summarizeProgress([p('a', 5, 10), p('b', 5, null)]).fraction).toBeNull();
    expect(summarizeProgress([p('a', 10, 10, true)]).active).toBe(false);
    expect(summarizeProgress([]).active).toBe(false);
  });

  it('ignores routine polls', () => {
    expect(summarizeProgress([{ ...p('a', 1, 164), phase: 'poll' }]).active).toBe(false);
  });

  it('never overflows the bar', () => {
    expect(summarizeProgress([p('a', 500, 100)]).fraction).toBe(1);
  });
});
