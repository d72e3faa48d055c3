import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditFact, SyncGap } from '../../shared';
import { hashOf } from '../audit/audit-chain';
import { conversation, post, tempDir } from '../test/fixtures';
import { ManualClock, dateOf, isoOf } from '../time/clock';
import { SqliteStore } from './sql/sqlite-store';
import { STORE_ENGINES, engineTitle } from './test/store-engines';
import type { EngineStore, TunableStore } from './test/store-engines';

const START = Date.UTC(2026, 10, 20, 9);

const fact = (
  conversationId: string | null,
  action: AuditFact['action'] = 'conversation.status',
): AuditFact => ({
  actor: 'rita',
  client: 'browser',
  action,
  conversationId,
  details: { note: 'é ✓', quote: '"\\\u0001', n: 1.5 },
});

function gap(accountId: string, since: string, until: string, missing = 10): SyncGap {
  return {
    id: `${accountId}:mentions:${since}`,
    accountId,
    stream: 'mentions',
    since,
    until,
    missing,
    reason: 'beyond-search',
    recordedAt: '2026-11-20T09:00:00.000Z',
  };
}

// The storage port's cases, the same against every engine, each test in a place of its own.
describe.each(STORE_ENGINES)('the storage port on $name', (engine) => {
  describe.skipIf(engine.skipped != null)(engineTitle(engine), () => {
    let opened: EngineStore;
    let store: TunableStore;
    let clock: ManualClock;
    beforeEach(async () => {
      clock = new ManualClock(START);
      opened = await engine.open(clock);
      store = opened.store;
    });
    afterEach(() => opened.dispose());

    it('makes a change and its audit entries durable together, chained byte for byte as the embedded store chains them', async () => {
      const c = conversation({ id: 'x:1' });
      const [first] = await store.commit(
        [fact('x:1')],
        [{ kind: 'conversations.put', conversations: [c] }],
      );
      clock.advance(1000);
      const [second, third] = await store.commit([fact('x:1'), fact(null, 'rule.changed')], []);
      expect(first).toMatchObject({ seq: 1, prev: '0'.repeat(64), at: '2026-11-20T09:00:00.000Z' });
      expect(second).toMatchObject({ seq: 2, prev: first!.hash, at: '2026-11-20T09:00:01.000Z' });
      expect(third).toMatchObject({ seq: 3, prev: second!.hash });
      expect(await store.audit.ofConversation('x:1')).toEqual([first, second]);
      expect(hashOf(second!)).toBe(second!.hash);

      // The same facts at the same times on the embedded store: the same entries, hashes and all.
      const { dir, cleanup } = await tempDir();
      const referenceClock = new ManualClock(START);
      const reference = SqliteStore.open(dir, { clock: referenceClock });
      try {
        const mine = await reference.commit([fact('x:1')], []);
        referenceClock.advance(1000);
        mine.push(...(await reference.commit([fact('x:1'), fact(null, 'rule.changed')], [])));
        expect([first, second, third]).toEqual(mine);
      } finally {
        await reference.close();
        await cleanup();
      }

      // Opened again, the same chain goes on.
      store = await opened.reopen();
      expect(await store.conversations.get('x:1')).toEqual(c);
      const [fourth] = await store.commit([fact(null, 'rule.changed')], []);
      expect(fourth).toMatchObject({ seq: 4, prev: third!.hash });
      expect(await store.audit.verify(dateOf(clock))).toMatchObject({ intact: true, entries: 4 });
      const between = [];
      for await (const e of store.audit.between(
        '2026-11-20T09:00:01.000Z',
        '2026-11-21T00:00:00.000Z',
      ))
        between.push(e.seq);
      expect(between).toEqual([2, 3, 4]);
    });

    it('changes a conversation from its state in the commit, at the version it was made for, or refuses it', async () => {
      const c = conversation({ id: 'x:1', status: 'new', version: 3, tags: ['a'] });
      await store.commit([], [{ kind: 'conversations.put', conversations: [c] }]);
      const seen: string[] = [];
      const [entry] = await store.commit(
        () => [{ ...fact('x:1'), details: { seen: seen.join() } }],
        [
          {
            kind: 'conversations.change',
            id: 'x:1',
            version: 3,
            change: (current) => {
              seen.push(`${current.status}@${current.version}`);
              return { ...current, status: 'open', tags: ['b'], version: current.version + 1 };
            },
          },
        ],
      );
      // The facts are read after the change, which was given the stored state.
      expect(entry?.details).toEqual({ seen: 'new@3' });
      const changed = { ...c, status: 'open' as const, tags: ['b'], version: 4 };
      expect(await store.conversations.get('x:1')).toEqual(changed);
      expect(
        (await store.conversations.list({ sort: 'newest', limit: 50, tag: 'b' })).items,
      ).toEqual([changed]);
      expect(
        (await store.conversations.list({ sort: 'newest', limit: 50, status: 'new' })).total,
      ).toBe(0);

      const again = (version: number, id = 'x:1') =>
        store.commit(
          [fact(id)],
          [
            {
              kind: 'conversations.change',
              id,
              version,
              change: (current) => ({ ...current, status: 'done', version: current.version + 1 }),
            },
          ],
        );
      await expect(again(3)).rejects.toMatchObject({
        code: 'conflict',
        details: { current: changed },
      });
      await expect(again(1, 'x:2')).rejects.toMatchObject({ code: 'not_found' });
      // Refused: nothing of it was kept.
      expect(await store.conversations.get('x:1')).toEqual(changed);
      expect(await store.audit.headSeq()).toBe(1);
    });

    it('rolls the whole change back when any part of it fails', async () => {
      await store.commit(
        [fact('x:1')],
        [{ kind: 'conversations.put', conversations: [conversation({ id: 'x:1' })] }],
      );
      const failing = store.commit(() => {
        throw new Error('facts could not be made');
      }, [
        { kind: 'conversations.put', conversations: [conversation({ id: 'x:1', status: 'done' })] },
        {
          kind: 'notes.add',
          note: {
            id: 'n1',
            conversationId: 'x:1',
            author: 'rita',
            text: 'hi',
            mentions: [],
            createdAt: isoOf(clock),
          },
        },
      ]);
      await expect(failing).rejects.toThrow('facts could not be made');
      expect((await store.conversations.get('x:1'))?.status).toBe('new');
      expect(await store.notes.ofConversation('x:1')).toEqual([]);
      expect(await store.audit.headSeq()).toBe(1);
      expect(await store.conversations.count()).toBe(1);
      const [next] = await store.commit([fact('x:1')], []);
      expect(next?.seq).toBe(2);
    });

    it('keeps commits made at once in one chain: in the order they were asked for, where one writer commits', async () => {
      const all = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.commit([fact(`x:${i}`)], [])),
      );
      const numbers = all.map(([e]) => e!.seq);
      const inOrder = Array.from({ length: 20 }, (_, i) => i + 1);
      // Each commit answers its own entry, whichever turn it had.
      expect(all.map(([e]) => e!.conversationId)).toEqual(inOrder.map((n) => `x:${n - 1}`));
      if (store.concurrentChanges == null) expect(numbers).toEqual(inOrder);
      // Where changes of different conversations run at once (PostgreSQL), commits made at once
      // take the turns the server gives them (a change that follows another is asked once that
      // one resolved: the change queue), each its own number.
      else expect([...numbers].sort((a, b) => a - b)).toEqual(inOrder);
      await store.durable();
      expect(await store.audit.verify(dateOf(clock))).toMatchObject({ intact: true, entries: 20 });
    });

    it('verify names an entry changed after it was written, and entries removed from the end', async () => {
      for (let i = 0; i < 5; i++) await store.commit([fact(`x:${i}`)], []);
      expect(await store.audit.verify(dateOf(clock))).toMatchObject({ intact: true, entries: 5 });
      await opened.raw(
        "UPDATE audit SET canonical = replace(canonical, 'rita', 'sam') WHERE seq = 3",
      );
      expect(await store.audit.verify(dateOf(clock))).toMatchObject({
        intact: false,
        brokenAt: 3,
        reason: expect.stringContaining('changed after it was written'),
      });
      await opened.raw(
        "UPDATE audit SET canonical = replace(canonical, 'sam', 'rita') WHERE seq = 3",
      );
      await opened.raw('DELETE FROM audit WHERE seq >= 4');
      expect(await store.audit.verify(dateOf(clock))).toMatchObject({
        intact: false,
        entries: 3,
        reason: expect.stringContaining('entries were removed from its end'),
      });
    });

    it('keeps posts once by id, moves them on replace, and finds them by conversation and date', async () => {
      const a = post({ externalId: '1', createdAt: '2026-11-20T10:00:00.000Z' });
      const b = post({
        externalId: '2',
        conversationId: 'x:1',
        createdAt: '2026-11-20T09:00:00.000Z',
      });
      await store.commit([], [{ kind: 'posts.add', posts: [a, b] }]);
      await store.commit([], [{ kind: 'posts.add', posts: [{ ...a, text: 'changed?' }] }]);
      expect((await store.posts.get('x:1'))?.text).toBe(a.text);
      expect((await store.posts.ofConversation('x:1')).map((p) => p.id)).toEqual(['x:2', 'x:1']);
      await store.commit(
        [],
        [{ kind: 'posts.replace', posts: [{ ...b, conversationId: 'x:9', hidden: true }] }],
      );
      expect((await store.posts.ofConversation('x:9')).map((p) => [p.id, p.hidden])).toEqual([
        ['x:2', true],
      ]);
      const seen: string[] = [];
      for await (const p of store.posts.createdBetween(
        '2026-11-20T09:30:00.000Z',
        '2026-11-21T00:00:00.000Z',
      ))
        seen.push(p.id);
      expect(seen).toEqual(['x:1']);
      // A root stored before the post it answers is found by that post.
      const root = post({ externalId: '7', conversationId: 'x:7', inReplyTo: 'x:6' });
      await store.commit([], [{ kind: 'posts.add', posts: [root] }]);
      expect(await store.posts.waitingFor(['x:6', 'x:5'])).toEqual(new Map([['x:6', ['x:7']]]));
      await store.commit([], [{ kind: 'posts.forget-account', accountId: a.accountId }]);
      expect(await store.posts.getMany(['x:1', 'x:2'])).toEqual([]);
    });

    it('keeps notes, outbox items with every state they went through, and cursors', async () => {
      const note = {
        id: 'n1',
        conversationId: 'x:1',
        author: 'rita',
        text: '@Sam look',
        mentions: ['sam'],
        createdAt: isoOf(clock),
      };
      const item = {
        key: 'k1',
        platform: 'x' as const,
        accountId: 'x:brand',
        conversationId: 'x:1',
        replyTo: 'x:1',
        kind: 'public' as const,
        text: 'Sorry!',
        agentId: 'rita',
        client: 'browser',
        state: 'pending' as const,
        externalId: null,
        error: null,
        createdAt: isoOf(clock),
        updatedAt: isoOf(clock),
      };
      await store.commit(
        [],
        [
          { kind: 'notes.add', note },
          { kind: 'outbox.put', items: [item] },
          { kind: 'cursors.set', accountId: 'x:brand', cursors: { mentions: '100', search: '90' } },
        ],
      );
      await store.commit(
        [],
        [
          { kind: 'outbox.put', items: [{ ...item, state: 'sent', externalId: '555' }] },
          { kind: 'cursors.set', accountId: 'x:brand', cursors: { mentions: '120', search: null } },
        ],
      );
      expect(await store.notes.ofConversation('x:1')).toEqual([note]);
      expect(await store.outbox.all()).toEqual([{ ...item, state: 'sent', externalId: '555' }]);
      expect(await store.outbox.get('k1')).toMatchObject({ state: 'sent' });
      expect(await store.outbox.statesOf('k1')).toEqual(['pending', 'sent']);
      expect(await store.cursors.ofAccount('x:brand')).toEqual({ mentions: '120' });
      expect(await store.cursors.get('x:brand', 'search')).toBeNull();
      await store.commit([], [{ kind: 'cursors.forget-account', accountId: 'x:brand' }]);
      expect(await store.cursors.ofAccount('x:brand')).toEqual({});
    });

    it('keeps gaps with the commit that records them, and reads them by account and by range', async () => {
      const first = gap('acc-x', '2026-11-01T00:00:00.000Z', '2026-11-03T00:00:00.000Z');
      const second = gap('acc-x', '2026-11-10T00:00:00.000Z', '2026-11-11T00:00:00.000Z');
      const other = gap('acc-y', '2026-11-02T00:00:00.000Z', '2026-11-02T06:00:00.000Z');
      await store.commit(
        [],
        [
          { kind: 'conversations.put', conversations: [conversation({ id: 'x:1' })] },
          { kind: 'cursors.set', accountId: 'acc-x', cursors: { mentions: '9' } },
          { kind: 'gaps.put', gaps: [first, second, other] },
        ],
      );
      // A commit that fails keeps none of its gaps.
      await expect(
        store.commit(() => {
          throw new Error('no');
        }, [{ kind: 'gaps.put', gaps: [gap('acc-z', first.since, first.until)] }]),
      ).rejects.toThrow();
      expect(await store.gaps.ofAccount('acc-z', 5)).toEqual([]);
      expect(await store.gaps.ofAccount('acc-x', 5)).toEqual([second, first]);
      expect(await store.gaps.ofAccount('acc-x', 1)).toEqual([second]);
      expect(
        await store.gaps.overlapping('2026-11-02T12:00:00.000Z', '2026-11-10T00:00:00.000Z'),
      ).toEqual([first]);
      expect(
        await store.gaps.overlapping('2026-11-02T00:00:00.000Z', '2026-11-12T00:00:00.000Z'),
      ).toEqual([first, other, second]);
      // Recorded again (same stretch, now known better): replaced.
      const better = { ...first, missing: 12 };
      await store.commit([], [{ kind: 'gaps.put', gaps: [better] }]);
      store = await opened.reopen();
      expect(await store.gaps.ofAccount('acc-x', 5)).toEqual([second, better]);
      await store.commit([], [{ kind: 'gaps.forget-account', accountId: 'acc-x' }]);
      expect(await store.gaps.ofAccount('acc-x', 5)).toEqual([]);
      expect(await store.gaps.ofAccount('acc-y', 5)).toEqual([other]);
    });

    it('keeps the settings document a commit left until its file is written', async () => {
      expect(await store.settings.pending()).toBeNull();
      await store.commit([], [{ kind: 'settings.put', text: '{"a":1}' }]);
      await store.commit([], [{ kind: 'settings.put', text: '{"a":2}' }]);
      const kept = await store.settings.pending();
      expect(kept?.text).toBe('{"a":2}');
      store = await opened.reopen();
      expect(await store.settings.pending()).toEqual(kept);
      await store.settings.settled(kept!.seq);
      expect(await store.settings.pending()).toBeNull();
    });

    it("keeps a post's translation per language, a newer one replacing it, and rolls it back with its commit", async () => {
      const translation = {
        postId: 'x:1',
        target: 'fr' as const,
        text: 'Bonjour « ✓ »',
        source: 'nl',
        provider: 'deepl' as const,
        translatedAt: '2026-11-20T10:05:00.000Z',
      };
      await store.commit([], [{ kind: 'translations.put', translation }]);
      expect(await store.translations.get('x:1', 'fr')).toEqual(translation);
      expect(await store.translations.get('x:1', 'en')).toBeUndefined();
      expect(await store.translations.get('x:2', 'fr')).toBeUndefined();

      const newer = {
        ...translation,
        text: 'Salut',
        source: null,
        provider: 'libretranslate' as const,
      };
      const english = { ...translation, target: 'en' as const, text: 'Hello' };
      await store.commit([], [{ kind: 'translations.put', translation: newer }]);
      await store.commit([], [{ kind: 'translations.put', translation: english }]);
      const failing = store.commit(() => {
        throw new Error('refused');
      }, [{ kind: 'translations.put', translation: { ...english, text: 'lost' } }]);
      await expect(failing).rejects.toThrow();
      store = await opened.reopen();
      expect(await store.translations.get('x:1', 'fr')).toEqual(newer);
      expect(await store.translations.get('x:1', 'en')).toEqual(english);
    });
  });
});
