import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../shared';
import { auditEntries } from '../test/data-folder';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';
import { BRAND_X, smallScenario, snowflake } from '../test/scenario';
import { ManualClock } from '../time/clock';

const cleanup = useCleanups();

/**
 * The small scenario, synced once: Marie's thread ends with the brand's reply made on X's site
 * (the brand's last word), Klaus wrote again after the Page's reply made with Hootsuite.
 */
async function setUp(status?: 'open' | 'pending' | 'done' | null) {
  const inbox = await inboxOnEmulator(cleanup, { sync: [] });
  const { service, x, fb } = inbox;
  const camille = await service.createAgent({ name: 'Camille Laurent', role: 'manager' });
  const manager: CallContext = { agent: camille.agent, client: 'browser' };
  if (status !== undefined)
    await service.saveTeamSettings({ answeredOutsideStatus: status }, manager);
  await service.syncAccountOnce(x.id);
  await service.syncAccountOnce(fb.id);
  const { items } = await service.listConversations({ limit: 50 });
  const marie = items.find((c) => c.author.handle === 'marie_l' && c.postCount === 4)!;
  const klaus = items.find((c) => c.author.name === 'Klaus Becker')!;
  return { ...inbox, manager, items, marie, klaus };
}

describe('conversations answered with another app', () => {
  it('are marked, listed on their own, and moved to done when the brand had the last word', async () => {
    const { service, dir, items, marie, klaus } = await setUp();
    expect(await service.getTeamSettings({})).toEqual({ answeredOutsideStatus: 'done' });
    expect(marie).toMatchObject({ answeredOutside: true, status: 'done' });
    // Klaus wrote after the reply: he waits for an answer, his conversation stays new.
    expect(klaus).toMatchObject({ answeredOutside: true, status: 'new' });
    expect(items.filter((c) => c.answeredOutside !== true).every((c) => c.status === 'new')).toBe(
      true,
    );

    const listed = await service.listConversations({ answered: 'outside' });
    expect(listed.items.map((c) => c.id).sort()).toEqual([klaus.id, marie.id].sort());
    expect(listed.total).toBe(2);
    const narrowed = await service.listConversations({ answered: 'outside', platform: 'x' });
    expect(narrowed).toMatchObject({ total: 1, items: [{ id: marie.id }] });

    const moved = (await auditEntries(dir)).filter(
      (e) => e.action === 'conversation.status' && e.conversationId === marie.id,
    );
    expect(moved).toEqual([
      expect.objectContaining({
        actor: 'system',
        client: 'sync',
        details: {
          from: 'new',
          to: 'done',
          reason: 'answered-outside',
          postId: expect.any(String),
        },
      }),
    ]);
  });

  it('go to the status the team chose, or stay as they are, the choice recorded', async () => {
    const pending = await setUp('pending');
    expect(pending.marie.status).toBe('pending');
    const trail = await auditEntries(pending.dir);
    expect(trail.find((e) => e.action === 'team.settings')).toMatchObject({
      details: {
        from: { answeredOutsideStatus: 'done' },
        to: { answeredOutsideStatus: 'pending' },
      },
    });
    await expect(
      pending.service.saveTeamSettings({ answeredOutsideStatus: 'spam' as never }),
    ).rejects.toThrow();

    const kept = await setUp(null);
    expect(kept.marie).toMatchObject({ answeredOutside: true, status: 'new' });
    expect(await kept.service.getTeamSettings({})).toEqual({ answeredOutsideStatus: null });
  });

  it('moves an open conversation when the reply from another app arrives later, not a pending one', async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute)).toISOString();
    const scenario = smallScenario();
    const asks = [
      { id: snowflake(at(40)), text: '@CafeAurore Where is my refund?' },
      { id: snowflake(at(41)), text: '@CafeAurore Is the station shop open on Sunday?' },
    ];
    for (const [i, ask] of asks.entries())
      scenario.x!.tweets!.push(
        { ...ask, author_id: '3000000000000000001', created_at: at(40 + i), lang: 'en' },
        {
          id: snowflake(at(50 + i)),
          author_id: BRAND_X.id,
          text: '@marie_l Answered in your messages.',
          created_at: at(50 + i),
          lang: 'en',
          in_reply_to: ask.id,
          source: 'Twitter for iPhone',
        },
      );
    scenario.anchor = at(45);
    const clock = new ManualClock(at(45));
    const { service, x } = await inboxOnEmulator(cleanup, {
      scenario,
      clock,
      emulator: { liveRelease: true },
      sync: ['x'],
    });
    const [open, pending] = await Promise.all(
      asks.map(async (ask) => (await service.getConversation({ id: `x:${ask.id}` })).conversation),
    );
    expect([open!.status, pending!.status]).toEqual(['new', 'new']);
    await service.updateConversation({ id: open!.id, version: open!.version, status: 'open' });
    await service.updateConversation({
      id: pending!.id,
      version: pending!.version,
      status: 'pending',
    });

    clock.set(at(55));
    await service.syncAccountOnce(x.id);
    const after = await Promise.all(
      asks.map(async (ask) => (await service.getConversation({ id: `x:${ask.id}` })).conversation),
    );
    expect(after.map((c) => [c.answeredOutside, c.status])).toEqual([
      [true, 'done'],
      [true, 'pending'],
    ]);
  });
});
