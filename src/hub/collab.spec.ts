import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Envelope, InboxEvent, Note, Presence } from '../shared';
import { conversation, tempDir } from '../core/test/fixtures';
import { parseHubConfig } from './config';
import { runHub } from './run-hub';
import type { RunningHub } from './run-hub';
import { seedStore } from '../core/test/seed-store';

let hub: RunningHub;
let cleanup: () => Promise<void>;
const token: Record<string, string> = {};
const id: Record<string, string> = {};

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  await seedStore(temp.dir, {
    conversations: [conversation({ id: 'x:1' }), conversation({ id: 'x:2' })],
  });
  const { config } = parseHubConfig(['--port', '0', '--data', temp.dir], {});
  hub = await runHub(config, {
    team: [
      { name: 'Camille Laurent', role: 'manager' },
      { name: 'Jan de Wit', role: 'agent' },
      { name: 'Lucía Ortega', role: 'agent' },
    ],
  });
  for (const { agent, token: t } of hub.newAgents) {
    token[agent.name.split(' ')[0]!] = t;
    id[agent.name.split(' ')[0]!] = agent.id;
  }
});

afterAll(async () => {
  await hub.close();
  await cleanup();
});

const auth = (who: string) => ({ authorization: `Bearer ${token[who]}` });

async function call<T>(who: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await fetch(hub.url + path, {
    method,
    headers: { ...auth(who), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const envelope = (await response.json()) as Envelope<T>;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.result;
}

/** An agent's live event connection, recording what it receives. */
async function listen(who: string) {
  const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/api/events`, { headers: auth(who) });
  const events: InboxEvent[] = [];
  ws.on('message', (data) => events.push(JSON.parse(String(data)) as InboxEvent));
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  const closed = new Promise((resolve) => ws.on('close', resolve));
  return {
    events,
    close: async () => {
      ws.close();
      await closed;
    },
  };
}

const presenceOf = (events: InboxEvent[], agentId: string) =>
  events.filter(
    (e): e is Extract<InboxEvent, { type: 'presence' }> =>
      e.type === 'presence' && e.agentId === agentId,
  );

describe('presence and notes through the hub', () => {
  it("shows Jan's presence to Lucía live, and drops it when Jan's connection closes", async () => {
    const jan = await listen('Jan');
    const lucia = await listen('Lucía');
    await call('Jan', 'POST', '/api/presence', { conversationId: 'x:1', activity: 'viewing' });
    await expect
      .poll(() => presenceOf(lucia.events, id.Jan!), { timeout: 1000 })
      .toEqual([{ type: 'presence', agentId: id.Jan, conversationId: 'x:1', activity: 'viewing' }]);
    await call('Jan', 'POST', '/api/presence', { conversationId: 'x:1', activity: 'replying' });
    await expect
      .poll(() => presenceOf(lucia.events, id.Jan!).at(-1)?.activity, { timeout: 1000 })
      .toBe('replying');

    // Someone connecting now gets it from the list.
    const now = await call<Presence[]>('Camille', 'GET', '/api/presence');
    expect(now).toMatchObject([{ agentId: id.Jan, conversationId: 'x:1', activity: 'replying' }]);

    await jan.close();
    await expect
      .poll(() => presenceOf(lucia.events, id.Jan!).at(-1), { timeout: 1000 })
      .toEqual({ type: 'presence', agentId: id.Jan, conversationId: null, activity: 'idle' });
    expect(await call<Presence[]>('Camille', 'GET', '/api/presence')).toEqual([]);
    await lucia.close();
  });

  it('keeps presence while the agent has another connection open', async () => {
    const first = await listen('Jan');
    const second = await listen('Jan');
    await call('Jan', 'POST', '/api/presence', { conversationId: 'x:2', activity: 'viewing' });
    await first.close();
    expect(await call<Presence[]>('Lucía', 'GET', '/api/presence')).toMatchObject([
      { agentId: id.Jan, conversationId: 'x:2' },
    ]);
    await second.close();
    await expect.poll(() => call<Presence[]>('Lucía', 'GET', '/api/presence')).toEqual([]);
  });

  it('pushes a note mentioning Lucía to her, with the mention read by the hub', async () => {
    const lucia = await listen('Lucía');
    const note = await call<Note>('Jan', 'POST', '/api/notes', {
      conversationId: 'x:1',
      text: '@Lucia, she writes in Spanish: can you take it?',
    });
    expect(note.mentions).toEqual([id.Lucía]);
    await expect
      .poll(() => lucia.events.find((e) => e.type === 'note.added'), { timeout: 1000 })
      .toEqual({ type: 'note.added', note });
    const detail = await call<{ notes: Note[] }>('Lucía', 'GET', '/api/conversations/x%3A1');
    expect(detail.notes).toEqual([note]);
    await lucia.close();
  });

  it('refuses presence and notes without a signed-in agent or on an unknown conversation', async () => {
    const anonymous = await fetch(`${hub.url}/api/presence`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: 'x:1', activity: 'viewing' }),
    });
    expect(anonymous.status).toBe(401);
    await expect(
      call('Jan', 'POST', '/api/presence', { conversationId: 'x:404', activity: 'viewing' }),
    ).rejects.toThrow('No conversation with id x:404');
    await expect(
      call('Jan', 'POST', '/api/presence', { conversationId: null, activity: 'viewing' }),
    ).rejects.toThrow('Invalid input');
  });
});
