import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, ConversationDetail, Envelope } from '../shared';
import { conversation, tempDir } from '../core/test/fixtures';
import { parseHubConfig } from './config';
import { runHub } from './run-hub';
import type { RunningHub } from './run-hub';
import { auditEntries } from '../core/test/data-folder';
import { seedStore } from '../core/test/seed-store';
import { SqliteStore } from '../core/store/sql/sqlite-store';
import { systemClock } from '../core/time/clock';

let dir: string;
let cleanup: () => Promise<void>;
let hub: RunningHub;
let camille: string;
let jan: string;

/** A hub on a data folder; the platforms are never called (no account is connected). */
async function startHub(): Promise<RunningHub> {
  const { config } = parseHubConfig(
    ['--port', '0', '--data', dir, '--x-base-url', 'http://127.0.0.1:9'],
    { SOCIAL_INBOX_GRAPH_BASE_URL: 'http://127.0.0.1:9' },
  );
  return runHub(config, {
    team: [
      { name: 'Camille', role: 'manager' },
      { name: 'Jan', role: 'agent' },
    ],
  });
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await seedStore(dir, {
    conversations: ['x:1', 'x:2', 'x:3', 'x:4', 'x:5'].map((id) => conversation({ id })),
  });
  hub = await startHub();
  camille = hub.newAgents.find((a) => a.agent.name === 'Camille')!.token;
  jan = hub.newAgents.find((a) => a.agent.name === 'Jan')!.token;
});

afterAll(async () => {
  await hub.close();
  await cleanup();
});

interface Answer {
  status: number;
  text: string;
}

async function post(path: string, body: unknown, key?: string, token = jan): Promise<Answer> {
  const res = await fetch(hub.url + path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

const envelope = (answer: Answer) => JSON.parse(answer.text) as Envelope<unknown>;

async function detail(id: string): Promise<ConversationDetail> {
  const res = await fetch(`${hub.url}/api/conversations/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${jan}` },
  });
  return (JSON.parse(await res.text()) as { result: ConversationDetail }).result;
}

async function trail(): Promise<AuditEntry[]> {
  return auditEntries(dir);
}

describe('Idempotency-Key at the hub, over loopback', () => {
  it('applies a write sent twice with the same key once, and answers both alike', async () => {
    const note = { conversationId: 'x:1', text: 'Called the customer back' };
    const first = await post('/api/notes', note, 'key-note-0001');
    const again = await post('/api/notes', note, 'key-note-0001');
    expect(first.status).toBe(200);
    expect(again).toEqual(first);
    expect((await detail('x:1')).notes.map((n) => n.text)).toEqual(['Called the customer back']);

    const change = { id: 'x:1', version: 1, status: 'open' };
    const changed = await post('/api/conversations/update', change, 'key-status-0001');
    const retried = await post('/api/conversations/update', change, 'key-status-0001');
    expect(retried).toEqual(changed);
    expect(envelope(changed)).toMatchObject({ ok: true, result: { status: 'open', version: 2 } });
    expect((await detail('x:1')).conversation.version).toBe(2);
    const statusChanges = (await trail()).filter(
      (e) => e.conversationId === 'x:1' && e.action === 'conversation.status',
    );
    expect(statusChanges).toHaveLength(1);
  });

  it('without a key, the same write is made twice (as before keys)', async () => {
    const note = { conversationId: 'x:2', text: 'No key' };
    await post('/api/notes', note);
    await post('/api/notes', note);
    expect((await detail('x:2')).notes).toHaveLength(2);
  });

  it('answers a retry that arrives while the first runs with the same answer', async () => {
    const note = { conversationId: 'x:3', text: 'Sent twice at once' };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => post('/api/notes', note, 'key-concurrent-01')),
    );
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect((await detail('x:3')).notes).toHaveLength(1);
  });

  it('refuses the same key for another body or another call, changing nothing', async () => {
    await post('/api/notes', { conversationId: 'x:4', text: 'First' }, 'key-mismatch-01');
    const otherBody = await post(
      '/api/notes',
      { conversationId: 'x:4', text: 'Second' },
      'key-mismatch-01',
    );
    expect(otherBody.status).toBe(422);
    expect(envelope(otherBody)).toMatchObject({
      ok: false,
      error: { code: 'idempotency_mismatch' },
    });
    const otherCall = await post(
      '/api/conversations/update',
      { id: 'x:4', version: 1, status: 'done' },
      'key-mismatch-01',
    );
    expect(otherCall.status).toBe(422);
    const now = await detail('x:4');
    expect(now.notes.map((n) => n.text)).toEqual(['First']);
    expect(now.conversation).toMatchObject({ status: 'new', version: 1 });
  });

  it('keeps keys per agent, answers an error again as it was, refuses a malformed key', async () => {
    const note = { conversationId: 'x:5', text: 'Same key, two agents' };
    await post('/api/notes', note, 'key-per-agent-1', jan);
    await post('/api/notes', note, 'key-per-agent-1', camille);
    expect((await detail('x:5')).notes.map((n) => n.author)).toHaveLength(2);

    const stale = { id: 'x:5', version: 7, status: 'done' };
    const conflict = await post('/api/conversations/update', stale, 'key-conflict-01');
    expect(conflict.status).toBe(409);
    expect(await post('/api/conversations/update', stale, 'key-conflict-01')).toEqual(conflict);

    const bad = await post('/api/notes', note, 'short');
    expect(bad.status).toBe(400);
    expect(envelope(bad)).toMatchObject({ error: { message: /Idempotency-Key/ } });
    // A GET changes nothing: a key on it is ignored.
    const listed = await fetch(`${hub.url}/api/conversations`, {
      headers: { authorization: `Bearer ${jan}`, 'idempotency-key': 'x' },
    });
    expect(listed.status).toBe(200);
  });

  it('recognises a retry after the hub restarts on the same data folder', async () => {
    const change = { id: 'x:2', version: 1, priority: 'urgent' };
    const first = await post('/api/conversations/update', change, 'key-restart-0001');
    expect(first.status).toBe(200);
    await hub.close();
    hub = await startHub();
    expect(hub.newAgents).toEqual([]);
    const retried = await post('/api/conversations/update', change, 'key-restart-0001');
    expect(retried).toEqual(first);
    expect((await detail('x:2')).conversation).toMatchObject({ priority: 'urgent', version: 2 });
    const mismatch = await post(
      '/api/conversations/update',
      { ...change, priority: 'low' },
      'key-restart-0001',
    );
    expect(mismatch.status).toBe(422);
    // The store keeps the key, never a personal token.
    const reader = SqliteStore.open(dir, { clock: systemClock, readOnly: true });
    const kept = JSON.stringify(await reader.keys.live(0));
    await reader.close();
    expect(kept).toContain('key-restart-0001');
    expect(kept).not.toContain(jan);
  });
});
