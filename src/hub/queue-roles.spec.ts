import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxService } from '../core/service';
import { conversation, tempDir } from '../core/test/fixtures';
import { createHubServer } from './server';
import { seedStore } from '../core/test/seed-store';

let service: InboxService;
let server: FastifyInstance;
let base: string;
let cleanup: () => Promise<void>;
const tokens: Record<'camille' | 'jan' | 'lucia', string> = { camille: '', jan: '', lucia: '' };

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  await seedStore(temp.dir, {
    conversations: [
      conversation({ id: 'x:1', tags: ['refund'] }),
      conversation({ id: 'x:2', tags: ['refund'] }),
    ],
  });
  service = await InboxService.open({ dataDir: temp.dir });
  tokens.camille = (await service.createAgent({ name: 'Camille', role: 'manager' })).token;
  tokens.jan = (await service.createAgent({ name: 'Jan' })).token;
  tokens.lucia = (await service.createAgent({ name: 'Lucía' })).token;
  server = await createHubServer({ api: service, authenticate: (t) => service.authenticate(t) });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await server.close();
  await service.close();
  await cleanup();
});

async function call(
  who: keyof typeof tokens,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
) {
  const res = await fetch(base + path, {
    method,
    headers: {
      authorization: `Bearer ${tokens[who]}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const envelope = (await res.json()) as {
    ok: boolean;
    result?: unknown;
    error?: { code: string };
  };
  return { status: res.status, ...envelope };
}

describe('tags and views at the hub', () => {
  it('lets only a manager rename, recolour or delete a tag', async () => {
    for (const [path, body] of [
      ['/api/tags/rename', { name: 'refund', newName: 'money back' }],
      ['/api/tags/delete', { name: 'refund' }],
      ['/api/tags', { name: 'refund', color: 'red' }],
    ] as const) {
      const refused = await call('jan', 'POST', path, body);
      expect(refused.status).toBe(403);
      expect(refused.error?.code).toBe('forbidden');
    }
    expect((await call('jan', 'GET', '/api/tags')).result).toEqual([
      { name: 'refund', color: 'gray', count: 2 },
    ]);
    const renamed = await call('camille', 'POST', '/api/tags/rename', {
      name: 'refund',
      newName: 'money back',
    });
    expect(renamed.result).toEqual({ tag: { name: 'money back', color: 'gray' }, updated: 2 });
  });

  it('keeps an agent’s saved views invisible to another', async () => {
    const saved = await call('jan', 'POST', '/api/views', {
      name: 'Dutch, unassigned',
      filters: { language: 'nl', assignee: 'unassigned', sort: 'oldest' },
    });
    expect(saved.status).toBe(200);
    expect((await call('jan', 'GET', '/api/views')).result).toEqual([saved.result]);
    expect((await call('lucia', 'GET', '/api/views')).result).toEqual([]);
    const id = (saved.result as { id: string }).id;
    expect((await call('lucia', 'POST', '/api/views/delete', { id })).status).toBe(404);
    expect((await call('jan', 'GET', '/api/views')).result).toHaveLength(1);
  });

  it('applies a bulk change for an agent and reports each conversation', async () => {
    const res = await call('jan', 'POST', '/api/conversations/update-many', {
      changes: [
        { id: 'x:1', version: 2, status: 'pending' },
        { id: 'x:2', version: 1, status: 'pending' },
      ],
    });
    expect(res.status).toBe(200);
    expect(
      (res.result as { results: { outcome: string }[] }).results.map((r) => r.outcome),
    ).toEqual(['applied', 'conflict']);
  });

  it('refuses a bulk call naming a conversation twice, and an assignee who left, changing nothing', async () => {
    const twice = await call('jan', 'POST', '/api/conversations/update-many', {
      changes: [
        { id: 'x:1', version: 3, status: 'open' },
        { id: 'x:1', version: 3, status: 'done' },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.error).toMatchObject({
      code: 'bad_request',
      details: [
        {
          path: 'changes',
          message: 'the same conversation appears more than once in one call: x:1',
        },
      ],
    });
    const agents = (await call('camille', 'GET', '/api/agents')).result as {
      id: string;
      name: string;
    }[];
    const lucia = agents.find((a) => a.name === 'Lucía')!;
    expect((await call('camille', 'POST', '/api/agents/remove', { id: lucia.id })).status).toBe(
      200,
    );
    for (const [path, body] of [
      ['/api/conversations/update', { id: 'x:1', version: 3, assignee: lucia.id }],
      [
        '/api/conversations/update-many',
        { changes: [{ id: 'x:1', version: 3, assignee: lucia.id }] },
      ],
    ] as const) {
      const refused = await call('jan', 'POST', path, body);
      expect(refused.status).toBe(400);
      expect(refused.error).toMatchObject({
        message: 'Lucía is no longer on the team: assign it to someone who is',
      });
    }
    const detail = (await call('jan', 'GET', '/api/conversations/x%3A1')).result as {
      conversation: { version: number; status: string; assignee: string | null };
    };
    expect(detail.conversation).toMatchObject({ version: 3, status: 'pending', assignee: null });
  });
});
