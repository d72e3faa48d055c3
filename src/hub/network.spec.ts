import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tempDir } from '../core/test/fixtures';
import { createAgent, hubResult, seedConversations } from './test/hub-calls';
import { startHubProcess } from './test/hub-process';
import type { HubProcess } from './test/hub-process';
import { rawRequest } from './test/raw-http';

// A hub process over loopback that also answers for inbox.example.com, and clients that send
// what a hostile one would: other Host headers, unsigned bodies, floods of sign-ins.
let hub: HubProcess;
let port: string;
let cleanup: () => Promise<void>;
const stop: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  await seedConversations(temp.dir, [200]);
  hub = await startHubProcess([
    ...['--port', '0', '--data', temp.dir, '--web-root', temp.dir],
    ...['--allowed-hosts', 'inbox.example.com'],
  ]);
  port = new URL(hub.url).port;
});

afterAll(async () => {
  await hub.stop();
  for (const s of stop) await s();
  await cleanup();
});

const errorOf = (json: unknown) => (json as { ok: boolean; error: { code: string } }).error;

describe('the Host header', () => {
  it('is answered for loopback names and the configured ones, and refused with 421 otherwise', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `inbox.example.com:${port}`]) {
      const answer = await rawRequest(`${hub.url}/api/health`, { headers: { host } });
      expect(answer.status, host).toBe(200);
    }
    for (const host of [`evil.example:${port}`, `rebound.attacker.test`, `0.0.0.0:${port}`]) {
      const answer = await rawRequest(`${hub.url}/api/health`, { headers: { host } });
      expect(answer.status, host).toBe(421);
      expect(errorOf(answer.json)).toMatchObject({ code: 'misdirected' });
    }
    const none = await rawRequest(`${hub.url}/api/health`, { noHost: true });
    expect([400, 421]).toContain(none.status);
  });

  it('is checked on event connections too', async () => {
    const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/api/events`, {
      headers: { host: `evil.example:${port}`, authorization: `Bearer ${hub.managerToken}` },
    });
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(421);
  });
});

describe('request bodies', () => {
  const notes = () => `${hub.url}/api/notes`;

  it('are not read before the caller is signed in: 401 while the body has not even arrived', async () => {
    // Headers announce 500 kB and the body never comes: only a check made first can answer.
    for (const authorization of [undefined, 'Bearer sia_not-a-token']) {
      const answer = await rawRequest(notes(), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': 500_000,
          ...(authorization ? { authorization } : {}),
        },
        body: null,
        timeoutMs: 3000,
      });
      expect(answer.status).toBe(401);
      expect(errorOf(answer.json)).toMatchObject({ code: 'unauthorized' });
    }
    // Too large or not JSON: still 401 without a valid token.
    for (const [type, body] of [
      ['application/json', '{'.repeat(2 * 1024 * 1024)],
      ['text/plain', 'hello'],
    ] as const) {
      const answer = await rawRequest(notes(), {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      expect(answer.status, type).toBe(401);
    }
  });

  it('answer 413 when too large and 415 when not JSON, in the usual envelope', async () => {
    const auth = { authorization: `Bearer ${hub.managerToken}` };
    const tooLarge = await rawRequest(notes(), {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: 'x:9000', text: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json).toEqual({
      ok: false,
      error: { code: 'payload_too_large', message: 'The request body is too large' },
    });
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const answer = await rawRequest(notes(), {
        method: 'POST',
        headers: { ...auth, 'content-type': type },
        body: 'conversationId=x:9000&text=hello',
      });
      expect(answer.status, type).toBe(415);
      expect(errorOf(answer.json)).toMatchObject({ code: 'unsupported_media_type' });
    }
    const signIn = await rawRequest(`${hub.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 's'.repeat(10_000) }),
    });
    expect(signIn.status).toBe(413);
  });
});

