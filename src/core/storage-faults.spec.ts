import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CallContext } from '../shared';
import type { InboxService } from './service';
import { auditEntries, folderContents } from './test/data-folder';
import { FaultyFileSystem } from './test/faulty-file-system';
import { inboxOnEmulator, useCleanups } from './test/inbox-harness';

const cleanup = useCleanups();

/** An inbox on the emulator, synced, whose writes go through a file system that fails on demand. */
async function setUp() {
  const fs = new FaultyFileSystem();
  const inbox = await inboxOnEmulator(cleanup, { service: { fileSystem: fs } });
  const { service } = inbox;
  const camille = await service.createAgent({ name: 'Camille', role: 'manager' });
  const jan = await service.createAgent({ name: 'Jan', languages: ['nl'] });
  const manager: CallContext = { agent: camille.agent, client: 'browser' };
  const { items } = await service.listConversations({ platform: 'x', sort: 'oldest' });
  return { ...inbox, fs, manager, jan, target: items[0]! };
}

/** The data folder's files once the inbox has finished writing (replies sent, head written). */
async function settled(dir: string, service: InboxService) {
  await service.replies().idle();
  expect(await service.verifyAudit()).toMatchObject({ intact: true });
  return folderContents(dir);
}

/** What a failed call must leave: the same files, the same trail, intact. */
async function unchanged(dir: string, before: Record<string, string>, service: InboxService) {
  expect(await settled(dir, service)).toEqual(before);
}

