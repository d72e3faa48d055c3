import { describe, expect, it } from 'vitest';
import { InboxError, ListConversationsInputSchema } from '../../shared';
import type { ListConversationsInput } from '../../shared';
import { conversation } from '../test/fixtures';
import { ConversationIndex, queryConversations } from './conversation-query';

const minutes = (m: number) => new Date(Date.UTC(2026, 10, 20, 10, m)).toISOString();
const all = [
  conversation({ id: 'x:1', lastPostAt: minutes(1), reach: 10, language: 'fr' }),
  conversation({
    id: 'facebook:2',
    platform: 'facebook',
    lastPostAt: minutes(2),
    reach: 500,
    language: 'nl',
  }),
  conversation({ id: 'x:3', lastPostAt: minutes(3), reach: 200, priority: 'high', status: 'open' }),
  conversation({ id: 'x:4', lastPostAt: minutes(4), reach: 0, excerpt: 'Where is my REFUND?' }),
  conversation({ id: 'x:5', lastPostAt: minutes(4), reach: 50, priority: 'urgent' }),
];
const run = (input: ListConversationsInput, items = all) =>
  queryConversations(items, ListConversationsInputSchema.parse(input));

describe('queryConversations', () => {
  it('sorts newest first by default, ties broken by id', () => {
    expect(run({}).items.map((c) => c.id)).toEqual(['x:5', 'x:4', 'x:3', 'facebook:2', 'x:1']);
  });

  it('sorts oldest, by priority and by reach', () => {
    expect(run({ sort: 'oldest' }).items.map((c) => c.id)).toEqual([
      'x:1',
      'facebook:2',
      'x:3',
      'x:5',
      'x:4',
    ]);
    expect(
      run({ sort: 'priority' })
        .items.map((c) => c.id)
        .slice(0, 2),
    ).toEqual(['x:5', 'x:3']);
    expect(run({ sort: 'reach' }).items.map((c) => c.id)).toEqual([
      'facebook:2',
      'x:3',
      'x:5',
      'x:1',
      'x:4',
    ]);
  });

  it('filters by platform, status, language, priority and text', () => {
    expect(run({ platform: 'facebook' }).items.map((c) => c.id)).toEqual(['facebook:2']);
    expect(run({ status: 'open' }).total).toBe(1);
    expect(run({ language: 'nl' }).items.map((c) => c.id)).toEqual(['facebook:2']);
    expect(run({ priority: 'urgent' }).items.map((c) => c.id)).toEqual(['x:5']);
    expect(run({ q: 'refund' }).items.map((c) => c.id)).toEqual(['x:4']);
  });

  it('pages with keyset cursors that stay right while new conversations arrive', () => {
    const first = run({ limit: 2 });
    expect(first.items.map((c) => c.id)).toEqual(['x:5', 'x:4']);
    expect(first.total).toBe(5);
    const arrived = [...all, conversation({ id: 'x:9', lastPostAt: minutes(9) })];
    const second = run({ limit: 2, cursor: first.nextCursor ?? '' }, arrived);
    expect(second.items.map((c) => c.id)).toEqual(['x:3', 'facebook:2']);
    const third = run({ limit: 2, cursor: second.nextCursor ?? '' }, arrived);
    expect(third.items.map((c) => c.id)).toEqual(['x:1']);
    expect(third.nextCursor).toBeNull();
  });

  it('refuses a forged cursor with a bad_request error', () => {
    expect(() => run({ cursor: 'not-a-cursor' })).toThrow(InboxError);
    expect(() => run({ cursor: 'bm9wZQ' })).toThrow(
      expect.objectContaining({ code: 'bad_request' }),
    );
  });
});

describe('ConversationIndex', () => {
  it('keeps every order right as conversations change, without rebuilding', () => {
    const store = new Map(all.map((c) => [c.id, c]));
    const index = new ConversationIndex(() => store.values());
    const ids = (sort: 'newest' | 'reach') =>
      index.query(ListConversationsInputSchema.parse({ sort })).items.map((c) => c.id);
    expect(ids('newest')).toEqual(['x:5', 'x:4', 'x:3', 'facebook:2', 'x:1']);
    expect(ids('reach')).toEqual(['facebook:2', 'x:3', 'x:5', 'x:1', 'x:4']);

    const bumped = { ...store.get('x:1')!, lastPostAt: minutes(30), reach: 900, version: 2 };
    index.update(bumped, store.get('x:1'));
    store.set('x:1', bumped);
    const arrived = conversation({ id: 'x:7', lastPostAt: minutes(20), reach: 300 });
    index.update(arrived, undefined);
    store.set('x:7', arrived);

    expect(ids('newest')).toEqual(['x:1', 'x:7', 'x:5', 'x:4', 'x:3', 'facebook:2']);
    expect(ids('reach')).toEqual(['x:1', 'facebook:2', 'x:7', 'x:3', 'x:5', 'x:4']);
    // A fresh index built from the same data agrees with the updated one.
    expect(
      new ConversationIndex(() => store.values()).query(ListConversationsInputSchema.parse({}))
        .items,
    ).toEqual(index.query(ListConversationsInputSchema.parse({})).items);
  });
});
