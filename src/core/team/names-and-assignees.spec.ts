import { describe, expect, it } from 'vitest';
import { toErrorBody } from '../../shared';
import type { CallContext } from '../../shared';
import { InboxService } from '../service';
import { conversation, tempDir } from '../test/fixtures';
import { useCleanups } from '../test/inbox-harness';
import { seedStore } from '../test/seed-store';

const cleanup = useCleanups();

async function setUp() {
  const { dir, cleanup: removeDir } = await tempDir();
  cleanup(removeDir);
  await seedStore(dir, {
    conversations: [conversation({ id: 'x:1' }), conversation({ id: 'x:2' })],
  });
  const open = async () => {
    const service = await InboxService.open({ dataDir: dir });
    cleanup(() => service.close());
    return service;
  };
  const service = await open();
  const camille = await service.createAgent({ name: 'Camille Laurent', role: 'manager' });
  const jan = await service.createAgent({ name: 'Jan de Wit', languages: ['nl'] });
  const manager: CallContext = { agent: camille.agent, client: 'browser' };
  const asJan: CallContext = { agent: jan.agent, client: 'browser' };
  return { service, open, camille, jan, manager, asJan };
}

describe('agent names', () => {
  it.each([
    ['in capitals', 'JAN DE WIT'],
    ['with a zero-width space', 'Jan de\u200BWit'],
    ['in fullwidth letters', 'Ｊａｎ ｄｅ Ｗｉｔ'],
    ['with bidi marks around it', '\u200Ejan de wit\u200F'],
  ])('refuses a new agent whose name reads like a teammate’s: %s', async (_how, name) => {
    const { service, jan, manager } = await setUp();
    await expect(service.createAgent({ name }, manager)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/reads like "Jan de Wit"|already an agent called/),
      details: { agentId: jan.agent.id },
    });
    expect((await service.listAgents()).map((a) => a.name)).toEqual([
      'Camille Laurent',
      'Jan de Wit',
    ]);
  });

  it('refuses renaming onto a teammate’s name, lets an agent’s own name change case', async () => {
    const { service, camille, jan, manager } = await setUp();
    await expect(
      service.updateAgent({ id: camille.agent.id, name: 'jan  DE wit' }, manager),
    ).rejects.toMatchObject({
      code: 'conflict',
      message:
        'The name "jan  DE wit" reads like "Jan de Wit", who is already on the team: choose a name that can be told apart',
    });
    expect(
      await service.updateAgent({ id: jan.agent.id, name: 'JAN DE WIT' }, manager),
    ).toMatchObject({ name: 'JAN DE WIT' });
  });

  it('stores names in NFC, durably; a name that draws nothing is refused', async () => {
    const { service, open, manager } = await setUp();
    const lucia = await service.createAgent({ name: 'Luci\u0301a Ortega' }, manager);
    expect(lucia.agent.name).toBe('Lucía Ortega');
    await expect(service.createAgent({ name: 'Lucía Ortega' }, manager)).rejects.toMatchObject({
      code: 'conflict',
    });
    const invisible = await service.createAgent({ name: '\u200B\u2060\uFE0F' }, manager).then(
      () => null,
      (err: unknown) => toErrorBody(err),
    );
    expect(invisible).toMatchObject({ code: 'bad_request', details: [{ path: 'name' }] });
    await service.close();
    const again = await open();
    expect((await again.listAgents()).map((a) => a.name)).toContain('Lucía Ortega');
  });

  it('lets a new agent take the name of someone who left the team', async () => {
    const { service, jan, manager } = await setUp();
    await service.removeAgent({ id: jan.agent.id }, manager);
    const back = await service.createAgent({ name: 'Jan de Wit' }, manager);
    expect(back.agent.id).not.toBe(jan.agent.id);
  });
});

