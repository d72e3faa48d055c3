import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPortUrl, faultyServer } from '../test/faulty-server';
import type { FaultyServer, Misbehaviour } from '../test/faulty-server';
import { GraphClient } from './facebook/graph-client';
import { PlatformError, networkTrouble, unreachable } from './platform-error';
import { XClient } from './x/x-client';

const servers: FaultyServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve(how: Misbehaviour): Promise<FaultyServer> {
  const server = await faultyServer(how);
  servers.push(server);
  return server;
}

/** What a promise rejected with (fails the test if it resolved). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (err: unknown) => err,
  );
}

/** The error Node's own http client gives for a request to `url`. */
function httpError(
  url: string,
  options: { signal?: AbortSignal; body?: Buffer } = {},
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: options.body ? 'POST' : 'GET',
      ...(options.signal ? { signal: options.signal } : {}),
    });
    req.on('error', resolve);
    req.on('response', (res) => {
      res.on('error', resolve);
      res.on('end', () => reject(new Error('the request succeeded')));
      res.resume();
    });
    req.end(options.body);
  });
}

describe('networkTrouble, on errors made over loopback', () => {
  it('reads fetch’s errors: a destroyed socket, a dropped connection, a closed port, a deadline', async () => {
    const destroy = await serve('destroy');
    const drop = await serve('drop');
    const stall = await serve('stall');
    const cut = await serve('cut-body');
    const post = (url: string, signal?: AbortSignal) =>
      fetch(url, { method: 'POST', body: '{}', ...(signal ? { signal } : {}) }).then((r) =>
        r.text(),
      );

    const destroyed = await rejection(post(destroy.url));
    expect(destroyed).toBeInstanceOf(TypeError); // "fetch failed", the cause says why
    expect(networkTrouble(destroyed)).toEqual({ trouble: 'reset', code: 'UND_ERR_SOCKET' });
    expect(networkTrouble(await rejection(post(drop.url)))).toMatchObject({ trouble: 'reset' });
    expect(networkTrouble(await rejection(post(await closedPortUrl())))).toEqual({
      trouble: 'refused',
      code: 'ECONNREFUSED',
    });
    expect(
      networkTrouble(await rejection(post(stall.url, AbortSignal.timeout(100)))),
    ).toMatchObject({ trouble: 'timeout' });
    // The body cut off after the headers: the body read fails with "terminated".
    expect(networkTrouble(await rejection(post(cut.url)))).toMatchObject({ trouble: 'reset' });
  });

  it('reads Node’s http errors: socket hang up, a write into a closed connection, aborts', async () => {
    const destroy = await serve('destroy');
    const drop = await serve('drop');
    const stall = await serve('stall');

    const hangUp = await httpError(destroy.url);
    expect(hangUp).toMatchObject({ code: 'ECONNRESET', message: 'socket hang up' });
    expect(networkTrouble(hangUp)).toEqual({ trouble: 'reset', code: 'ECONNRESET' });
    // A large body into a connection the server drops: EPIPE or ECONNRESET, whichever comes first.
    const broken = await httpError(drop.url, { body: Buffer.alloc(8 << 20, 0x61) });
    expect(['EPIPE', 'ECONNRESET']).toContain((broken as { code?: string }).code);
    expect(networkTrouble(broken)).toMatchObject({ trouble: 'reset' });

    const timedOut = await httpError(stall.url, { signal: AbortSignal.timeout(100) });
    expect(timedOut).toMatchObject({ name: 'AbortError' });
    expect(networkTrouble(timedOut)).toEqual({ trouble: 'timeout', code: 'TimeoutError' });
    const stop = new AbortController();
    const stopped = httpError(stall.url, { signal: stop.signal });
    setTimeout(() => stop.abort(), 50);
    expect(networkTrouble(await stopped)).toEqual({ trouble: 'aborted', code: 'AbortError' });
  });

  it('knows the codes it cannot easily provoke here, and leaves other errors alone', () => {
    const coded = (code: string) => Object.assign(new Error(code), { code });
    for (const code of [
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
      'UND_ERR_CONNECT_TIMEOUT',
      'ETIMEDOUT',
    ])
      expect(networkTrouble(new TypeError('fetch failed', { cause: coded(code) }))).toEqual({
        trouble: 'timeout',
        code,
      });
    expect(networkTrouble(coded('UND_ERR_CLOSED'))).toMatchObject({ trouble: 'reset' });
    expect(networkTrouble(coded('UND_ERR_SOMETHING_NEW'))).toMatchObject({ trouble: 'network' });
    // Node tries each address of a host name and reports them together.
    const both = new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'connect');
    expect(networkTrouble(both)).toMatchObject({ trouble: 'refused' });
    expect(networkTrouble(new Error('Unexpected token < in JSON'))).toBeNull();
    expect(networkTrouble(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      null,
    );
    expect(networkTrouble(undefined)).toBeNull();
    expect(networkTrouble('ECONNRESET')).toBeNull();
  });

  it('says which platform could not be reached, and how long it was given', () => {
    const cause = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const err = unreachable('Facebook', cause, 250);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'transient', status: null, retryAt: null });
    expect(err.message).toBe('Facebook could not be reached: no answer within 250 ms');
    expect(unreachable('X', new Error('boom')).message).toBe('X could not be reached: boom');
  });
});

const TOKEN = 'token-for-fault-tests';
const clients = {
  x: (url: string, timeoutMs: number) => new XClient(TOKEN, url, { timeoutMs }).me(),
  graph: (url: string, timeoutMs: number) =>
    new GraphClient(TOKEN, url, 'v21.0', { timeoutMs }).get('me'),
};
const NAMES = { x: 'X', graph: 'Facebook' } as const;

describe.each(['x', 'graph'] as const)('the %s client over a failing connection', (platform) => {
  const call = clients[platform];
  const name = NAMES[platform];

  it.each([
    ['destroy', /connection reset/],
    ['drop', /connection reset/],
  ] as const)('turns a connection the server %ss into a transient error', async (how, message) => {
    const server = await serve(how);
    const err = await rejection(call(server.url, 5000));
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'transient' });
    expect((err as Error).message).toMatch(new RegExp(`^${name} could not be reached: `));
    expect((err as Error).message).toMatch(message);
  });

  it('turns a refused connection into a transient error', async () => {
    const err = await rejection(call(await closedPortUrl(), 5000));
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({
      kind: 'transient',
      message: `${name} could not be reached: connection refused (ECONNREFUSED)`,
    });
  });

  it.each(['stall', 'stall-body'] as const)(
    'gives up a request that stalls (%s) at its deadline',
    async (how) => {
      const server = await serve(how);
      const started = performance.now();
      const err = await rejection(call(server.url, 300));
      const took = performance.now() - started;
      expect(err).toBeInstanceOf(PlatformError);
      expect(err).toMatchObject({
        kind: 'transient',
        message: `${name} could not be reached: no answer within 300 ms`,
      });
      expect(took).toBeGreaterThanOrEqual(290);
      expect(took).toBeLessThan(3000);
      // twitter-api-v2 rides on http.request, whose abort destroys the socket at once; undici
      // (fetch) lets the aborted connection go itself, seconds later.
      if (platform === 'x')
        await expect.poll(() => server.openConnections(), { timeout: 2000 }).toBe(0);
    },
  );

  it('turns an answer cut off in its body into a transient error', async () => {
    const server = await serve('cut-body');
    const err = await rejection(call(server.url, 5000));
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'transient' });
    expect((err as Error).message).toMatch(/cut off|connection reset/);
  });
});