describe('storage faults in the inbox', () => {
  it('answers a write on a full disk with storage_full naming the folder, changes nothing, and takes writes again once there is room', async () => {
    const { dir, service, fs, manager } = await setUp();
    const before = await settled(dir, service);
    const agents = await service.listAgents();
    fs.fail({ code: 'ENOSPC' });

    const failure = await service
      .createAgent({ name: 'Lucía' }, manager)
      .catch((err: unknown) => err);
    expect(failure).toMatchObject({ code: 'storage_full', details: { errno: 'ENOSPC' } });
    expect((failure as Error).message).toContain(`The data folder ${dir} is full (ENOSPC`);
    await expect(service.saveTag({ name: 'refund', color: 'red' })).rejects.toMatchObject({
      code: 'storage_full',
    });
    await expect(
      service.saveView({ name: 'Mine', filters: { assignee: 'mine' } }, manager),
    ).rejects.toMatchObject({ code: 'storage_full' });
    expect(await service.listAgents()).toEqual(agents);
    expect(await service.listTags()).toEqual([]);
    await unchanged(dir, before, service);

    fs.clear();
    const lucia = await service.createAgent({ name: 'Lucía' }, manager);
    await service.saveTag({ name: 'refund', color: 'red' });
    expect(service.authenticate(lucia.token)?.name).toBe('Lucía');
    expect((await service.listTags()).map((t) => t.name)).toEqual(['refund']);
    expect(await service.verifyAudit()).toMatchObject({ intact: true });
  });

  it('keeps a removed agent removed, and one whose removal failed on the team, across a restart', async () => {
    const { dir, service, fs, manager, jan, open } = await setUp();
    const before = await settled(dir, service);
    // The audit entry is written, then the workspace refuses: the entry is taken back.
    fs.fail({ code: 'EACCES', ops: ['rename'], path: (p) => basename(p) === 'workspace.json' });
    await expect(service.removeAgent({ id: jan.agent.id }, manager)).rejects.toMatchObject({
      code: 'storage_unavailable',
      message: expect.stringContaining(`The data folder ${dir} cannot be written (EACCES`),
    });
    expect(service.authenticate(jan.token)?.id).toBe(jan.agent.id);
    await unchanged(dir, before, service);

    fs.clear();
    await service.removeAgent({ id: jan.agent.id }, manager);
    expect(service.authenticate(jan.token)).toBeNull();
    await service.close();
    const reopened = await open();
    expect(reopened.authenticate(jan.token)).toBeNull();
    expect((await auditEntries(dir)).filter((e) => e.action === 'agent.removed')).toHaveLength(1);
    expect(await reopened.verifyAudit()).toMatchObject({ intact: true });
  });

  it.each([
    ['the audit trail', 'audit.jsonl', 'write'],
    ['the conversation journal', 'conversations.jsonl', 'write'],
    ['the record of the change under way', 'unfinished-change.json', 'open'],
    ['the tag registry', 'workspace.json', 'rename'],
  ] as const)(
    'keeps neither a triage change nor its audit entry when %s refuses the write',
    async (_what, file, op) => {
      const { dir, service, fs, manager, target } = await setUp();
      const before = await settled(dir, service);
      fs.fail({ code: 'ENOSPC', ops: [op], path: (p) => basename(p) === file });
      const change = { id: target.id, version: target.version, status: 'open' as const };
      await expect(
        service.updateConversation({ ...change, addTags: ['urgent-refund'] }, manager),
      ).rejects.toMatchObject({ code: 'storage_full' });
      expect(fs.injected.length).toBeGreaterThan(0);
      expect((await service.getConversation({ id: target.id })).conversation).toEqual(target);
      expect((await service.listConversations({ status: 'open' })).total).toBe(0);
      expect(await service.listTags()).toEqual([]);
      await unchanged(dir, before, service);

      fs.clear();
      const next = await service.updateConversation(
        { ...change, addTags: ['urgent-refund'] },
        manager,
      );
      expect(next).toMatchObject({ version: target.version + 1, status: 'open' });
      const added = (await auditEntries(dir)).slice(
        (before['audit.jsonl'] ?? '').split('\n').length - 1,
      );
      expect(added.map((e) => e.action)).toEqual(['conversation.status', 'conversation.tagged']);
      expect(await service.verifyAudit()).toMatchObject({ intact: true });
    },
  );

  it('takes back at the next start a change a crash left half written', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { dir, service, fs, manager, target, open } = await setUp();
    const before = await settled(dir, service);
    // The entry and the change reach the disk, then nothing can be removed or cut: what a crash
    // between the two writes and the end of the change leaves.
    fs.fail({ code: 'EIO', ops: ['unlink', 'truncate'] });
    await expect(
      service.updateConversation(
        { id: target.id, version: target.version, status: 'done' },
        manager,
      ),
    ).rejects.toMatchObject({ code: 'storage_unavailable' });
    expect((await service.getConversation({ id: target.id })).conversation).toEqual(target);
    const left = await folderContents(dir);
    expect(left['unfinished-change.json']).toBeDefined();
    expect(left['audit.jsonl']!.length).toBeGreaterThan(before['audit.jsonl']!.length);
    await service.close();

    fs.clear();
    const reopened = await open();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/was taken back/));
    warn.mockRestore();
    expect((await reopened.getConversation({ id: target.id })).conversation).toEqual(target);
    expect((await auditEntries(dir)).length).toBe(before['audit.jsonl']!.split('\n').length - 1);
    expect(await reopened.verifyAudit()).toMatchObject({ intact: true });
  });

  it('puts a change that could not be taken back away before the next write, without a restart', async () => {
    const { dir, service, fs, manager, target, open } = await setUp();
    const count = (await auditEntries(dir)).length;
    fs.fail({ code: 'EIO', ops: ['unlink', 'truncate'] });
    await expect(
      service.updateConversation(
        { id: target.id, version: target.version, status: 'done' },
        manager,
      ),
    ).rejects.toMatchObject({ code: 'storage_unavailable' });
    fs.clear();
    await service.updateConversation(
      { id: target.id, version: target.version, status: 'pending' },
      manager,
    );
    const entries = await auditEntries(dir);
    expect(entries.slice(count).map((e) => [e.action, e.details])).toEqual([
      ['conversation.status', { from: target.status, to: 'pending' }],
    ]);
    expect(await service.verifyAudit()).toMatchObject({ intact: true });
    await service.close();
    const reopened = await open();
    expect((await reopened.getConversation({ id: target.id })).conversation).toMatchObject({
      status: 'pending',
      version: target.version + 1,
    });
  });

  it('refuses notes, replies, rules and saved replies on a full disk, then takes them', async () => {
    const { dir, service, fs, manager, target } = await setUp();
    const before = await settled(dir, service);
    fs.fail({ code: 'EDQUOT' });
    const full = { code: 'storage_full' };
    await expect(
      service.addNote({ conversationId: target.id, text: 'Check the refund' }, manager),
    ).rejects.toMatchObject(full);
    await expect(
      service.sendReply(
        { conversationId: target.id, replyTo: target.rootPostId, text: 'Nous regardons.' },
        manager,
      ),
    ).rejects.toMatchObject(full);
    await expect(
      service.saveRule(
        {
          name: 'Dutch',
          enabled: true,
          conditions: { languages: ['nl'] },
          actions: { addTags: ['nl'] },
        },
        manager,
      ),
    ).rejects.toMatchObject(full);
    await expect(
      service.saveSavedReply({ title: 'Sorry', language: 'en', text: 'We are sorry.' }),
    ).rejects.toMatchObject(full);
    expect(service.replies().list()).toEqual([]);
    expect((await service.getConversation({ id: target.id })).notes).toEqual([]);
    await unchanged(dir, before, service);

    fs.clear();
    await service.addNote({ conversationId: target.id, text: 'Check the refund' }, manager);
    await service.sendReply(
      { conversationId: target.id, replyTo: target.rootPostId, text: 'Nous regardons.' },
      manager,
    );
    await service.replies().idle();
    expect(
      service
        .replies()
        .list()
        .map((r) => r.state),
    ).toEqual(['sent']);
    const actions = (await auditEntries(dir)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['note.added', 'reply.queued', 'reply.sent']));
    expect(await service.verifyAudit()).toMatchObject({ intact: true });
  });

  it('stores nothing of a sync pass the disk refuses, and everything once it has room', async () => {
    const fs = new FaultyFileSystem();
    const { dir, service, x } = await inboxOnEmulator(cleanup, {
      sync: [],
      service: { fileSystem: fs },
    });
    const before = await settled(dir, service);
    fs.fail({ code: 'ENOSPC' });
    await expect(service.syncAccountOnce(x.id)).rejects.toMatchObject({ code: 'storage_full' });
    expect((await service.listConversations({})).total).toBe(0);
    await unchanged(dir, before, service);

    fs.clear();
    await service.syncAccountOnce(x.id);
    const { total } = await service.listConversations({});
    expect(total).toBeGreaterThan(0);
    const arrivals = (await auditEntries(dir)).filter((e) => e.action === 'post.arrived');
    expect(new Set(arrivals.map((e) => e.details.postId)).size).toBe(arrivals.length);
    expect(await service.verifyAudit()).toMatchObject({ intact: true });
  });

  it('keeps syncing on a full disk: the account says why, and the posts are stored once there is room', async () => {
    const fs = new FaultyFileSystem();
    const { service } = await inboxOnEmulator(cleanup, {
      sync: [],
      service: { fileSystem: fs, pollIntervalMs: 60_000, retryBaseMs: 20 },
    });
    const statuses: string[] = [];
    service.onEvent((event) => {
      if (event.type === 'account.status' && event.account.sync.message)
        statuses.push(event.account.sync.message);
    });
    fs.fail({ code: 'ENOSPC' });
    service.startSync();
    await expect
      .poll(() => statuses.some((m) => m.includes('is full (ENOSPC')), { timeout: 10_000 })
      .toBe(true);
    expect((await service.listConversations({})).total).toBe(0);
    fs.clear();
    await expect
      .poll(async () => (await service.listConversations({})).total, { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await service.verifyAudit()).toMatchObject({ intact: true });
  });

  it('opens an inbox whose conversation journal has a torn line in the middle, with the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { dir, service, open } = await setUp();
    await service.close();
    const path = join(dir, 'conversations.jsonl');
    const lines = (await readFile(path, 'utf8')).split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(3);
    await writeFile(path, [lines[0], lines[1]!.slice(0, 40), ...lines.slice(2)].join('\n') + '\n');
    const kept = new Set<string>();
    for (const line of [lines[0]!, ...lines.slice(2)]) {
      const record = JSON.parse(line) as { id: string; removed?: true };
      if (record.removed) kept.delete(record.id);
      else kept.add(record.id);
    }

    const reopened = await open();
    const { items } = await reopened.listConversations({ limit: 100 });
    expect(new Set(items.map((c) => c.id))).toEqual(kept);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/conversations\.jsonl: line 2 \(not valid JSON\) set aside/),
    );
    warn.mockRestore();
    expect(await reopened.verifyAudit()).toMatchObject({ intact: true });
  });
});
