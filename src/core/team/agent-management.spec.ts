import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../shared';
import { InboxService } from '../service';
import { conversation, tempDir } from '../test/fixtures';
import { auditEntries } from '../test/data-folder';
import { seedStore } from '../test/seed-store';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

async function setUp() {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  await seedStore(dir, {
    conversations: [
      conversation({ id: 'x:1' }),
      conversation({ id: 'x:2' }),
      conversation({ id: 'x:3' }),
    ],
  });
  const service = await InboxService.open({ dataDir: dir });
  cleanups.push(() => service.close());
  const camille = await service.createAgent({ name: 'Camille', role: 'manager' });
  const jan = await service.createAgent({ name: 'Jan', languages: ['nl'] });
  const manager: CallContext = { agent: camille.agent, client: 'browser' };
  return { dir, service, camille, jan, manager };
}

const trail = async (dir: string) => auditEntries(dir);

describe('managing the team', () => {
  it('changes an agent’s languages and role, and keeps a manager on the team', async () => {
    const { dir, service, camille, jan, manager } = await setUp();
    const updated = await service.updateAgent(
      { id: jan.agent.id, languages: ['nl', 'de'] },
      manager,
    );
    expect(updated).toMatchObject({ name: 'Jan', languages: ['nl', 'de'] });
    expect((await service.listAgents()).find((a) => a.id === jan.agent.id)?.languages).toEqual([
      'nl',
      'de',
    ]);
    await expect(
      service.updateAgent({ id: camille.agent.id, role: 'agent' }, manager),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'The team needs at least one manager: name another first',
    });
    await expect(
      service.updateAgent({ id: jan.agent.id, name: 'camille' }, manager),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(service.updateAgent({ id: jan.agent.id } as never, manager)).rejects.toThrow(
      /say what to change/,
    );
    expect(
      (await trail(dir)).filter((e) => e.action === 'agent.updated').at(-1)?.details,
    ).toMatchObject({
      agentId: jan.agent.id,
      before: { languages: ['nl'] },
      after: { languages: ['nl', 'de'] },
    });
  });

  it('renews a token: the old one stops working at once, the new one signs in', async () => {
    const { service, jan, manager } = await setUp();
    const renewed = await service.renewAgentToken({ id: jan.agent.id }, manager);
    expect(renewed.token).not.toBe(jan.token);
    expect(service.authenticate(jan.token)).toBeNull();
    expect(service.authenticate(renewed.token)?.id).toBe(jan.agent.id);
  });

  it('removes an agent: no more sign-in, open conversations back in the queue, history kept', async () => {
    const { dir, service, jan, manager } = await setUp();
    const janCtx: CallContext = { agent: jan.agent, client: 'browser' };
    await service.updateConversation({ id: 'x:1', version: 1, assignee: jan.agent.id }, janCtx);
    await service.updateConversation(
      { id: 'x:2', version: 1, assignee: jan.agent.id, status: 'done' },
      janCtx,
    );

    const removed = await service.removeAgent({ id: jan.agent.id }, manager);
    expect(removed).toMatchObject({ unassigned: 1, agent: { id: jan.agent.id } });
    expect(removed.agent.removedAt).toEqual(expect.any(String));
    expect(service.authenticate(jan.token)).toBeNull();
    expect((await service.getConversation({ id: 'x:1' })).conversation.assignee).toBeNull();
    // Done work keeps who did it.
    expect((await service.getConversation({ id: 'x:2' })).conversation.assignee).toBe(jan.agent.id);
    expect((await service.listAgents()).find((a) => a.id === jan.agent.id)?.name).toBe('Jan');

    const entries = await trail(dir);
    expect(entries.find((e) => e.action === 'agent.removed')?.details).toMatchObject({
      agentId: jan.agent.id,
      unassigned: 1,
    });
    expect(
      entries
        .filter((e) => e.action === 'conversation.assigned' && e.conversationId === 'x:1')
        .at(-1)?.details,
    ).toEqual({ from: jan.agent.id, to: null });
    // A removed agent's name can be given to someone new.
    expect((await service.createAgent({ name: 'Jan' })).agent.id).not.toBe(jan.agent.id);
  });

  it('refuses to remove yourself, the last manager, or someone already gone', async () => {
    const { service, camille, jan, manager } = await setUp();
    await expect(service.removeAgent({ id: camille.agent.id }, manager)).rejects.toMatchObject({
      code: 'conflict',
      message: 'You cannot remove yourself',
    });
    await expect(service.removeAgent({ id: camille.agent.id })).rejects.toMatchObject({
      code: 'conflict',
    });
    await service.removeAgent({ id: jan.agent.id }, manager);
    await expect(service.removeAgent({ id: jan.agent.id }, manager)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