describe('sign-ins', () => {
  it('are recorded once per token, client and address within an hour', async () => {
    const { agent, token } = await createAgent(hub.url, hub.managerToken!, 'Iris');
    const entries = async () =>
      (await hubResult<{ entries: number }>(hub.url, hub.managerToken!, 'GET', '/api/audit/verify'))
        .entries;
    const before = await entries();
    for (let i = 0; i < 5; i++) {
      const answer = await rawRequest(`${hub.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      expect(answer.status).toBe(200);
      expect(answer.headers['set-cookie']?.[0]).not.toContain('Secure');
    }
    await expect.poll(entries).toBe(before + 1);
    // A new token is a new sign-in.
    const renewed = await hubResult<{ token: string }>(
      hub.url,
      hub.managerToken!,
      'POST',
      '/api/agents/renew-token',
      { id: agent.id },
    );
    await rawRequest(`${hub.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: renewed.token }),
    });
    // +1 for the renewal, +1 for the sign-in with the new token.
    await expect.poll(entries).toBe(before + 3);
  });

  it('are limited per address: 429 with Retry-After, for browsers and wrong bearer tokens', async () => {
    const temp = await tempDir();
    const limited = await startHubProcess([
      ...['--port', '0', '--data', temp.dir, '--web-root', temp.dir, '--sign-in-limit', '5'],
    ]);
    stop.push(async () => {
      await limited.stop();
      await temp.cleanup();
    });
    const signIn = (token: string) =>
      rawRequest(`${limited.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(`sia_guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const refused = await signIn(limited.managerToken!);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(errorOf(refused.json)).toMatchObject({ code: 'rate_limited' });
    // Guessing through the API with bearer tokens is the same attempt.
    const guessed = await rawRequest(`${limited.url}/api/conversations`, {
      headers: { authorization: 'Bearer sia_another-guess' },
    });
    expect(guessed.status).toBe(429);
    expect(guessed.headers['retry-after']).toBeDefined();
    // Someone already signed in at that address goes on working.
    const working = await rawRequest(`${limited.url}/api/conversations`, {
      headers: { authorization: `Bearer ${limited.managerToken}` },
    });
    expect(working.status).toBe(200);
  });
});

describe('behind a reverse proxy', () => {
  const signIn = (url: string, forwardedFor: string | null) =>
    rawRequest(`${url}/api/session`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      body: JSON.stringify({ token: 'sia_a-wrong-guess' }),
    });
  const limitedHub = async (args: string[]) => {
    const temp = await tempDir();
    const started = await startHubProcess([
      ...['--port', '0', '--data', temp.dir, '--web-root', temp.dir, '--sign-in-limit', '2'],
      ...args,
    ]);
    stop.push(async () => {
      await started.stop();
      await temp.cleanup();
    });
    return started;
  };

  it('limits sign-ins per client that the trusted proxy names, not per proxy', async () => {
    const behind = await limitedHub(['--trusted-proxies', 'loopback']);
    // Two clients behind one proxy: each has its own attempts.
    for (const client of ['203.0.113.7', '198.51.100.9'])
      for (let i = 0; i < 2; i++) expect((await signIn(behind.url, client)).status).toBe(401);
    expect((await signIn(behind.url, '203.0.113.7')).status).toBe(429);
    expect((await signIn(behind.url, '198.51.100.9')).status).toBe(429);
    // A third client is not held back by the other two's guesses.
    expect((await signIn(behind.url, '192.0.2.44')).status).toBe(401);
    // A client that sends its own X-Forwarded-For through the proxy is known by the address the
    // proxy added after it, not by the one it claims.
    expect((await signIn(behind.url, '203.0.113.7, 192.0.2.45')).status).toBe(401);
  });

  it('ignores X-Forwarded-For from anyone it does not trust: a client cannot choose its address', async () => {
    const direct = await limitedHub([]);
    expect((await signIn(direct.url, '203.0.113.7')).status).toBe(401);
    expect((await signIn(direct.url, '198.51.100.9')).status).toBe(401);
    expect((await signIn(direct.url, '192.0.2.44')).status).toBe(429);
  });
});

describe('listening beyond loopback', () => {
  it('warns that plain HTTP crosses the network in clear, and names the hosts it answers for', async () => {
    const temp = await tempDir();
    const open = await startHubProcess([
      ...['--host', '0.0.0.0', '--port', '0', '--data', temp.dir, '--web-root', temp.dir],
    ]);
    stop.push(async () => {
      await open.stop();
      await temp.cleanup();
    });
    expect(open.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(open.lines.join('\n')).toMatch(/WARNING: the hub listens on 0\.0\.0\.0 over plain HTTP/);
    expect(open.lines.join('\n')).toContain('--tls-cert');
    expect(open.lines.join('\n')).toMatch(
      /answers requests addressed to: localhost, 127\.0\.0\.1, ::1 /,
    );
    expect((await rawRequest(`${open.url}/api/health`)).status).toBe(200);
    // On loopback it says nothing of the kind.
    expect(hub.lines.join('\n')).not.toContain('WARNING');
  });
});
