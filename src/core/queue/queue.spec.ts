import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InboxError } from '../../shared';
import type { CallContext, Conversation, InboxEvent } from '../../shared';
import { InboxService } from '../service';
import { conversation, tempDir } from '../test/fixtures';
import { seedStore } from '../test/seed-store';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** A store seeded with conversations, a service on it, and two agents of the team. */
async function setUp(seed: Conversation[]) {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  await seedStore(dir, { conversations: seed });
  const service = await InboxService.open({ dataDir: dir });
  cleanups.push(() => service.close());
  const events: InboxEvent[] = [];
  service.onEvent((e) => events.push(e));
  const as = async (name: string): Promise<CallContext> => ({
    agent: (await service.createAgent({ name })).agent,
    client: 'browser',
  });
  return { dir, service, events, jan: await as('Jan'), lucia: await as('Lucía') };
}

const three = () => [
  conversation({ id: 'x:1', tags: ['refund', 'late'] }),
  conversation({ id: 'x:2', tags: ['refund'], version: 4 }),
  conversation({ id: 'x:3', tags: ['praise'] }),
];

async function reopen(dir: string) {
  const service = await InboxService.open({ dataDir: dir });
  cleanups.push(() => service.close());
  return service;
}

describe('tag registry', () => {
  it('registers a tag an agent applies first, with the default colour, and announces it', async () => {
    const { service, events, jan } = await setUp(three());
    await service.updateConversation({ id: 'x:3', version: 1, addTags: ['oatgate'] }, jan);
    expect(events.filter((e) => e.type === 'tags.changed').at(-1)).toEqual({
      type: 'tags.changed',
      tags: [{ name: 'oatgate', color: 'gray' }],
    });
    await service.saveTag({ name: 'refund', color: 'red' });
    expect(await service.listTags()).toEqual([
      { name: 'late', color: 'gray', count: 1 },
      { name: 'oatgate', color: 'gray', count: 1 },
      { name: 'praise', color: 'gray', count: 1 },
      { name: 'refund', color: 'red', count: 2 },
    ]);
  });

  it('renames a tag on every conversation carrying it, merging, with new versions, durably', async () => {
    const { dir, service, events } = await setUp(three());
    await service.saveTag({ name: 'refund', color: 'orange' });
    events.length = 0;
    expect(await service.renameTag({ name: 'refund', newName: 'late' })).toEqual({
      tag: { name: 'late', color: 'orange' },
      updated: 2,
    });
    const changed = events.flatMap((e) =>
      e.type === 'conversation.changed' ? [e.conversation] : [],
    );
    expect(changed.map((c) => [c.id, c.tags, c.version])).toEqual([
      ['x:1', ['late'], 2],
      ['x:2', ['late'], 5],
    ]);
    expect(events.at(-1)).toEqual({
      type: 'tags.changed',
      tags: [{ name: 'late', color: 'orange' }],
    });
    expect((await service.listConversations({ tag: 'late' })).total).toBe(2);
    expect((await service.listConversations({ tag: 'refund' })).total).toBe(0);
    await service.close();

    const again = await reopen(dir);
    const byId = new Map((await again.listConversations({})).items.map((c) => [c.id, c]));
    expect(byId.get('x:1')).toMatchObject({ tags: ['late'], version: 2 });
    expect(byId.get('x:3')).toMatchObject({ tags: ['praise'], version: 1 });
    expect((await again.listTags()).find((t) => t.name === 'late')).toEqual({
      name: 'late',
      color: 'orange',
      count: 2,
    });
  });

  it('deletes a tag from the registry and every conversation; an unknown tag is not found', async () => {
    const { service, events } = await setUp(three());
    await service.saveTag({ name: 'refund', color: 'blue' });
    expect(await service.deleteTag({ name: 'refund' })).toEqual({ tag: null, updated: 2 });
    expect((await service.listConversations({ tag: 'refund' })).total).toBe(0);
    expect((await service.listTags()).map((t) => t.name)).toEqual(['late', 'praise']);
    expect(events.filter((e) => e.type === 'conversation.changed').map((e) => e.type)).toHaveLength(
      2,
    );
    await expect(service.deleteTag({ name: 'nothing' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(service.renameTag({ name: 'late', newName: 'late' })).rejects.toBeInstanceOf(
      InboxError,
    );
  });

  it('renames a tag across 20,000 conversations in one journal write', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      conversation({
        id: `x:${i}`,
        tags: i % 2 === 0 ? ['refund'] : [],
        lastPostAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      }),
    );
    const { dir, service } = await setUp(many);
    // Build the sort orders first, as a running inbox has them.
    await service.listConversations({ sort: 'priority' });
    await service.listConversations({ tag: 'refund' });
    const started = performance.now();
    expect((await service.renameTag({ name: 'refund', newName: 'remboursement' })).updated).toBe(
      10_000,
    );
    expect(performance.now() - started).toBeLessThan(3000);
    const page = await service.listConversations({
      tag: 'remboursement',
      sort: 'priority',
      limit: 5,
    });
    expect(page.total).toBe(10_000);
    expect(page.items.map((c) => c.id)).toEqual([
      'x:19998',
      'x:19996',
      'x:19994',
      'x:19992',
      'x:19990',
    ]);
    const journal = await readFile(join(dir, 'conversations.jsonl'), 'utf8').catch(() => '');
    expect(journal.split('\n').filter(Boolean).length).toBeLessThanOrEqual(10_000);
  });
});

describe('bulk triage', () => {
  it('applies each change on its version and reports conflicts and missing ones', async () => {
    const { service, events, jan, lucia } = await setUp(three());
    await service.updateConversation({ id: 'x:2', version: 4, status: 'open' }, lucia);
    events.length = 0;
    const { results } = await service.updateConversations(
      {
        changes: ['x:1', 'x:2', 'x:3', 'x:9'].map((id) => ({
          id,
          version: 1,
          assignee: jan.agent.id,
          addTags: ['wave'],
          status: 'pending' as const,
        })),
      },
      jan,
    );
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      ['x:1', 'applied'],
      ['x:2', 'conflict'],
      ['x:3', 'applied'],
      ['x:9', 'not_found'],
    ]);
    expect(results[0]).toMatchObject({
      conversation: {
        assignee: jan.agent.id,
        status: 'pending',
        tags: ['refund', 'late', 'wave'],
        version: 2,
      },
    });
    expect(results[1]).toMatchObject({
      conversation: { status: 'open', version: 5, assignee: null },
    });
    expect(events.filter((e) => e.type === 'conversation.changed')).toHaveLength(2);
    expect(events.some((e) => e.type === 'tags.changed')).toBe(true);
    expect((await service.listConversations({ assignee: 'mine' }, jan)).total).toBe(2);
  });

  it('refuses the whole batch when an assignee is no one of the team', async () => {
    const { service, jan } = await setUp(three());
    await expect(
      service.updateConversations({ changes: [{ id: 'x:1', version: 1, assignee: 'ghost' }] }, jan),
    ).rejects.toMatchObject({ code: 'bad_request' });
    expect((await service.listConversations({ assignee: 'unassigned' })).total).toBe(3);
  });
});

