import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../shared';
import type { InboxService } from './service';
import { auditEntries } from './test/data-folder';
import { FaultyFileSystem } from './test/faulty-file-system';
import { inboxOnEmulator, useCleanups } from './test/inbox-harness';
import { StoreFaults } from './test/store-faults';

const cleanup = useCleanups();

/** An inbox on the emulator, synced, whose store and settings file fail on demand. */
async function setUp(options: Parameters<typeof inboxOnEmulator>[1] = {}) {
  const fs = new FaultyFileSystem();
  const inbox = await inboxOnEmulator(cleanup, {
    ...options,
    service: { fileSystem: fs, ...options.service },
  });
  const { service } = inbox;
  const camille = await service.createAgent({ name: 'Camille', role: 'manager' });
  const jan = await service.createAgent({ name: 'Jan', languages: ['nl'] });
  const manager: CallContext = { agent: camille.agent, client: 'browser' };
  const { items } = await service.listConversations({ platform: 'x', sort: 'oldest' });
  return { ...inbox, fs, faults: new StoreFaults(inbox.store), manager, jan, target: items[0]! };
}

/** What the inbox keeps, as a client and the folder see it. */
async function kept(dir: string, service: InboxService, id: string) {
  await service.replies().idle();
  return {
    agents: await service.listAgents(),
    tags: await service.listTags(),
    rules: await service.listRules(),
    savedReplies: await service.listSavedReplies(),
    conversation: await service.getConversation({ id }),
    open: (await service.listConversations({ status: 'open' })).total,
    replies: service.replies().list(),
    trail: await auditEntries(dir),
    settings: await readFile(join(dir, 'workspace.json'), 'utf8'),
    audit: await service.verifyAudit(),
  };
}

