import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxError } from '../src/shared';
import type { InboxClient, InboxEvent } from '../src/shared';
import { MemorySecretStore } from '../src/core/secrets/secret-store';
import { tempDir } from '../src/core/test/fixtures';
import { BRAND_X, PAGE, smallScenario } from '../src/core/test/scenario';
import { parseScenario } from '../src/emulator/scenario';
import { startEmulator } from '../src/emulator/server';
import { parseHubConfig } from '../src/hub/config';
import { runHub } from '../src/hub/run-hub';
import type { RunningHub } from '../src/hub/run-hub';
import { parseDesktopConfig } from './config';
import { createIpcDispatcher } from './ipc';
import { openInbox } from './inbox';
import { TeamHubLink, hubApi, hubSettingsFile, verifyHub, withTeamHub } from './team-hub';

const SENDER = { appWindowMainFrame: true, url: 'file:///app/index.html' };
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let hub: RunningHub;
let jan: string;
let root: string;
let cleanup: () => Promise<void>;

// A real hub over loopback, as a team runs it, with an agent whose token the desktop app holds.
beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  emulator = await startEmulator({ scenario: parseScenario(smallScenario()), port: 0 });
  const { config } = parseHubConfig(
    ['--port', '0', '--data', join(root, 'hub'), '--x-base-url', emulator.xBaseUrl],
    { SOCIAL_INBOX_GRAPH_BASE_URL: emulator.graphBaseUrl },
  );
  hub = await runHub(config, {
    team: [
      { name: 'Camille', role: 'manager' },
      { name: 'Jan', role: 'agent', languages: ['nl'] },
    ],
  });
  jan = hub.newAgents.find((a) => a.agent.name === 'Jan')!.token;
  await hub.service.connectAccount({ platform: 'x', token: BRAND_X.token });
  await hub.service.connectAccount({ platform: 'facebook', token: PAGE.token });
});

afterAll(async () => {
  await hub.close();
  await emulator.close();
  await cleanup();
});

describe('the desktop app in a team hub', () => {
  it('calls the hub as the agent whose token it holds, events included', async () => {
    const api = hubApi(hub.url, jan, { client: 'desktop:laptop-7' });
    expect(await api.whoAmI({})).toMatchObject({ name: 'Jan', role: 'agent' });
    const events: InboxEvent[] = [];
    const stop = api.onEvent((e) => events.push(e));
    await expect
      .poll(async () => {
        await hub.service.syncAccountOnce(`x:${BRAND_X.id}`);
        return events.some((e) => e.type === 'conversation.changed');
      })
      .toBe(true);
    stop();
    const page = await api.listConversations({ platform: 'x' });
    expect(page.total).toBeGreaterThan(0);
    // An agent is refused what only a manager may do, by the hub.
    await expect(api.createAgent({ name: 'Eve' })).rejects.toMatchObject({ code: 'forbidden' });

    // A reply made from this desktop says so.
    const target = page.items[0]!;
    await api.sendReply({
      conversationId: target.id,
      replyTo: target.rootPostId,
      text: 'Dank je!',
    });
    await hub.service.replies().idle();
    const sent = hub.service
      .replies()
      .list()
      .find((r) => r.text === 'Dank je!');
    expect(sent).toMatchObject({ client: 'desktop:laptop-7', state: 'sent' });
    expect(sent?.agentId).toBe((await api.whoAmI({})).id);
  });

  it('carries the window’s Idempotency-Key from IPC to the hub: a write sent twice is made once', async () => {
    const api = hubApi(hub.url, jan, { client: 'desktop:laptop-7' });
    const dispatch = createIpcDispatcher(api, () => true);
    const { items } = await api.listConversations({ platform: 'x' });
    const target = items[0]!;
    const input = { conversationId: target.id, text: 'Checking with the barista team' };
    const options = { idempotencyKey: 'desktop-team-action-1' };
    const first = await dispatch('notes:add', SENDER, input, options);
    expect(first.ok).toBe(true);
    expect(await dispatch('notes:add', SENDER, input, options)).toEqual(first);
    const notes = (await api.getConversation({ id: target.id })).notes;
    expect(notes.filter((n) => n.text === input.text)).toHaveLength(1);
    expect(
      await dispatch('notes:add', SENDER, { ...input, text: 'Something else' }, options),
    ).toMatchObject({ ok: false, error: { code: 'idempotency_mismatch' } });
  });

  it('checks the address and the token before keeping them', async () => {
    await expect(verifyHub(hub.url, 'sia_wrong-token-123', 'desktop:x')).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'The hub does not know this token: check it with your manager',
    });
    await expect(verifyHub('http://127.0.0.1:9', jan, 'desktop:x')).rejects.toMatchObject({
      code: 'unavailable',
    });
    expect((await verifyHub(`${hub.url}/some/page`, jan, 'desktop:x')).origin).toBe(hub.url);
  });

  it('keeps the token in the secret store and only the address in its settings file', async () => {
    const secrets = new MemorySecretStore();
    const file = hubSettingsFile(join(root, 'desktop'));
    const link = new TeamHubLink(file, secrets);
    expect(await link.current()).toBeNull();
    const restarts: string[] = [];
    const solo = {
      connectHub: () => Promise.reject(new Error('not here')),
    } as unknown as InboxClient;
    const api = withTeamHub(solo, link, {
      client: 'desktop:x',
      restart: () => restarts.push('restart'),
    });

    await expect(
      api.connectHub({ url: hub.url, token: 'sia_nobody-has-this-one' }),
    ).rejects.toBeInstanceOf(InboxError);
    expect(await link.current()).toBeNull();
    expect(restarts).toEqual([]);

    expect(await api.connectHub({ url: hub.url, token: ` ${jan} ` })).toMatchObject({
      name: 'Jan',
    });
    expect(restarts).toEqual(['restart']);
    expect(await link.current()).toEqual({ origin: hub.url, token: jan });
    expect(await secrets.get(`hub:${hub.url}`)).toBe(jan);
    expect(await readFile(file, 'utf8')).not.toContain(jan);

    // Started again, the app opens the hub's queue instead of the solo inbox.
    const opened = await openInbox({
      config: { ...parseDesktopConfig([], {}), demo: 'off' },
      dataDir: join(root, 'desktop', 'data'),
      scenarioPath: '',
      clientName: 'desktop:x',
      teamHub: link,
      secrets: new MemorySecretStore(),
    });
    expect(opened.mode).toBe('team');
    expect(await opened.service.whoAmI({})).toMatchObject({ name: 'Jan' });
    await opened.close();

    await api.leaveHub({});
    expect(await link.current()).toBeNull();
    expect(await secrets.get(`hub:${hub.url}`)).toBeNull();
    expect(restarts).toEqual(['restart', 'restart']);
  });
});
