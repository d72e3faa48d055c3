import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditFact } from '../../shared';
import { replyFact } from '../audit/audit-facts';
import type { OutboxItem } from '../outbox/outbox-item';
import { ManualClock, isoOf } from '../time/clock';
import { STORE_ENGINES, engineTitle } from './test/store-engines';
import type { EngineStore, TunableStore } from './test/store-engines';

const START = Date.UTC(2026, 10, 20, 9);

function reply(key: string, at: string, translated: boolean): OutboxItem {
  return {
    key,
    platform: 'x',
    accountId: 'x:brand',
    conversationId: 'x:1',
    replyTo: 'x:1',
    kind: 'public',
    text: translated ? 'Bedankt voor je bericht!' : 'Merci pour votre message !',
    agentId: 'rita',
    client: 'browser',
    ...(translated
      ? {
          translation: {
            draft: 'Merci pour votre message !',
            draftLanguage: 'fr' as const,
            language: 'nl' as const,
            provider: 'deepl' as const,
            edited: false,
          },
        }
      : {}),
    state: 'pending',
    externalId: null,
    error: null,
    createdAt: at,
    updatedAt: at,
  };
}

// Replies sent translated, the same against every engine: kept with both texts, marked, counted.
describe.each(STORE_ENGINES)('translated replies on $name', (engine) => {
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

    it('keeps a translated reply with its draft and languages, marks it, and lists it by range in every state', async () => {
      const early = reply('k1', '2026-11-20T09:00:00.000Z', true);
      const plain = reply('k2', '2026-11-20T10:00:00.000Z', false);
      const late = reply('k3', '2026-11-21T09:00:00.000Z', true);
      const facts: AuditFact[] = [replyFact(early, 'reply.queued')];
      await store.commit(facts, [{ kind: 'outbox.put', items: [early, plain, late] }]);
      clock.advance(1000);
      const sent = { ...early, state: 'sent' as const, externalId: '777', updatedAt: isoOf(clock) };
      await store.commit([replyFact(sent, 'reply.sent')], [{ kind: 'outbox.put', items: [sent] }]);

      expect(await store.outbox.get('k1')).toEqual(sent);
      expect(await store.outbox.get('k2')).toEqual(plain);
      expect(
        await store.outbox.translated('2026-11-20T00:00:00.000Z', '2026-11-21T00:00:00.000Z'),
      ).toEqual([sent]);
      expect(
        (await store.outbox.translated('2026-11-20T00:00:00.000Z', '2026-11-22T00:00:00.000Z')).map(
          (i) => i.key,
        ),
      ).toEqual(['k1', 'k3']);
      expect(
        await store.outbox.translated('2026-11-22T00:00:00.000Z', '2026-11-23T00:00:00.000Z'),
      ).toEqual([]);

      // Both texts are in the audit trail, queued and sent, and the entries say it was translated.
      const entries = await store.audit.ofConversation('x:1');
      expect(entries.map((e) => e.action)).toEqual(['reply.queued', 'reply.sent']);
      for (const entry of entries)
        expect(entry.details).toMatchObject({
          text: 'Bedankt voor je bericht!',
          translated: true,
          language: 'nl',
          draft: 'Merci pour votre message !',
          draftLanguage: 'fr',
          provider: 'deepl',
        });

      // The mark is kept across a reopen, and a reply queued plain stays unmarked when it changes.
      store = await opened.reopen();
      await store.commit([], [{ kind: 'outbox.put', items: [{ ...plain, state: 'failed' }] }]);
      expect(
        (await store.outbox.translated('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).map(
          (i) => i.key,
        ),
      ).toEqual(['k1', 'k3']);
    });

    it('sets the mark from the reply itself each time the reply is written', async () => {
      const old = reply('k9', '2026-11-20T09:00:00.000Z', true);
      await store.commit([], [{ kind: 'outbox.put', items: [old] }]);
      // The mark follows the reply's body, not what the row held before.
      await opened.raw('UPDATE outbox SET translated = ? WHERE key = ?', 0, 'k9');
      expect(
        await store.outbox.translated('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
      ).toEqual([]);
      await store.commit([], [{ kind: 'outbox.put', items: [old] }]);
      expect(
        (await store.outbox.translated('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).map(
          (i) => i.key,
        ),
      ).toEqual(['k9']);
    });
  });
});