describe('storage faults in the inbox', () => {
  it('refuses every kind of write while the store cannot be written, naming the folder, changes nothing, then takes them', async () => {
    const { dir, service, faults, manager, target } = await setUp();
    const before = await kept(dir, service, target.id);
    expect(before.audit).toMatchObject({ intact: true });
    faults.readOnly();

    const unavailable = {
      code: 'storage_unavailable',
      message: expect.stringContaining(`The data folder ${dir} cannot be used (SQLITE_READONLY`),
    };
    const writes: [string, () => Promise<unknown>][] = [
      ['agent', () => service.createAgent({ name: 'Lucía' }, manager)],
      ['tag', () => service.saveTag({ name: 'refund', color: 'red' })],
      ['view', () => service.saveView({ name: 'Mine', filters: { assignee: 'mine' } }, manager)],
      [
        'triage',
        () =>
          service.updateConversation(
            { id: target.id, version: target.version, status: 'open', addTags: ['refund'] },
            manager,
          ),
      ],
      ['note', () => service.addNote({ conversationId: target.id, text: 'Refund?' }, manager)],
      [
        'reply',
        () =>
          service.sendReply(
            { conversationId: target.id, replyTo: target.rootPostId, text: 'Nous regardons.' },
            manager,
          ),
      ],
      [
        'rule',
        () =>
          service.saveRule(
            {
              name: 'Dutch',
              enabled: true,
              conditions: { languages: ['nl'] },
              actions: { addTags: ['nl'] },
            },
            manager,
          ),
      ],
      [
        'saved reply',
        () => service.saveSavedReply({ title: 'Sorry', language: 'en', text: 'We are sorry.' }),
      ],
    ];
    for (const [what, write] of writes)
      await expect(write(), what).rejects.toMatchObject(unavailable);
    faults.clear();
    expect(await kept(dir, service, target.id)).toEqual({
      ...before,
      audit: { ...before.audit, checkedAt: expect.any(String) },
    });

    for (const [, write] of writes) await write();
    await service.replies().idle();
    const after = await kept(dir, service, target.id);
    expect(after.agents.map((a) => a.name)).toContain('Lucía');
    expect(after.tags.map((t) => t.name)).toEqual(['refund']);
    expect(after.conversation.notes.map((n) => n.text)).toEqual(['Refund?']);
    expect(after.replies.map((r) => r.state)).toEqual(['sent']);
    expect(after.rules.map((r) => r.name)).toEqual(['Dutch']);
    expect(after.trail.slice(before.trail.length).map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'agent.created',
        'conversation.status',
        'conversation.tagged',
        'note.added',
        'reply.queued',
        'reply.sent',
        'rule.changed',
      ]),
    );
    expect(after.audit).toMatchObject({ intact: true });
  });

  it('answers storage_full while the disk has no room for a write, and takes it once there is', async () => {
    const { dir, service, faults, manager, target } = await setUp();
    const before = (await auditEntries(dir)).length;
    faults.full();
    // A long note (stored with its entry, each over a page) needs pages the full disk has not.
    const text = 'The customer sent the whole order history. '.repeat(90);
    const failure = await service
      .addNote({ conversationId: target.id, text }, manager)
      .catch((err: unknown) => err);
    expect(failure).toMatchObject({ code: 'storage_full', details: { errno: 'SQLITE_FULL' } });
    expect((failure as Error).message).toContain(`The data folder ${dir} is full (SQLITE_FULL`);
    expect((await service.getConversation({ id: target.id })).notes).toEqual([]);
    expect(await auditEntries(dir)).toHaveLength(before);

    faults.clear();
    await service.addNote({ conversationId: target.id, text }, manager);
    expect((await service.getConversation({ id: target.id })).notes).toHaveLength(1);
    expect(await service.verifyAudit()).toMatchObject({ intact: true, entries: before + 1 });
  });

  it('keeps a change whose settings file the disk refused after the store took it, and writes the file at the next start', async () => {
    const { dir, service, fs, manager, jan, open } = await setUp();
    const settings = () => readFile(join(dir, 'workspace.json'), 'utf8');
    const file = await settings();
    fs.fail({ code: 'EACCES', ops: ['rename'], path: (p) => basename(p) === 'workspace.json' });
    const removed = await service.removeAgent({ id: jan.agent.id }, manager);
    expect(removed.agent.removedAt).not.toBeNull();
    expect(fs.injected.length).toBeGreaterThan(0);
    expect(service.authenticate(jan.token)).toBeNull();
    expect(await settings()).toBe(file); // the old file, as it was

    await service.close();
    fs.clear();
    const reopened = await open();
    expect(reopened.authenticate(jan.token)).toBeNull();
    expect((await reopened.listAgents()).find((a) => a.id === jan.agent.id)?.removedAt).toBe(
      removed.agent.removedAt,
    );
    expect(JSON.parse(await settings())).toMatchObject({
      agents: expect.arrayContaining([
        expect.objectContaining({ id: jan.agent.id, removedAt: removed.agent.removedAt }),
      ]),
    });
    expect((await auditEntries(dir)).filter((e) => e.action === 'agent.removed')).toHaveLength(1);
    expect(await reopened.verifyAudit()).toMatchObject({ intact: true });
  });

  it('stores nothing of a sync pass the store refuses, and everything once it takes writes', async () => {
    const { dir, service, faults, x } = await setUp({ sync: [] });
    const before = (await auditEntries(dir)).length;
    faults.readOnly();
    await expect(service.syncAccountOnce(x.id)).rejects.toMatchObject({
      code: 'storage_unavailable',
    });
    expect((await service.listConversations({})).total).toBe(0);
    expect(await auditEntries(dir)).toHaveLength(before);

    faults.clear();
    await service.syncAccountOnce(x.id);
    expect((await service.listConversations({})).total).toBeGreaterThan(0);
    const arrivals = (await auditEntries(dir)).filter((e) => e.action === 'post.arrived');
    expect(arrivals.length).toBeGreaterThan(0);
    expect(new Set(arrivals.map((e) => e.details.postId)).size).toBe(arrivals.length);
    expect(await service.verifyAudit()).toMatchObject({ intact: true });
  });

  it('keeps syncing while the store refuses writes: the account says why, and the posts are stored once it takes them', async () => {
    const { service, faults } = await setUp({
      sync: [],
      service: { pollIntervalMs: 60_000, retryBaseMs: 20 },
    });
    const statuses: string[] = [];
    service.onEvent((event) => {
      if (event.type === 'account.status' && event.account.sync.message)
        statuses.push(event.account.sync.message);
    });
    faults.readOnly();
    service.startSync();
    await expect
      .poll(() => statuses.some((m) => m.includes('cannot be used (SQLITE_READONLY')), {
        timeout: 10_000,
      })
      .toBe(true);
    expect((await service.listConversations({})).total).toBe(0);
    faults.clear();
    await expect
      .poll(async () => (await service.listConversations({})).total, { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await service.verifyAudit()).toMatchObject({ intact: true });
  });
});
