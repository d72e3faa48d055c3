import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpInboxApi } from './http-client';
import { conversation } from '../test-fixtures';

/** A stand-in hub on loopback that records each request's method, path and Idempotency-Key. */
let server: Server;
let origin: string;
let handler: (req: IncomingMessage, res: ServerResponse, n: number) => void;
const seen: { method: string; path: string; key: string | undefined; body: string }[] = [];

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const key = req.headers['idempotency-key'];
      seen.push({
        method: req.method ?? '',
        path: new URL(req.url ?? '/', 'http://localhost').pathname,
        key: Array.isArray(key) ? key.join(',') : key,
        body,
      });
      handler(req, res, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  seen.length = 0;
});

const done = { ok: true, result: { done: true } };
const fast = { retries: { count: 2, delayMs: 10 } };

describe('the HTTP client and Idempotency-Keys', () => {
  it('sends a new key with each write, the caller’s when given, and none with a read', async () => {
    handler = (req, res) =>
      answer(
        res,
        200,
        req.method === 'GET'
          ? { ok: true, result: { items: [], nextCursor: null, total: 0 } }
          : done,
      );
    const api = createHttpInboxApi(origin, fast);
    await api.deleteView({ id: 'v1' });
    await api.deleteView({ id: 'v1' });
    await api.deleteView({ id: 'v1' }, { idempotencyKey: 'action-key-0001' });
    await api.listConversations({});

    const [first, second, given, read] = seen;
    expect(first?.key).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(second?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.key).not.toBe(first?.key);
    expect(given?.key).toBe('action-key-0001');
    expect(read).toMatchObject({ method: 'GET', key: undefined });
  });

  it('sends a write again with the same key when the connection drops before an answer', async () => {
    handler = (req, res, n) => {
      if (n === 1) {
        req.socket.destroy();
        return;
      }
      answer(res, 200, {
        ok: true,
        result: conversation({ id: 'x:1', status: 'open', version: 2 }),
      });
    };
    const api = createHttpInboxApi(origin, fast);
    const updated = await api.updateConversation(
      { id: 'x:1', version: 1, status: 'open' },
      { idempotencyKey: 'action-key-0002' },
    );
    expect(updated).toMatchObject({ status: 'open', version: 2 });
    expect(seen.map((r) => [r.path, r.key])).toEqual([
      ['/api/conversations/update', 'action-key-0002'],
      ['/api/conversations/update', 'action-key-0002'],
    ]);
    expect(seen[1]?.body).toBe(seen[0]?.body);
  });

  it('retries a gateway error page with the same key, but not an answer of the hub', async () => {
    handler = (_req, res, n) => {
      if (n <= 2) {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html>Bad gateway</html>');
        return;
      }
      answer(res, 200, done);
    };
    const api = createHttpInboxApi(origin, fast);
    expect(await api.deleteView({ id: 'v2' })).toEqual({ done: true });
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((r) => r.key)).size).toBe(1);

    seen.length = 0;
    handler = (_req, res) =>
      answer(res, 503, { ok: false, error: { code: 'unavailable', message: 'X is down' } });
    await expect(api.deleteView({ id: 'v2' })).rejects.toMatchObject({
      code: 'unavailable',
      message: 'X is down',
    });
    expect(seen).toHaveLength(1);
  });

  it('gives up after its retries, and never retries a read', async () => {
    handler = (req) => req.socket.destroy();
    const api = createHttpInboxApi(origin, fast);
    await expect(api.deleteView({ id: 'v3' })).rejects.toMatchObject({ code: 'unavailable' });
    expect(seen).toHaveLength(3);
    seen.length = 0;
    await expect(api.listAccounts({})).rejects.toMatchObject({ code: 'unavailable' });
    expect(seen).toHaveLength(1);
  });
});
