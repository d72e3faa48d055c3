import { describe, expect, it } from 'vitest';
import type { CallContext, InboxEvent } from '../../shared';
import { BRAND_X } from '../test/scenario';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';

const cleanup = useCleanups();

async function setUp() {
  const { dir, emulator, service, x, open } = await inboxOnEmulator(cleanup, { sync: ['x'] });
  const camille = (await service.createAgent({ name: 'Camille', role: 'manager' })).agent;
  const jan = (await service.createAgent({ name: 'Jan', languages: ['nl', 'en'] })).agent;
  const eva = (await service.createAgent({ name: 'Eva', languages: ['nl'] })).agent;
  await service.createAgent({ name: 'Lucía', languages: ['es'] });
  const manager: CallContext = { agent: camille, client: 'browser' };
  const arrive = async (username: string, text: string, lang: string) => {
    const response = await fetch(`${new URL(emulator.xBaseUrl).origin}/__emulator/arrivals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        platform: 'x',
        text,
        lang,
        author: { username, name: username, followers: 10 },
      }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { data: { id: string } }).data.id;
  };
  return { dir, emulator, service, x, jan, eva, manager, arrive, open };
}

describe('rules on arrival', () => {
  it('routes Dutch mentions by turns to the agents who speak Dutch, before anyone hears of them', async () => {
    const { service, x, jan, eva, manager, arrive } = await setUp();
    const rule = await service.saveRule(
      {
        name: 'Dutch to Dutch speakers',
        conditions: { languages: ['nl'] },
        actions: { assign: { kind: 'round-robin' }, addTags: ['nl'] },
      },
      manager,
    );
    const events: InboxEvent[] = [];
    service.onEvent((e) => events.push(e));

    const first = await arrive('kees', `@${BRAND_X.username} De koffie was koud vanochtend`, 'nl');
    const second = await arrive('femke', `@${BRAND_X.username} Waar is mijn bestelling?`, 'nl');
    const spanish = await arrive('pablo', `@${BRAND_X.username} ¿Dónde está mi pedido?`, 'es');
    await service.syncAccountOnce(x.id);

    const of = async (tweetId: string) =>
      (await service.getConversation({ id: `x:${tweetId}` })).conversation;
    expect(await of(first)).toMatchObject({
      assignee: eva.id < jan.id ? eva.id : jan.id,
      tags: ['nl'],
      version: 1,
    });
    expect((await of(second)).assignee).toBe(eva.id < jan.id ? jan.id : eva.id);
    expect(await of(spanish)).toMatchObject({ assignee: null, tags: [] });

    // The first event already carries the rule's work, and says the rule did it.
    const firstEvent = events.find(
      (e) => e.type === 'conversation.changed' && e.conversation.id === `x:${first}`,
    );
    expect(firstEvent).toMatchObject({ by: `rule:${rule.id}`, conversation: { tags: ['nl'] } });
    // The rule's tag joins the team's tags.
    expect((await service.listTags()).map((t) => t.name)).toContain('nl');
    // The timeline shows the rule.
    const { actions } = await service.getConversation({ id: `x:${first}` });
    expect(actions.find((a) => a.action === 'rule.fired')).toMatchObject({
      actor: `rule:${rule.id}`,
      details: { name: 'Dutch to Dutch speakers', addTags: ['nl'] },
    });
  });

  it('keeps whose turn it is across a restart, and leaves conversations it has seen alone', async () => {
    const { service, x, jan, eva, manager, arrive, open } = await setUp();
    await service.saveRule(
      {
        name: 'Dutch',
        conditions: { languages: ['nl'] },
        actions: { assign: { kind: 'round-robin' } },
      },
      manager,
    );
    const a = await arrive('kees', `@${BRAND_X.username} Hallo daar, vraagje`, 'nl');
    await service.syncAccountOnce(x.id);
    const firstTaker = (await service.getConversation({ id: `x:${a}` })).conversation.assignee;
    await service.close();

    const again = await open();
    const b = await arrive('femke', `@${BRAND_X.username} Nog een vraagje`, 'nl');
    await again.syncAccountOnce(x.id);
    const secondTaker = (await again.getConversation({ id: `x:${b}` })).conversation.assignee;
    expect(new Set([firstTaker, secondTaker])).toEqual(new Set([jan.id, eva.id]));
    // The earlier conversation was not touched again.
    expect((await again.getConversation({ id: `x:${a}` })).conversation.version).toBe(1);
  });

  it('checks what a rule says, keeps the order it is told, and lets only managers change rules', async () => {
    const { service, manager } = await setUp();
    await expect(
      service.saveRule({ name: 'Nothing', actions: {} } as never, manager),
    ).rejects.toThrow(/say what the rule does/);
    await expect(
      service.saveRule(
        { name: 'Ghost', actions: { assign: { kind: 'agent', agentId: 'agent:nobody' } } },
        manager,
      ),
    ).rejects.toMatchObject({ code: 'bad_request' });
    const one = await service.saveRule({ name: 'One', actions: { addTags: ['a'] } }, manager);
    const two = await service.saveRule({ name: 'Two', actions: { addTags: ['b'] } }, manager);
    expect((await service.moveRule({ id: two.id, to: 0 }, manager)).map((r) => r.name)).toEqual([
      'Two',
      'One',
    ]);
    await service.deleteRule({ id: one.id }, manager);
    expect((await service.listRules({})).map((r) => r.name)).toEqual(['Two']);
  });
});