describe('tag and view names', () => {
  it('takes a tag written with a decomposed accent as the same tag', async () => {
    const { service, asJan } = await setUp();
    await service.saveTag({ name: 'cafe\u0301', color: 'red' });
    await service.updateConversation({ id: 'x:1', version: 1, addTags: ['café'] }, asJan);
    expect(await service.listTags()).toEqual([{ name: 'café', color: 'red', count: 1 }]);
    const renamed = await service.renameTag({ name: 'café', newName: 'the\u0301' }, asJan);
    expect(renamed).toEqual({ tag: { name: 'thé', color: 'red' }, updated: 1 });
  });

  it('refuses a second view of the same agent with a name that reads the same', async () => {
    const { service, manager, asJan } = await setUp();
    const mine = await service.saveView({ name: 'Refunds', filters: {} }, asJan);
    await expect(
      service.saveView({ name: 'REFUNDS\u200B', filters: { status: 'new' } }, asJan),
    ).rejects.toMatchObject({
      code: 'conflict',
      message:
        'You already have a view called "Refunds": choose another name, or replace that view',
    });
    // Replacing the view itself keeps its name; another agent has their own names.
    await service.saveView({ id: mine.id, name: 'refunds', filters: { status: 'open' } }, asJan);
    await service.saveView({ name: 'Refunds', filters: {} }, manager);
    expect((await service.listViews({}, asJan)).map((v) => v.name)).toEqual(['refunds']);
  });
});

describe('assignees', () => {
  it('refuses to assign a conversation to someone who left, or to no one of the team', async () => {
    const { service, camille, jan, manager, asJan } = await setUp();
    const lucia = await service.createAgent({ name: 'Lucía' }, manager);
    await service.removeAgent({ id: lucia.agent.id }, manager);
    await expect(
      service.updateConversation({ id: 'x:1', version: 1, assignee: lucia.agent.id }, asJan),
    ).rejects.toMatchObject({
      code: 'bad_request',
      message: 'Lucía is no longer on the team: assign it to someone who is',
    });
    await expect(
      service.updateConversation({ id: 'x:1', version: 1, assignee: 'agent:ghost' }, asJan),
    ).rejects.toMatchObject({
      code: 'bad_request',
      message: 'No agent with id agent:ghost on the team',
    });
    // In bulk: one bad assignee refuses the whole call, the good change included.
    await expect(
      service.updateConversations(
        {
          changes: [
            { id: 'x:1', version: 1, assignee: camille.agent.id },
            { id: 'x:2', version: 1, assignee: lucia.agent.id },
          ],
        },
        asJan,
      ),
    ).rejects.toMatchObject({ code: 'bad_request' });
    const page = await service.listConversations({});
    expect(page.items.map((c) => [c.id, c.assignee, c.version])).toEqual(
      expect.arrayContaining([
        ['x:1', null, 1],
        ['x:2', null, 1],
      ]),
    );
    // A rule cannot name them either; someone on the team still can be assigned.
    await expect(
      service.saveRule(
        { name: 'To Lucía', actions: { assign: { kind: 'agent', agentId: lucia.agent.id } } },
        manager,
      ),
    ).rejects.toMatchObject({ code: 'bad_request' });
    expect(
      await service.updateConversation({ id: 'x:1', version: 1, assignee: jan.agent.id }, asJan),
    ).toMatchObject({ assignee: jan.agent.id, version: 2 });
  });

  it('refuses a bulk call naming the same conversation twice, changing nothing', async () => {
    const { service, asJan } = await setUp();
    const refused = await service
      .updateConversations(
        {
          changes: [
            { id: 'x:1', version: 1, status: 'open' },
            { id: 'x:1', version: 1, status: 'done' },
          ],
        },
        asJan,
      )
      .then(
        () => null,
        (err: unknown) => toErrorBody(err),
      );
    expect(refused).toEqual({
      code: 'bad_request',
      message: 'Invalid input',
      details: [
        {
          path: 'changes',
          message: 'the same conversation appears more than once in one call: x:1',
        },
      ],
    });
    expect((await service.getConversation({ id: 'x:1' })).conversation).toMatchObject({
      status: 'new',
      version: 1,
    });
  });
});
