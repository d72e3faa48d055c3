import { describe, expect, it } from 'vitest';
import type { InboxEvent } from '../shared';
import { InboxError } from '../shared';
import { NO_TEST_SERVER, testServerUrl } from './store/test/pg-test-database';
import { conversation } from './test/fixtures';
import { useCleanups } from './test/inbox-harness';
import {
  commentChange,
  commentOnPage,
  connectPageToBoth,
  openReplicaPair,
} from './test/replica-pair';
import { BRAND_X } from './test/scenario';

// Two inboxes on one PostgreSQL database, as two hub replicas run them (each its own data folder
// and keychain): the settings, presence, webhooks and the duplicate-reply guard are the team's.
const server = testServerUrl();
const cleanup = useCleanups();

const pair = (presenceTtlMs?: number) => openReplicaPair(server!, cleanup, presenceTtlMs);

describe.skipIf(server == null)(
  `Two inboxes on one PostgreSQL database${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('applies a rule saved through one to the posts the other syncs', async () => {
      const { a, b } = await pair();
      // The other replica holds the account's credentials and syncs it.
      const x = await b.connectAccount({ platform: 'x', token: BRAND_X.token });
      await expect
        .poll(async () => (await a.listAccounts()).map((acc) => acc.id), { timeout: 1000 })
        .toEqual([x.id]);
      await a.saveRule({
        name: 'Everything on X is tagged',
        conditions: { platforms: ['x'] },
        actions: { addTags: ['via-a'] },
      });
      const saved = performance.now();
      await expect.poll(async () => (await b.listRules()).length, { timeout: 1000 }).toBe(1);
      expect(performance.now() - saved).toBeLessThan(1000);
      await b.syncAccountOnce(x.id);
      const page = await a.listConversations({ platform: 'x', limit: 100 });
      expect(page.total).toBeGreaterThan(0);
      for (const c of page.items) expect(c.tags).toContain('via-a');
      // The tag the rule applied is in the one registry, seen by both.
      expect((await a.listTags()).map((t) => t.name)).toContain('via-a');
    });

    it('handles a webhook delivery that reaches both replicas once', async () => {
      const replicas = await pair();
      const { a, b, emulator, storeB } = replicas;
      await connectPageToBoth(replicas);
      const { postId, commentId } = await commentOnPage(emulator, 'Ist das Café am Sonntag offen?');
      const payload = commentChange('add', commentId, postId, 1_780_000_000);
      const outcomes = await Promise.all([
        a.receiveFacebookWebhook(payload),
        b.receiveFacebookWebhook(payload),
      ]);
      expect(outcomes.map((o) => o.ingested).sort()).toEqual([0, 1]);
      expect(outcomes.map((o) => o.ignored).sort()).toEqual([0, 1]);
      // Sent again later (Facebook did not hear the answer in time): nothing more is done.
      expect((await a.receiveFacebookWebhook(payload)).ingested).toBe(0);
      const stored = await storeB.pool.query('SELECT id FROM posts WHERE id = $1', [
        `facebook:${commentId}`,
      ]);
      expect(stored.rowCount).toBe(1);
    });

    it('lists the whole team’s presence, and lets a dead replica’s run out', async () => {
      const { a, b, storeA } = await pair(1000);
      const seeded = conversation({ id: 'x:presence' });
      await storeA.commit([], [{ kind: 'conversations.put', conversations: [seeded] }]);
      const agent = { id: 'agent:eva', name: 'Eva', role: 'agent' as const, languages: [] };
      await a.reportPresence(
        { conversationId: seeded.id, activity: 'viewing' },
        { agent, client: 'test' },
      );
      expect(await b.listPresence()).toEqual([
        expect.objectContaining({ agentId: agent.id, conversationId: seeded.id }),
      ]);
      const events: InboxEvent[] = [];
      b.onEvent((e) => events.push(e));
      // A dies: its connections go, nothing is cleaned up, it reports nothing more.
      await storeA.pool.end();
      await storeA.events.close();
      const died = performance.now();
      await expect
        .poll(
          () =>
            events.find(
              (e) => e.type === 'presence' && e.agentId === agent.id && e.activity === 'idle',
            ),
          { timeout: 5000, interval: 50 },
        )
        .toBeDefined();
      // Within its time to live (1 s) and one look of the other replica (a quarter of it).
      expect(performance.now() - died).toBeLessThan(2500);
      expect(await b.listPresence()).toEqual([]);
    });

    it('counts the whole team’s public replies of the day in the duplicate-reply guard', async () => {
      const { a, b } = await pair();
      const x = await a.connectAccount({ platform: 'x', token: BRAND_X.token });
      await b.connectAccount({ platform: 'x', token: BRAND_X.token });
      await a.syncAccountOnce(x.id);
      const { items } = await a.listConversations({ platform: 'x', limit: 4 });
      expect(items).toHaveLength(4);
      const text = 'Nous sommes désolés pour ce retard, un conseiller vous écrit en privé.';
      // The same words to each (X refuses the very same text twice): a mention apart.
      for (const [i, c] of items.slice(0, 3).entries())
        await a.sendReply({
          conversationId: c.id,
          replyTo: c.rootPostId,
          kind: 'public',
          text: `@client${i} ${text}`,
        });
      const fourth = items[3]!;
      const refused = await b
        .sendReply({
          conversationId: fourth.id,
          replyTo: fourth.rootPostId,
          kind: 'public',
          text: `@client3 ${text}`,
        })
        .catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(InboxError);
      expect((refused as InboxError).details).toMatchObject({ reason: 'repeat', repeats: 3 });
    });

    it('lets no more than the limit of one public reply through when both send it at once', async () => {
      const { a, b, storeB } = await pair();
      const x = await a.connectAccount({ platform: 'x', token: BRAND_X.token });
      await b.connectAccount({ platform: 'x', token: BRAND_X.token });
      await a.syncAccountOnce(x.id);
      const { items } = await a.listConversations({ platform: 'x', limit: 6 });
      expect(items).toHaveLength(6);
      const text = 'We are sorry for the wait: an adviser writes to you privately.';
      // Six at once, three through each replica: each count reads before any of them is queued
      // unless the count and the queueing are one step.
      const tries = await Promise.allSettled(
        items.map((c, i) =>
          (i % 2 === 0 ? a : b).sendReply({
            conversationId: c.id,
            replyTo: c.rootPostId,
            kind: 'public',
            text: `@client${i} ${text}`,
          }),
        ),
      );
      const queued = tries.filter((t) => t.status === 'fulfilled');
      const refused = tries.flatMap((t) => (t.status === 'rejected' ? [t.reason] : []));
      expect(queued).toHaveLength(3);
      expect(refused).toHaveLength(3);
      for (const err of refused) {
        expect(err).toBeInstanceOf(InboxError);
        expect((err as InboxError).details).toMatchObject({ reason: 'repeat', repeats: 3 });
      }
      expect(await storeB.outbox.all()).toHaveLength(3);
    });
  },
);
