import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationPageSchema, ListConversationsInputSchema } from '../../shared';
import type { ConversationPage } from '../../shared';
import { conversation } from '../test/fixtures';
import { clockStartingAt } from '../time/clock';
import { arbConversation, arbQuery } from './test/list-arbitraries';
import { STORE_ENGINES, engineTitle } from './test/store-engines';
import type { EngineStore, TunableStore } from './test/store-engines';

const clock = clockStartingAt(Date.UTC(2026, 10, 20));

// A host answers a list with the page's JSON text as the store makes it (`listJson`): on every
// engine it must be the text of the page `list` gives, as the contract's schema writes it,
// page after page.
describe.each(STORE_ENGINES)('lists as JSON text on $name', (engine) => {
  describe.skipIf(engine.skipped != null)(engineTitle(engine), () => {
    let opened: EngineStore;
    let store: TunableStore;
    beforeEach(async () => {
      opened = await engine.open(clock);
      store = opened.store;
    });
    afterEach(() => opened.dispose());

    it('answers each page of every filter, sort and search as the contract writes the page', async () => {
      const { conversations } = store;
      if (!conversations.listJson) throw new Error('the engine makes no JSON text of its lists');
      const listJson = conversations.listJson.bind(conversations);
      await fc.assert(
        fc.asyncProperty(
          fc
            .array(fc.nat(), { minLength: 1, maxLength: 25 })
            .chain((ns) =>
              fc.tuple(
                fc.tuple(...ns.map((_, i) => arbConversation(i))),
                fc.array(arbQuery, { minLength: 1, maxLength: 4 }),
              ),
            ),
          async ([drawn, queries]) => {
            await store.commit([], [{ kind: 'conversations.put', conversations: drawn }]);
            try {
              for (const input of queries) {
                let cursor: string | undefined;
                for (let i = 0; i < 30; i++) {
                  const query = ListConversationsInputSchema.parse({
                    ...input,
                    ...(cursor ? { cursor } : {}),
                  });
                  const text = await listJson(query);
                  const page: ConversationPage = await conversations.list(query);
                  expect(JSON.parse(text)).toEqual(
                    JSON.parse(JSON.stringify(ConversationPageSchema.parse(page))),
                  );
                  cursor = page.nextCursor ?? undefined;
                  if (cursor == null) break;
                }
              }
            } finally {
              await store.commit(
                [],
                [{ kind: 'conversations.remove', ids: drawn.map((c) => c.id) }],
              );
            }
          },
        ),
        { numRuns: 12 },
      );
    });

    it('leaves out of the text a field a stored conversation has that the contract does not', async () => {
      const loose = { ...conversation({ id: 'x:1' }), internalNote: 'not for clients' };
      await store.commit([], [{ kind: 'conversations.put', conversations: [loose] }]);
      const text = await store.conversations.listJson!(ListConversationsInputSchema.parse({}));
      const page = JSON.parse(text) as ConversationPage;
      expect(page.items.map((c) => c.id)).toEqual(['x:1']);
      expect(page.items[0]).not.toHaveProperty('internalNote');
      expect(text).not.toContain('not for clients');
    });
  });
});
