import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InboxError, ListConversationsInputSchema } from '../../shared';
import type { Conversation, ConversationPage, ListConversationsInput } from '../../shared';
import { conversation } from '../test/fixtures';
import { clockStartingAt } from '../time/clock';
import { queryConversations } from './conversation-query';
import { arbConversation, arbQuery } from './test/list-arbitraries';
import { STORE_ENGINES, engineTitle } from './test/store-engines';
import type { EngineStore, TunableStore } from './test/store-engines';

const clock = clockStartingAt(Date.UTC(2026, 10, 20));

const TUNINGS = [
  { setBelow: null, totalCap: 1000 },
  { setBelow: 0, totalCap: 3 },
  { setBelow: 1e9, totalCap: 3 },
];

/** Every page of a query, following the cursors, as ids per page and totals. */
async function walk(
  list: (input: ListConversationsInput) => Promise<ConversationPage>,
  input: ListConversationsInput,
): Promise<{ pages: string[][]; totals: number[]; floors: boolean[] }> {
  const pages: string[][] = [];
  const totals: number[] = [];
  const floors: boolean[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await list({ ...input, ...(cursor ? { cursor } : {}) });
    pages.push(page.items.map((c) => c.id));
    totals.push(page.total);
    floors.push(page.totalAtLeast === true);
    if (page.nextCursor == null) break;
    cursor = page.nextCursor;
  }
  return { pages, totals, floors };
}

