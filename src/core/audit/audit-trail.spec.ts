import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../shared';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';
import { auditEntries } from '../test/data-folder';
import { tamperWithStore } from '../test/store-contents';

const cleanup = useCleanups();

async function setUp() {
  const { dir, service } = await inboxOnEmulator(cleanup, { service: { clientName: 'hub:test' } });
  const as = async (name: string): Promise<CallContext> => ({
    agent: (await service.createAgent({ name })).agent,
    client: name === 'Jan' ? 'desktop:jan-laptop' : 'browser',
  });
  return { dir, service, jan: await as('Jan'), lucia: await as('Lucía') };
}

const lines = (dir: string) => auditEntries(dir);

describe('the audit trail of an inbox', () => {
  it('records arrivals, triage, take-overs, replies with their text and hides, by whom and from where', async () => {
    const { dir, service, jan, lucia } = await setUp();
    const { items } = await service.listConversations({ platform: 'facebook', sort: 'oldest' });
    const target = items[0]!;
    await service.updateConversation(
      { id: target.id, version: target.version, assignee: jan.agent.id, addTags: ['refund'] },
      jan,
    );
    const detail = await service.getConversation({ id: target.id });
    const root = detail.posts[0]!;
    await service.sendReply(
      {
        conversationId: target.id,
        replyTo: root.id,
        text: 'Bonjour, nous regardons cela tout de suite.',
        takeOver: true,
      },
      lucia,
    );
    await service.replies().idle();
    await service.hidePost({ postId: root.id }, lucia);
    await service.addNote({ conversationId: target.id, text: '@Jan I answered this one' }, lucia);

    const trail = await lines(dir);
    const of = (action: string) => trail.filter((e) => e.action === action);
    expect(of('account.connected')).toHaveLength(2);
    expect(of('agent.created').map((e) => e.details.name)).toEqual(['Jan', 'Lucía']);
    const arrivals = of('post.arrived');
    expect(arrivals.length).toBeGreaterThan(0);
    expect(arrivals.every((e) => e.actor === 'system' && e.client === 'sync')).toBe(true);
    // The brand's own comments made with another app arrive flagged, with their app.
    expect(arrivals.some((e) => e.details.outside === true && e.details.app === 'Hootsuite')).toBe(
      true,
    );

    const about = trail
      .filter((e) => e.conversationId === target.id)
      .map((e) => [e.action, e.actor, e.client]);
    expect(about).toEqual(
      expect.arrayContaining([
        ['conversation.assigned', jan.agent.id, 'desktop:jan-laptop'],
        ['conversation.tagged', jan.agent.id, 'desktop:jan-laptop'],
        ['reply.queued', lucia.agent.id, 'browser'],
        ['conversation.taken-over', lucia.agent.id, 'browser'],
        ['conversation.claimed', lucia.agent.id, 'browser'],
        ['reply.sent', lucia.agent.id, 'browser'],
        ['post.hidden', lucia.agent.id, 'browser'],
        ['note.added', lucia.agent.id, 'browser'],
      ]),
    );
    expect(of('note.added')[0]?.details).toMatchObject({
      text: '@Jan I answered this one',
      mentions: [jan.agent.id],
    });
    const sent = of('reply.sent').find((e) => e.conversationId === target.id)!;
    expect(sent.details).toMatchObject({
      text: 'Bonjour, nous regardons cela tout de suite.',
      kind: 'public',
      tookOverFrom: jan.agent.id,
    });
    expect(
      of('conversation.assigned').find((e) => e.conversationId === target.id)?.details,
    ).toEqual({
      from: null,
      to: jan.agent.id,
    });

    // The conversation's timeline: its posts, and its actions in order.
    const timeline = await service.getConversation({ id: target.id });
    const actions = timeline.actions.map((a) => a.action);
    const arrived = actions.filter((a) => a === 'post.arrived').length;
    expect(arrived).toBeGreaterThan(0);
    expect(actions.slice(0, arrived).every((a) => a === 'post.arrived')).toBe(true);
    // The reply leaves while the claim is being saved: those two may come in either order.
    expect([...actions.slice(arrived)].sort()).toEqual(
      [
        'conversation.assigned',
        'conversation.tagged',
        'reply.queued',
        'conversation.taken-over',
        'conversation.claimed',
        'reply.sent',
        'post.hidden',
        'note.added',
      ].sort(),
    );
    expect(actions.indexOf('reply.queued')).toBeLessThan(actions.indexOf('reply.sent'));
    expect(actions.slice(-2)).toEqual(['post.hidden', 'note.added']);
    const seqs = timeline.actions.map((a) => a.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    expect(await service.verifyAudit()).toMatchObject({ intact: true, entries: trail.length });
  });

  it('says where the trail was tampered with', async () => {
    const { dir, service, jan } = await setUp();
    const { items } = await service.listConversations({});
    await service.updateConversation(
      { id: items[0]!.id, version: items[0]!.version, status: 'done' },
      jan,
    );
    const at = (await lines(dir)).find((e) => e.action === 'conversation.status')!.seq;
    // Someone with the file changes what the entry says.
    tamperWithStore(
      dir,
      `UPDATE audit SET canonical = replace(canonical, '"to":"done"', '"to":"spam"') WHERE seq = ${at}`,
    );
    expect(await service.verifyAudit()).toMatchObject({ intact: false, brokenAt: at });
  });

  it('records a disconnection', async () => {
    const { dir, service } = await setUp();
    await service.disconnectAccount({ accountId: (await service.listAccounts())[0]!.id });
    const last = (await lines(dir)).at(-1)!;
    expect(last).toMatchObject({
      action: 'account.disconnected',
      actor: 'local',
      client: 'hub:test',
    });
  });
});
