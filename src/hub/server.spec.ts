import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { InboxService } from '../core/service';
import { ConversationStore } from '../core/store/conversation-store';
import { PostStore } from '../core/store/post-store';
import { conversation, post, tempDir } from '../core/test/fixtures';
import { createHubServer } from './server';

let service: InboxService;
let server: FastifyInstance;
let base: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  // A store written by the real store classes, as a previous run would leave it.
  const posts = await PostStore.open(temp.dir);
  await posts.add([post({ externalId: '1', conversationId: 'x:1' })]);
  await posts.close();
  const conversations = await ConversationStore.open(temp.dir);
  await conversations.put([
    conversation({ id: 'x:1' }),
    conversation({
      id: 'facebook:2',
      platform: 'facebook',
      lastPostAt: '2026-11-20T11:00:00.000Z',
    }),
  ]);
  await conversations.close();

  service = await InboxService.open({ dataDir: temp.dir });
  server = await createHubServer({ api: service });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await server.close();
  await service.close();
  await cleanup();
});

const get = async (path: string) => {
  const res = await fetch(base + path);
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Record<string, unknown>,
  };
};

describe('hub HTTP API', () => {
  it('answers health', async () => {
    expect((await get('/api/health')).body).toEqual({ ok: true });
  });

  it('lists conversations with query filters, in an envelope, with security headers', async () => {
    const all = await get('/api/conversations');
    expect(all.status).toBe(200);
    expect(all.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(all.headers.get('x-content-type-options')).toBe('nosniff');
    const result = all.body.result as { items: { id: string }[]; total: number };
    expect(result.items.map((c) => c.id)).toEqual(['facebook:2', 'x:1']);
    const x = (await get('/api/conversations?platform=x&limit=5')).body.result as {
      items: { id: string }[];
    };
    expect(x.items.map((c) => c.id)).toEqual(['x:1']);
  });

  it('gets one conversation with its posts', async () => {
    const res = await get('/api/conversations/x%3A1');
    expect(res.status).toBe(200);
    const detail = res.body.result as { conversation: { id: string }; posts: { id: string }[] };
    expect(detail.conversation.id).toBe('x:1');
    expect(detail.posts.map((p) => p.id)).toEqual(['x:1']);
  });

  it.each([
    ['/api/conversations?limit=0', 400, 'bad_request'],
    ['/api/conversations?platform=myspace', 400, 'bad_request'],
    ['/api/conversations?sort=random', 400, 'bad_request'],
    ['/api/conversations?status=new&status=open', 400, 'bad_request'],
    ['/api/conversations?cursor=forged', 400, 'bad_request'],
    ['/api/conversations?evil=1', 400, 'bad_request'],
    ['/api/conversations/x%3A404', 404, 'not_found'],
    ['/api/nothing-here', 404, 'not_found'],
  ])('answers %s with %i %s and no stack trace', async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.body.ok).toBe(false);
    const error = res.body.error as { code: string; message: string };
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('names the invalid fields', async () => {
    const res = await get('/api/conversations?limit=9999&language=French');
    const details = (res.body.error as { details: { path: string }[] }).details;
    expect(details.map((d) => d.path).sort()).toEqual(['language', 'limit']);
  });

  it('answers a method it does not serve with a typed error', async () => {
    const res = await fetch(`${base}/api/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"oops"',
    });
    const body = (await res.json()) as { ok: boolean; error: { code: string } };
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(body.ok).toBe(false);
  });
});

describe('hub events', () => {
  it('refuses WebSocket listeners from another origin', async () => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/events`, {
      origin: 'https://evil.example',
    });
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(1008);
  });

  it('accepts listeners from its own origin', async () => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/events`, { origin: base });
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () => resolve());
      ws.on('error', reject);
    });
    ws.close();
  });
});
