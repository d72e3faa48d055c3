import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { InboxError } from '../errors';
import { ConversationDetailSchema } from '../api';
import type { InboxEvent } from '../events';
import type { WebSocketConstructor } from './event-stream';
import { buildRequest, createHttpInboxApi, eventsUrl } from './http-client';
import { account, conversation, post } from '../test-fixtures';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

let server: Server;
let origin: string;
let handler: Handler;
const requests: { method: string; url: URL; body: string }[] = [];

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push({ method: req.method ?? '', url, body });
      handler(req, res, url);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  requests.length = 0;
});

describe('createHttpInboxApi calls', () => {
  it('lists conversations with the input as a query string, undefined values left out', async () => {
    const page = { items: [conversation()], nextCursor: 'abc', total: 1 };
    handler = (_req, res) => json(res, 200, { ok: true, result: page });
    const api = createHttpInboxApi(origin);

    const result = await api.listConversations({
      platform: 'x',
      language: 'fr',
      q: 'café & crème',
      limit: 200,
      cursor: undefined,
      status: undefined,
    });

    expect(result).toEqual(page);
    expect(requests).toHaveLength(1);
    const { method, url } = requests[0]!;
    expect(method).toBe('GET');
    expect(url.pathname).toBe('/api/conversations');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      platform: 'x',
      language: 'fr',
      q: 'café & crème',
      limit: '200',
    });
  });

  it('fills the :id path parameter, URL-encoded, and does not repeat it in the query', async () => {
    const id = 'facebook:123_456/7?x=#';
    const detail = ConversationDetailSchema.parse({
      conversation: conversation({ id }),
      posts: [post({ conversationId: id })],
    });
    let rawUrl = '';
    handler = (req, res) => {
      rawUrl = req.url ?? '';
      json(res, 200, { ok: true, result: detail });
    };
    const api = createHttpInboxApi(origin);

    await expect(api.getConversation({ id })).resolves.toEqual(detail);
    expect(rawUrl).toBe(`/api/conversations/${encodeURIComponent(id)}`);
    expect(decodeURIComponent(rawUrl.split('/').at(-1)!)).toBe(id);
  });

  it('lists accounts', async () => {
    handler = (_req, res) => json(res, 200, { ok: true, result: [account()] });
    await expect(createHttpInboxApi(origin).listAccounts({})).resolves.toEqual([account()]);
    expect(requests[0]!.url.pathname).toBe('/api/accounts');
    expect(requests[0]!.url.search).toBe('');
  });

  it('turns an error envelope into an InboxError with its code, message and details', async () => {
    handler = (_req, res) =>
      json(res, 404, {
        ok: false,
        error: { code: 'not_found', message: 'No conversation x:9', details: { id: 'x:9' } },
      });
    const error = await createHttpInboxApi(origin)
      .getConversation({ id: 'x:9' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InboxError);
    expect(error).toMatchObject({
      code: 'not_found',
      message: 'No conversation x:9',
      details: { id: 'x:9' },
    });
  });

  it('reports a non-JSON answer (e.g. a proxy error page) as unavailable', async () => {
    handler = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad gateway</body></html>');
    };
    const error = await createHttpInboxApi(origin)
      .listAccounts({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InboxError);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect((error as Error).message).toContain('502');
  });

  it('reports JSON that is not an envelope as unavailable', async () => {
    handler = (_req, res) => json(res, 200, { hello: 'world' });
    await expect(createHttpInboxApi(origin).listAccounts({})).rejects.toMatchObject({
      code: 'unavailable',
    });
  });

  it('reports an unreachable service as unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const error = await createHttpInboxApi(`http://127.0.0.1:${port}`)
      .listAccounts({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InboxError);
    expect(error).toMatchObject({ code: 'unavailable' });
  });

  it('reports a call that takes too long as unavailable', async () => {
    handler = () => {
      // Never answers.
    };
    const api = createHttpInboxApi(origin, { timeoutMs: 100 });
    await expect(api.listAccounts({})).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('too long') as string,
    });
  });

  it('rejects a result that does not match the contract', async () => {
    handler = (_req, res) =>
      json(res, 200, { ok: true, result: { items: [{ id: 1 }], nextCursor: null, total: -1 } });
    const error = await createHttpInboxApi(origin)
      .listConversations({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InboxError);
    expect(error).toMatchObject({ code: 'internal' });
    expect((error as InboxError).details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'total' })]),
    );
  });
});

describe('buildRequest', () => {
  it('maps GET inputs to the query string, arrays as repeated keys', () => {
    const request = buildRequest('http://hub.test', 'listConversations', {
      status: 'open',
      q: undefined,
      tags: ['a', 'b'],
    });
    expect(request).toEqual({
      method: 'GET',
      url: 'http://hub.test/api/conversations?status=open&tags=a&tags=b',
    });
  });

  it('refuses a call whose path parameter is missing', () => {
    expect(() => buildRequest('http://hub.test', 'getConversation', {})).toThrow(InboxError);
  });
});

describe('eventsUrl', () => {
  it('uses ws: next to http: and wss: next to https:', () => {
    expect(eventsUrl('http://127.0.0.1:8799')).toBe('ws://127.0.0.1:8799/api/events');
    expect(eventsUrl('https://inbox.example.com')).toBe('wss://inbox.example.com/api/events');
  });
});