// The same cases against every engine of the storage port, each test in a place of its own.
describe.each(STORE_ENGINES)('conversation lists on $name', (engine) => {
  describe.skipIf(engine.skipped != null)(engineTitle(engine), () => {
    let opened: EngineStore;
    let store: TunableStore;
    beforeEach(async () => {
      opened = await engine.open(clock);
      store = opened.store;
    });
    afterEach(() => opened.dispose());
    const put = (conversations: readonly Conversation[]) =>
      store.commit([], [{ kind: 'conversations.put', conversations }]);
    const clear = async () =>
      store.commit([], [{ kind: 'conversations.remove', ids: await allIds(store) }]);

    it('answers every filter, sort, search and page as the in-memory queue does', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc
            .uniqueArray(fc.nat(999), { minLength: 10, maxLength: 80 })
            .chain((ids) => fc.tuple(...ids.map((id) => arbConversation(id)))),
          fc.array(arbQuery, { minLength: 3, maxLength: 8 }),
          async (conversations, queries) => {
            await clear();
            await put(conversations);
            for (const input of queries) {
              const memory = await walk(
                async (q) =>
                  queryConversations(conversations, ListConversationsInputSchema.parse(q)),
                input,
              );
              // Every plan gives the same pages: sets, scans, and totals capped at a few.
              for (const tuning of TUNINGS) {
                store.conversations.tuning = tuning;
                const sql = await walk(
                  (q) => store.conversations.list(ListConversationsInputSchema.parse(q)),
                  input,
                );
                expect(sql.pages).toEqual(memory.pages);
                for (const [i, total] of sql.totals.entries()) {
                  const exact = memory.totals[i]!;
                  if (sql.floors[i]) {
                    expect(exact).toBeGreaterThan(tuning.totalCap);
                    expect(total).toBe(tuning.totalCap);
                  } else expect(total).toBe(exact);
                }
              }
              store.conversations.tuning = TUNINGS[0]!;
            }
          },
        ),
        { numRuns: 60 },
      );
    });

    it('keeps lists, totals and tag counts right when stored conversations change in place', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc
            .uniqueArray(fc.nat(999), { minLength: 10, maxLength: 60 })
            .chain((ids) =>
              fc.tuple(
                fc.tuple(...ids.map((id) => arbConversation(id))),
                fc.tuple(...ids.map((id) => fc.option(arbConversation(id), { freq: 2 }))),
              ),
            ),
          fc.array(arbQuery, { minLength: 3, maxLength: 6 }),
          async ([before, changes], queries) => {
            await clear();
            await put(before);
            // Some change in place (any column, tags or text, or nothing but the body), in one put.
            const changed = changes.flatMap((c, i) =>
              c == null ? [] : [{ ...c, id: before[i]!.id, version: before[i]!.version + 1 }],
            );
            await put(changed);
            const after = before.map((c, i) => changed.find((n) => n.id === c.id) ?? before[i]!);
            for (const input of queries) {
              const memory = await walk(
                async (q) => queryConversations(after, ListConversationsInputSchema.parse(q)),
                input,
              );
              const sql = await walk(
                (q) => store.conversations.list(ListConversationsInputSchema.parse(q)),
                input,
              );
              expect(sql).toEqual(memory);
            }
            const tags = new Map<string, number>();
            for (const c of after)
              for (const tag of c.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
            expect(await store.conversations.tagCounts()).toEqual(tags);
            expect(await store.conversations.count()).toBe(after.length);
            // In no particular order, as the port says.
            const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
            expect((await store.conversations.getMany(after.map((c) => c.id))).sort(byId)).toEqual(
              [...after].sort(byId),
            );
          },
        ),
        { numRuns: 40 },
      );
    });

    it('follows a conversation whose text, tags and place changed, and forgets a removed one', async () => {
      const a = conversation({ id: 'x:a', excerpt: 'late delivery', tags: ['delay'] });
      const b = conversation({
        id: 'x:b',
        excerpt: 'thanks',
        lastPostAt: '2026-11-20T11:00:00.000Z',
      });
      await clear();
      await put([a, b]);
      const ids = async (q: ListConversationsInput) =>
        (await store.conversations.list(ListConversationsInputSchema.parse(q))).items.map(
          (c) => c.id,
        );
      expect(await ids({ q: 'delivery' })).toEqual(['x:a']);
      expect(await ids({ tag: 'delay' })).toEqual(['x:a']);

      const moved = {
        ...a,
        excerpt: 'refund please',
        tags: ['billing'],
        lastPostAt: '2026-11-20T12:00:00.000Z',
        version: 2,
      };
      await put([moved]);
      expect(await ids({ q: 'delivery' })).toEqual([]);
      expect(await ids({ q: 'refund' })).toEqual(['x:a']);
      expect(await ids({ tag: 'delay' })).toEqual([]);
      expect(await ids({})).toEqual(['x:a', 'x:b']);
      expect(await store.conversations.get('x:a')).toEqual(moved);
      expect(await store.conversations.tagCounts()).toEqual(new Map([['billing', 1]]));

      await store.commit([], [{ kind: 'conversations.remove', ids: ['x:a'] }]);
      expect(await ids({})).toEqual(['x:b']);
      expect(await ids({ q: 'refund' })).toEqual([]);
      expect(await store.conversations.tagCounts()).toEqual(new Map());
      expect(await store.conversations.get('x:a')).toBeUndefined();
    });

    it('pages one status newest first, alone or with a filter of few values, as the in-memory queue does', async () => {
      const arbStatusQuery = fc.record(
        {
          status: fc.constantFrom('new' as const, 'open' as const, 'done' as const),
          platform: fc.constantFrom('x' as const, 'facebook' as const),
          language: fc.constantFrom('fr', 'en'),
          q: fc.constantFrom('ok', 'late', 'é'),
          limit: fc.integer({ min: 1, max: 3 }),
        },
        { requiredKeys: ['status', 'limit'] },
      );
      await fc.assert(
        fc.asyncProperty(
          fc
            .uniqueArray(fc.nat(999), { minLength: 40, maxLength: 80 })
            .chain((ids) => fc.tuple(...ids.map((id) => arbConversation(id)))),
          fc.array(arbStatusQuery, { minLength: 3, maxLength: 6 }),
          async (conversations, queries) => {
            await clear();
            await put(conversations);
            for (const query of queries) {
              const input = { ...query, sort: 'newest' as const };
              const memory = await walk(
                async (q) =>
                  queryConversations(conversations, ListConversationsInputSchema.parse(q)),
                input,
              );
              const sql = await walk(
                (q) => store.conversations.list(ListConversationsInputSchema.parse(q)),
                input,
              );
              expect(sql).toEqual(memory);
            }
          },
        ),
        { numRuns: 25 },
      );
    });

    it("pages a tag newest first after its conversations' last posts moved, with other filters", async () => {
      const at = (hour: number) => new Date(Date.UTC(2026, 10, 20, hour)).toISOString();
      const tagged = ['a', 'b', 'c', 'd'].map((id, i) =>
        conversation({
          id: `x:${id}`,
          tags: ['vip'],
          status: id === 'c' ? 'done' : 'new',
          lastPostAt: at(10 + i),
        }),
      );
      await clear();
      await put([...tagged, conversation({ id: 'x:e', lastPostAt: at(20) })]);
      const pages = async (q: ListConversationsInput) =>
        (await walk((p) => store.conversations.list(ListConversationsInputSchema.parse(p)), q))
          .pages;
      expect(await pages({ tag: 'vip', limit: 1 })).toEqual([['x:d'], ['x:c'], ['x:b'], ['x:a']]);
      // The oldest is answered again, and b's last post comes to the same time as d's.
      await put([
        { ...tagged[0]!, lastPostAt: at(15), version: 2 },
        { ...tagged[1]!, lastPostAt: at(13), version: 2 },
      ]);
      expect(await pages({ tag: 'vip', limit: 1 })).toEqual([['x:a'], ['x:d'], ['x:b'], ['x:c']]);
      expect(await pages({ tag: 'vip', status: 'new', limit: 2 })).toEqual([
        ['x:a', 'x:d'],
        ['x:b'],
      ]);
      const first = await store.conversations.list(
        ListConversationsInputSchema.parse({ tag: 'vip', status: 'new', limit: 2 }),
      );
      expect(first.total).toBe(3);
    });

    it('lists and counts every conversation still to handle (new, open, pending) as `active`', async () => {
      await clear();
      const statuses = ['new', 'new', 'new', 'open', 'pending', 'done', 'spam', 'done'] as const;
      const conversations = statuses.map((status, i) =>
        conversation({
          id: `x:active-${i}`,
          status,
          assignee: i % 2 === 0 ? null : 'rita',
          lastPostAt: new Date(Date.UTC(2026, 10, 20, 10, i)).toISOString(),
        }),
      );
      await put(conversations);
      const list = (input: ListConversationsInput) =>
        store.conversations.list(ListConversationsInputSchema.parse(input));
      const active = await list({ status: 'active' });
      expect(active.total).toBe(5);
      expect(active.items.map((c) => c.id)).toEqual([
        'x:active-4',
        'x:active-3',
        'x:active-2',
        'x:active-1',
        'x:active-0',
      ]);
      // The count comes from the kept counts, with other counted filters too.
      expect((await list({ status: 'active', assignee: 'unassigned' })).total).toBe(3);
      expect((await list({ status: 'new' })).total).toBe(3);
      // One moved to done leaves the group at once.
      await put([{ ...conversations[3]!, status: 'done', version: 2 }]);
      expect((await list({ status: 'active' })).total).toBe(4);
      expect(() => ListConversationsInputSchema.parse({ status: 'all' })).toThrow();
    });

    it('lists each tone newest first, follows a tone that changed, and counts it with other filters', async () => {
      await clear();
      const tones = ['negative', 'positive', null, 'negative', undefined, 'neutral'] as const;
      const conversations = tones.map((sentiment, i) =>
        conversation({
          id: `x:tone-${i}`,
          status: i === 3 ? 'done' : 'new',
          lastPostAt: new Date(Date.UTC(2026, 10, 20, 10, i)).toISOString(),
          ...(sentiment === undefined ? {} : { sentiment }),
        }),
      );
      await put(conversations);
      const list = async (input: ListConversationsInput) => {
        const page = await store.conversations.list(ListConversationsInputSchema.parse(input));
        return { total: page.total, ids: page.items.map((c) => c.id) };
      };
      expect(await list({ sentiment: 'negative' })).toEqual({
        total: 2,
        ids: ['x:tone-3', 'x:tone-0'],
      });
      expect(await list({ sentiment: 'negative', status: 'active' })).toEqual({
        total: 1,
        ids: ['x:tone-0'],
      });
      expect(await list({ sentiment: 'neutral', sort: 'oldest' })).toEqual({
        total: 1,
        ids: ['x:tone-5'],
      });
      // The tone of a newer post replaces the conversation's, and no tone leaves every list.
      await put([
        { ...conversations[0]!, sentiment: 'positive', version: 2 },
        { ...conversations[3]!, sentiment: null, version: 2 },
      ]);
      expect(await list({ sentiment: 'negative' })).toEqual({ total: 0, ids: [] });
      expect(await list({ sentiment: 'positive' })).toEqual({
        total: 2,
        ids: ['x:tone-1', 'x:tone-0'],
      });
      expect((await store.conversations.get('x:tone-3'))?.sentiment).toBeNull();
    });

    it('searches past NUL, which no engine can look for, instead of failing', async () => {
      const list = (q: string) =>
        store.conversations.list(ListConversationsInputSchema.parse({ q }));
      await put([
        conversation({ id: 'x:n1', excerpt: 'Where is my order?' }),
        conversation({ id: 'x:n2', excerpt: 'Ma commande est arrivée' }),
        conversation({ id: 'x:n3', excerpt: 'Wo ist meine Bestellung?' }),
      ]);
      const all = (await list('')).total;
      expect(all).toBe(3);
      expect((await list('\u0000\u0000\u0000')).total).toBe(all);
      expect((await list('\u0000order\u0000')).items.map((c) => c.id)).toEqual(['x:n1']);
    });

    it('refuses a cursor it did not make', async () => {
      const input = ListConversationsInputSchema.parse({ cursor: 'bm90IGEgY3Vyc29y' });
      await expect(store.conversations.list(input)).rejects.toBeInstanceOf(InboxError);
      const forged = Buffer.from(JSON.stringify({ k: ['1 OR 1=1'], id: 'x' })).toString(
        'base64url',
      );
      await expect(
        store.conversations.list(ListConversationsInputSchema.parse({ cursor: forged })),
      ).rejects.toMatchObject({ code: 'bad_request' });
    });

    it('walks conversations by the time of their last post, across pages', async () => {
      const many = Array.from({ length: 2500 }, (_, i) =>
        conversation({
          id: `x:${String(i).padStart(5, '0')}`,
          lastPostAt: new Date(Date.UTC(2026, 10, 1) + (i % 100) * 3600_000).toISOString(),
        }),
      );
      await clear();
      await put(many);
      const seen: string[] = [];
      for await (const c of store.conversations.lastPostedBetween(
        '2026-11-01T10:00:00.000Z',
        '2026-11-03T00:00:00.000Z',
      ))
        seen.push(c.id);
      const expected = many
        .filter(
          (c) =>
            c.lastPostAt >= '2026-11-01T10:00:00.000Z' && c.lastPostAt < '2026-11-03T00:00:00.000Z',
        )
        .sort((x, y) => x.lastPostAt.localeCompare(y.lastPostAt) || x.id.localeCompare(y.id))
        .map((c) => c.id);
      expect(seen).toEqual(expected);
      expect(seen.length).toBe(38 * 25);
      expect(await store.conversations.count()).toBe(2500);
    });
  });
});

async function allIds(store: TunableStore): Promise<string[]> {
  const ids: string[] = [];
  for await (const c of store.conversations.lastPostedBetween(
    '1970-01-01T00:00:00.000Z',
    '9999-01-01T00:00:00.000Z',
  ))
    ids.push(c.id);
  return ids;
}
