import { afterEach, describe, expect, it } from 'vitest';
import { InboxError } from '../shared';
import type { CallContext, InboxEvent } from '../shared';
import { InboxService } from './service';
import { conversation, tempDir } from './test/fixtures';
import { seedStore } from './test/seed-store';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** A store with one conversation, a service on it, and two agents of the team. */
async function setUp() {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  await seedStore(dir, { conversations: [conversation({ id: 'x:1', tags: ['oatgate'] })] });
  const service = await InboxService.open({ dataDir: dir });
  cleanups.push(() => service.close());
  const as = async (name: string): Promise<CallContext> => ({
    agent: (await service.createAgent({ name })).agent,
    client: 'browser',
  });
  return { dir, service, jan: await as('Jan'), lucia: await as('Lucía') };
}

describe('triage changes', () => {
  it('takes, tags and sets the status, each on the version seen, durably and announced', async () => {
    const { dir, service, jan } = await setUp();
    const events: InboxEvent[] = [];
    service.onEvent((e) => events.push(e));
    const taken = await service.updateConversation(
      { id: 'x:1', version: 1, assignee: jan.agent.id },
      jan,
    );
    expect(taken).toMatchObject({ assignee: jan.agent.id, version: 2 });
    const tagged = await service.updateConversation(
      {
        id: 'x:1',
        version: 2,
        addTags: ['refund', 'refund'],
        removeTags: ['oatgate'],
        status: 'pending',
      },
      jan,
    );
    expect(tagged).toMatchObject({ tags: ['refund'], status: 'pending', version: 3 });
    expect(events.filter((e) => e.type === 'conversation.changed')).toHaveLength(2);
    await service.close();

    const reopened = await InboxService.open({ dataDir: dir });
    cleanups.push(() => reopened.close());
    const [stored] = (await reopened.listConversations({})).items;
    expect(stored).toMatchObject({ assignee: jan.agent.id, tags: ['refund'], version: 3 });
  });

  it('lets one of two agents assigning at once win, and tells the other with the fresh state', async () => {
    const { service, jan, lucia } = await setUp();
    const results = await Promise.allSettled([
      service.updateConversation({ id: 'x:1', version: 1, assignee: jan.agent.id }, jan),
      service.updateConversation({ id: 'x:1', version: 1, assignee: lucia.agent.id }, lucia),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    const refused = (results[1] as PromiseRejectedResult).reason as InboxError;
    expect(refused).toBeInstanceOf(InboxError);
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe(
      'This conversation changed since you opened it (now new, assigned to Jan); your change was not applied',
    );
    expect(refused.details).toMatchObject({ current: { assignee: jan.agent.id, version: 2 } });
  });

  it('lists what is mine, what nobody has, and what carries a tag', async () => {
    const { service, jan, lucia } = await setUp();
    expect((await service.listConversations({ assignee: 'unassigned' }, jan)).total).toBe(1);
    await service.updateConversation(
      { id: 'x:1', version: 1, assignee: jan.agent.id, addTags: ['refund'] },
      jan,
    );
    expect((await service.listConversations({ assignee: 'mine' }, jan)).total).toBe(1);
    expect((await service.listConversations({ assignee: 'mine' }, lucia)).total).toBe(0);
    expect((await service.listConversations({ assignee: jan.agent.id }, lucia)).total).toBe(1);
    expect((await service.listConversations({ assignee: 'unassigned' }, jan)).total).toBe(0);
    expect((await service.listConversations({ tag: 'refund' })).total).toBe(1);
    expect((await service.listConversations({ tag: 'oatgate' })).total).toBe(1);
    expect((await service.listConversations({ tag: 'spam-wave' })).total).toBe(0);
  });

  it('refuses an unknown conversation or agent, and a change that changes nothing', async () => {
    const { service, jan } = await setUp();
    await expect(
      service.updateConversation({ id: 'x:404', version: 1, status: 'done' }, jan),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      service.updateConversation({ id: 'x:1', version: 1, assignee: 'agent:ghost' }, jan),
    ).rejects.toMatchObject({ code: 'bad_request' });
    await expect(service.updateConversation({ id: 'x:1', version: 1 }, jan)).rejects.toThrow(
      'say what to change',
    );
  });
  it('sets a priority by hand, in bulk too, validated and audited as every triage change', async () => {
    const { service, jan } = await setUp();
    const raised = await service.updateConversation(
      { id: 'x:1', version: 1, priority: 'urgent' },
      jan,
    );
    expect(raised).toMatchObject({ priority: 'urgent', version: 2 });
    await expect(
      service.updateConversation({ id: 'x:1', version: 2, priority: 'critical' as 'urgent' }, jan),
    ).rejects.toThrow('priority');
    await service.updateConversations(
      { changes: [{ id: 'x:1', version: 2, priority: 'low' }] },
      jan,
    );
    const { actions, conversation: now } = await service.getConversation({ id: 'x:1' });
    expect(now.priority).toBe('low');
    expect(
      actions.filter((a) => a.action === 'conversation.priority').map((a) => [a.actor, a.details]),
    ).toEqual([
      [jan.agent.id, { from: 'normal', to: 'urgent' }],
      [jan.agent.id, { from: 'urgent', to: 'low' }],
    ]);
  });
});
