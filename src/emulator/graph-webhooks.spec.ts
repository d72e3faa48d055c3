import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER_PAGE, PAGE, POST, testScenario } from './test-scenario';
import { parseScenario } from './scenario';
import { startEmulator } from './server';
import type { Emulator } from './server';
import { NEWEST_GRAPH_VERSION } from '../shared';

const SECRET = 'emulator-webhook-secret';
let emulator: Emulator;
let callback: Server;
let callbackUrl: string;
let answerStatus = 200;
const received: { headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  const input = testScenario();
  input.facebook = {
    ...input.facebook!,
    app_id: '1468023750213462',
    app_secret: SECRET,
    // The other Page's token was granted everything but the webhooks' permission.
    pages: input.facebook!.pages.map((p) =>
      p.id === OTHER_PAGE.id
        ? {
            ...p,
            scopes: ['pages_show_list', 'pages_read_engagement', 'pages_manage_engagement'],
          }
        : p,
    ),
  };
  const scenario = parseScenario(input);
  const now = Date.parse(scenario.anchor);
  emulator = await startEmulator({ scenario, port: 0, now: () => now });
  // A callback that echoes the challenge and records deliveries.
  callback = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET') {
      const ok = url.searchParams.get('hub.verify_token') === 'the-verify-token';
      res.writeHead(ok ? 200 : 403).end(ok ? url.searchParams.get('hub.challenge') : 'no');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answerStatus).end();
    });
  });
  await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(callback.address() as { port: number }).port}/hook`;
});

afterAll(async () => {
  await emulator.close();
  await new Promise((resolve) => callback.close(resolve));
});

const graph = (path: string, init: RequestInit = {}) =>
  fetch(`${emulator.graphBaseUrl}/${NEWEST_GRAPH_VERSION}/${path}`, {
    ...init,
    headers: { authorization: `Bearer ${PAGE.token}`, ...init.headers },
  });

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${emulator.url}/__emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

describe('the emulator’s Page webhooks', () => {
  it('serves subscribed_apps: subscribe with fields, list, unsubscribe', async () => {
    const refused = await fetch(
      `${emulator.graphBaseUrl}/${NEWEST_GRAPH_VERSION}/${OTHER_PAGE.id}/subscribed_apps?subscribed_fields=feed`,
      { method: 'POST', headers: { authorization: `Bearer ${OTHER_PAGE.token}` } },
    );
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      'pages_manage_metadata',
    );
    const missing = await graph(`${PAGE.id}/subscribed_apps`, { method: 'POST' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { code: number } }).error.code).toBe(100);
    expect(
      (await graph(`${PAGE.id}/subscribed_apps?subscribed_fields=feed`, { method: 'POST' })).status,
    ).toBe(200);
    const listed = (await (await graph(`${PAGE.id}/subscribed_apps`)).json()) as {
      data: { id: string; subscribed_fields: string[] }[];
    };
    expect(listed.data).toEqual([
      expect.objectContaining({ id: '1468023750213462', subscribed_fields: ['feed'] }),
    ]);
  });

  it('sets up the callback only when it echoes the challenge', async () => {
    const refused = await admin('POST', 'webhooks', {
      callback_url: callbackUrl,
      verify_token: 'another-token',
    });
    expect(refused.status).toBe(400);
    const set = await admin('POST', 'webhooks', {
      callback_url: callbackUrl,
      verify_token: 'the-verify-token',
    });
    expect(set.status).toBe(201);
  });

  it('delivers a signed feed change in Graph’s shape for each comment change', async () => {
    received.length = 0;
    const added = await admin('POST', 'facebook/comments', {
      post_id: POST,
      from: { id: '4000000099', name: 'Ana Lima' },
      message: 'Olá, o meu pedido não chegou.',
    });
    const { id } = ((await added.json()) as { data: { id: string } }).data;
    await admin('POST', `facebook/comments/${id}`, { message: 'O meu pedido ainda não chegou.' });
    await admin('POST', `facebook/comments/${id}`, { is_hidden: true });
    await admin('POST', `facebook/comments/${id}`, { is_hidden: false });
    await admin('DELETE', `facebook/comments/${id}`);
    await emulator.webhooks.idle();
    expect(received).toHaveLength(5);
    for (const { headers, body } of received) {
      expect(headers['x-hub-signature-256']).toBe(
        `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      );
      expect(headers['content-type']).toBe('application/json');
    }
    const payloads = received.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(payloads[0]).toEqual({
      object: 'page',
      entry: [
        {
          id: PAGE.id,
          time: expect.any(Number) as number,
          changes: [
            {
              field: 'feed',
              value: {
                from: { id: '4000000099', name: 'Ana Lima' },
                message: 'Olá, o meu pedido não chegou.',
                post_id: POST,
                comment_id: id,
                created_time: expect.any(Number) as number,
                item: 'comment',
                parent_id: POST,
                verb: 'add',
              },
            },
          ],
        },
      ],
    });
    const verbs = payloads.map(
      (p) =>
        (p as { entry: { changes: { value: { verb: string } }[] }[] }).entry[0]!.changes[0]!.value
          .verb,
    );
    expect(verbs).toEqual(['add', 'edited', 'hide', 'unhide', 'remove']);
    // Graph no longer serves a removed comment.
    expect((await graph(id)).status).toBe(400);
  });

  it('tries a failed delivery again, and delivers nothing for a Page not subscribed', async () => {
    received.length = 0;
    answerStatus = 500;
    await admin('POST', 'facebook/comments', {
      post_id: POST,
      from: { id: '4000000099', name: 'Ana Lima' },
      message: 'Alguém?',
    });
    await emulator.webhooks.idle();
    expect(received).toHaveLength(3);
    answerStatus = 200;
    await graph(`${PAGE.id}/subscribed_apps`, { method: 'DELETE' });
    received.length = 0;
    await admin('POST', 'facebook/comments', {
      post_id: POST,
      from: { id: '4000000099', name: 'Ana Lima' },
      message: 'Ninguém responde.',
    });
    await emulator.webhooks.idle();
    expect(received).toHaveLength(0);
  });
});
