import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post } from '../../shared';
import { author, conversation, post } from '../test/fixtures';
import { ManualClock } from '../time/clock';
import { factsOf, headOf } from './port';
import { FACTS_BATCH } from './sql/sql-records';
import { STORE_ENGINES, engineTitle } from './test/store-engines';
import type { EngineStore, TunableStore } from './test/store-engines';

/** The brand's account, the author of its replies. */
const BRAND = author({ id: 'brand', handle: 'cafe_aurore', name: 'Café Aurore' });

/**
 * A customer post (negative, in French), an agent's private reply, a reply from another app (in
 * English), at the same instant.
 */
function thread(n: number, at = '2026-11-20T10:00:00.000Z'): Post[] {
  const conversationId = `x:${n}`;
  return [
    post({ externalId: `${n}`, conversationId, createdAt: at, sentiment: 'negative' }),
    post({
      externalId: `${n}.2`,
      conversationId,
      createdAt: '2026-11-20T10:05:00.000Z',
      direction: 'outbound',
      sentBy: 'jan',
      private: true,
      author: BRAND,
    }),
    post({
      externalId: `${n}.1`,
      conversationId,
      createdAt: '2026-11-20T10:05:00.000Z',
      direction: 'outbound',
      author: BRAND,
      outside: true,
      sourceApp: { name: 'Hootsuite', id: null, link: null },
      language: 'en',
    }),
  ];
}

// What reports read of the store, the same against every engine, each test in a place of its own.
describe.each(STORE_ENGINES)('report facts on $name', (engine) => {
  describe.skipIf(engine.skipped != null)(engineTitle(engine), () => {
    let opened: EngineStore;
    let store: TunableStore;
    beforeEach(async () => {
      opened = await engine.open(new ManualClock(Date.UTC(2026, 10, 20, 9)));
      store = opened.store;
    });
    afterEach(() => opened.dispose());

    it('gives what reports count of each post, by conversation, oldest first, the same instant by id', async () => {
      const posts = [...thread(1), ...thread(2, '2026-11-20T10:05:00.000Z')];
      await store.commit([], [{ kind: 'posts.add', posts }]);
      const facts = await store.posts.factsOf(['x:2', 'x:1', 'x:1', 'x:none']);
      expect([...facts.keys()].sort()).toEqual(['x:1', 'x:2']);
      expect(facts.get('x:1')).toEqual([
        factsOf(posts[0]!),
        factsOf(posts[2]!),
        factsOf(posts[1]!),
      ]);
      // A customer post's tone and each post's language come with the facts.
      expect(facts.get('x:1')!.map((p) => [p.sentiment, p.language])).toEqual([
        ['negative', 'fr'],
        [null, 'en'],
        [null, 'fr'],
      ]);
      expect(facts.get('x:2')!.map((p) => p.id)).toEqual(
        (await store.posts.ofConversation('x:2')).map((p) => p.id),
      );
      await store.commit(
        [],
        [
          {
            kind: 'posts.replace',
            posts: [{ ...posts[2]!, conversationId: 'x:2', outside: false }],
          },
        ],
      );
      expect((await store.posts.factsOf(['x:1'])).get('x:1')!.map((p) => p.id)).toEqual([
        'x:1',
        'x:1.2',
      ]);
      expect((await store.posts.factsOf(['x:2'])).get('x:2')).toContainEqual({
        ...factsOf(posts[2]!),
        conversationId: 'x:2',
        outside: false,
      });
    });

    it('reads the post facts of a long list of conversations, each whole', async () => {
      const n = FACTS_BATCH * 2 + 7;
      const posts = Array.from({ length: n }, (_, i) => thread(i)).flat();
      await store.commit([], [{ kind: 'posts.add', posts }]);
      const facts = await store.posts.factsOf(Array.from({ length: n }, (_, i) => `x:${i}`));
      expect(facts.size).toBe(n);
      for (const [id, list] of facts)
        expect(list.map((p) => p.conversationId)).toEqual([id, id, id]);
    });

    it('gives conversation heads by arrival and by last post, a page at a time', async () => {
      const at = (m: number) => new Date(Date.UTC(2026, 10, 20, 10, m)).toISOString();
      const list = Array.from({ length: 2_500 }, (_, i) =>
        conversation({
          id: `x:${i % 2 === 0 ? i : 5000 - i}`,
          platform: i % 3 === 0 ? 'facebook' : 'x',
          language: i % 5 === 0 ? null : 'fr',
          // Two at each minute, so that pages end between conversations of the same instant.
          createdAt: at(Math.floor(i / 2)),
          lastPostAt: at(3000 - Math.floor(i / 2)),
          // Some answered by a public statement: who published it and when, from the columns.
          ...(i % 7 === 0
            ? {
                statement: {
                  postId: `x:s${i % 3}`,
                  permalink: `https://x.com/CafeAurore/status/s${i % 3}`,
                  by: i % 2 === 0 ? 'rita' : 'jan',
                  at: at(Math.floor(i / 2) + 30),
                },
              }
            : {}),
        }),
      );
      await store.commit([], [{ kind: 'conversations.put', conversations: list }]);
      const pages: number[] = [];
      const heads = [];
      for await (const page of store.conversations.headsCreatedBetween(at(100), at(1200))) {
        pages.push(page.length);
        heads.push(...page);
      }
      const inRange = list
        .filter((c) => c.createdAt >= at(100) && c.createdAt < at(1200))
        .sort((a, b) =>
          a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
        );
      expect(pages).toEqual([1000, 1000, 200]);
      expect(heads).toEqual(inRange.map(headOf));
      expect(heads.filter((h) => h.statement != null).length).toBe(
        inRange.filter((c) => c.statement != null).length,
      );
      const last = [];
      for await (const page of store.conversations.headsLastPostedBetween(at(2900), at(9999)))
        last.push(...page.map((h) => new Date(h.lastPostMs).toISOString()));
      expect(last).toHaveLength(202);
      expect(last).toEqual([...last].sort());
      expect(last[0]).toBe(at(2900));
      expect(await store.conversations.count()).toBe(2500);
    });
  });
});