describe('onEvent over WebSocket', () => {
  const changed: InboxEvent = { type: 'conversation.changed', conversation: conversation() };
  const removed: InboxEvent = { type: 'conversation.removed', id: 'x:1', into: 'x:2' };

  async function startWss(): Promise<{ wss: WebSocketServer; origin: string }> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/api/events' });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    return { wss, origin: `http://127.0.0.1:${(wss.address() as AddressInfo).port}` };
  }

  function nextConnection(wss: WebSocketServer): Promise<WebSocket> {
    return new Promise((resolve) => wss.once('connection', (socket) => resolve(socket)));
  }

  function closeWss(wss: WebSocketServer): Promise<void> {
    for (const client of wss.clients) client.terminate();
    return new Promise((resolve) => wss.close(() => resolve()));
  }

  const ws = WebSocket as unknown as WebSocketConstructor;

  it('delivers valid events to every listener over one socket and ignores invalid messages', async () => {
    const { wss, origin: wsOrigin } = await startWss();
    const states: string[] = [];
    const api = createHttpInboxApi(wsOrigin, {
      WebSocket: ws,
      onConnectionChange: (s) => states.push(s),
    });
    const first: InboxEvent[] = [];
    const second: InboxEvent[] = [];
    const connected = nextConnection(wss);
    const stopFirst = api.onEvent((e) => first.push(e));
    const stopSecond = api.onEvent((e) => second.push(e));
    const socket = await connected;
    await expect.poll(() => states.at(-1)).toBe('open');

    socket.send('not json');
    socket.send(JSON.stringify({ type: 'conversation.changed', conversation: { id: 'broken' } }));
    socket.send(JSON.stringify({ type: 'unknown.event' }));
    socket.send(JSON.stringify(changed));
    socket.send(JSON.stringify(removed));

    await expect.poll(() => first.length).toBe(2);
    expect(first).toEqual([changed, removed]);
    expect(second).toEqual([changed, removed]);
    expect(wss.clients.size).toBe(1);

    stopFirst();
    stopSecond();
    await closeWss(wss);
  });

  it('reconnects with backoff after the socket drops', async () => {
    const { wss, origin: wsOrigin } = await startWss();
    const states: string[] = [];
    const api = createHttpInboxApi(wsOrigin, {
      WebSocket: ws,
      reconnect: { minDelayMs: 20, maxDelayMs: 100 },
      onConnectionChange: (s) => states.push(s),
    });
    const received: InboxEvent[] = [];
    let connected = nextConnection(wss);
    const stop = api.onEvent((e) => received.push(e));
    const first = await connected;

    connected = nextConnection(wss);
    first.close(1012, 'restarting');
    const second = await connected;
    second.send(JSON.stringify(changed));

    await expect.poll(() => received).toEqual([changed]);
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'open']);

    stop();
    await closeWss(wss);
  });

  it.each([
    [4001, 'signed out: the token was renewed or the agent removed'],
    [1008, 'sign in first'],
  ])(
    'stops for good when the hub closes with %i (%s): the agent is signed out',
    async (code, reason) => {
      const { wss, origin: wsOrigin } = await startWss();
      const states: string[] = [];
      let connections = 0;
      wss.on('connection', () => (connections += 1));
      const api = createHttpInboxApi(wsOrigin, {
        WebSocket: ws,
        reconnect: { minDelayMs: 20, maxDelayMs: 40 },
        onConnectionChange: (s) => states.push(s),
      });
      const connected = nextConnection(wss);
      const stop = api.onEvent(() => {});
      (await connected).close(code, reason);
      await expect.poll(() => states.at(-1)).toBe('signed-out');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(connections).toBe(1);
      expect(states).toEqual(['connecting', 'open', 'signed-out']);
      stop();
      await closeWss(wss);
    },
  );

  it('reconnects after a policy close that is not about signing in', async () => {
    const { wss, origin: wsOrigin } = await startWss();
    const states: string[] = [];
    const api = createHttpInboxApi(wsOrigin, {
      WebSocket: ws,
      reconnect: { minDelayMs: 20, maxDelayMs: 40 },
      onConnectionChange: (s) => states.push(s),
    });
    let connected = nextConnection(wss);
    const stop = api.onEvent(() => {});
    const first = await connected;
    connected = nextConnection(wss);
    first.close(1008, 'too many event connections for this agent (at most 8)');
    await connected;
    await expect.poll(() => states.at(-1)).toBe('open');
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'open']);
    stop();
    await closeWss(wss);
  });

  it('keeps trying while the hub is down and connects once it is back', async () => {
    const { wss, origin: wsOrigin } = await startWss();
    const port = (wss.address() as AddressInfo).port;
    await closeWss(wss);

    const states: string[] = [];
    const api = createHttpInboxApi(wsOrigin, {
      WebSocket: ws,
      reconnect: { minDelayMs: 20, maxDelayMs: 60 },
      onConnectionChange: (s) => states.push(s),
    });
    const stop = api.onEvent(() => {});
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(states).toContain('reconnecting');
    expect(states).not.toContain('open');

    const back = new WebSocketServer({ host: '127.0.0.1', port, path: '/api/events' });
    await new Promise<void>((resolve) => back.once('listening', () => resolve()));
    await expect.poll(() => states.at(-1), { timeout: 2000 }).toBe('open');

    stop();
    await closeWss(back);
  });

  it('closes the socket when the last listener unsubscribes, and does not reconnect', async () => {
    const { wss, origin: wsOrigin } = await startWss();
    const api = createHttpInboxApi(wsOrigin, {
      WebSocket: ws,
      reconnect: { minDelayMs: 10, maxDelayMs: 10 },
    });
    const connected = nextConnection(wss);
    const stopA = api.onEvent(() => {});
    const stopB = api.onEvent(() => {});
    const socket = await connected;
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

    stopA();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(socket.readyState).toBe(WebSocket.OPEN);

    stopB();
    await expect(closed).resolves.toBe(1000);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(wss.clients.size).toBe(0);

    await closeWss(wss);
  });
});