describe('saved views', () => {
  it('keeps each agent’s views to themselves, durably', async () => {
    const { dir, service, jan, lucia } = await setUp(three());
    const view = await service.saveView(
      { name: 'My refunds', filters: { assignee: 'mine', tag: 'refund', sort: 'oldest' } },
      jan,
    );
    expect(view).toMatchObject({ name: 'My refunds', filters: { tag: 'refund', sort: 'oldest' } });
    expect(await service.listViews({}, lucia)).toEqual([]);
    await expect(service.deleteView({ id: view.id }, lucia)).rejects.toMatchObject({
      code: 'not_found',
    });
    const renamed = await service.saveView(
      { id: view.id, name: 'Refunds', filters: { sort: 'newest' } },
      jan,
    );
    await service.close();
    const again = await reopen(dir);
    expect(await again.listViews({}, jan)).toEqual([renamed]);
    await again.deleteView({ id: view.id }, jan);
    expect(await again.listViews({}, jan)).toEqual([]);
  });

  it('opens a workspace file from before tags and views', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      join(dir, 'workspace.json'),
      JSON.stringify({ schema: 1, accounts: [], agents: [], agentTokens: {}, cursors: {} }),
    );
    const service = await reopen(dir);
    expect(await service.listTags()).toEqual([]);
    expect(await service.listViews({})).toEqual([]);
  });
});
