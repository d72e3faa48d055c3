import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { InboxService } from '../core/service';
import { conversation, post, tempDir } from '../core/test/fixtures';
import { createHubServer } from './server';
import { auditEntries } from '../core/test/data-folder';
import { seedStore } from '../core/test/seed-store';

let service: InboxService;
let server: FastifyInstance;
let base: string;
let cleanup: () => Promise<void>;
let dataDir: string;
/** Personal tokens of a manager and of an agent of the team. */
let managerToken: string;
let agentToken: string;

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  // A store written by the real store classes, as a previous run would leave it.
  await seedStore(temp.dir, { posts: [post({ externalId: '1', conversationId: 'x:1' })] });
  await seedStore(temp.dir, {
    conversations: [
      conversation({ id: 'x:1' }),
      conversation({
        id: 'facebook:2',
        platform: 'facebook',
        lastPostAt: '2026-11-20T11:00:00.000Z',
      }),
    ],
  });

  service = await InboxService.open({ dataDir: temp.dir });
  managerToken = (await service.createAgent({ name: 'Camille', role: 'manager' })).token;
  agentToken = (await service.createAgent({ name: 'Jan', languages: ['nl'] })).token;
  dataDir = temp.dir;
  server = await createHubServer({
    api: service,
    authenticate: (t) => service.authenticate(t),
    onSignIn: (agent, client) => service.recordSignIn(agent, client),
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await server.close();
  await service.close();
  await cleanup();
});

const get = async (path: string, token: string | null = agentToken) => {
  const res = await fetch(base + path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
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
    // The hub's own time on the request, for the browser's network panel.
    expect(all.headers.get('server-timing')).toMatch(/^app;dur=\d+\.\d\d$/);
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
      headers: { 'content-type': 'application/json', authorization: `Bearer ${agentToken}` },
      body: '{"oops"',
    });
    const body = (await res.json()) as { ok: boolean; error: { code: string } };
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(body.ok).toBe(false);
  });
});

describe('hub sign-in and roles', () => {
  it('refuses every call without a valid personal token', async () => {
    for (const token of [null, 'sia_not-a-token', managerToken.slice(0, -1)]) {
      const res = await get('/api/conversations', token);
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({
        code: 'unauthorized',
        message: 'Sign in with your personal token',
      });
    }
  });

  it('says who is signed in', async () => {
    expect((await get('/api/session')).body.result).toMatchObject({ name: 'Jan', role: 'agent' });
    expect((await get('/api/session', managerToken)).body.result).toMatchObject({
      name: 'Camille',
      role: 'manager',
    });
  });

  it('lets only a manager create agents, and shows the new token once', async () => {
    const post = (token: string) =>
      fetch(`${base}/api/agents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ name: 'Lucía', languages: ['es'] }),
      });
    const refused = await post(agentToken);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const created = (await (await post(managerToken)).json()) as {
      result: { agent: { name: string; role: string }; token: string };
    };
    expect(created.result.agent).toMatchObject({ name: 'Lucía', role: 'agent' });
    expect((await get('/api/session', created.result.token)).body.result).toMatchObject({
      name: 'Lucía',
    });
    const listed = (await get('/api/agents')).body.result as object[];
    expect(JSON.stringify(listed)).not.toContain(created.result.token);
    expect(listed).toHaveLength(3);
  });

  it('signs a browser in with an HttpOnly cookie, and out again', async () => {
    const bad = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'sia_wrong' }),
    });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();
    const good = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: agentToken }),
    });
    const cookie = good.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^inbox_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const session = cookie.split(';')[0]!;
    const me = await fetch(`${base}/api/session`, { headers: { cookie: session } });
    expect(((await me.json()) as { result: { name: string } }).result.name).toBe('Jan');
    const out = await fetch(`${base}/api/session`, {
      method: 'DELETE',
      headers: { cookie: session },
    });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
  });
});

describe('hub team management', () => {
  it('lets only a manager change, renew or remove agents (HTTP 403 for an agent)', async () => {
    const post = (path: string, token: string, body: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const me = (await get('/api/session')).body.result as { id: string };
    for (const [path, body] of [
      ['/api/agents/update', { id: me.id, role: 'manager' }],
      ['/api/agents/renew-token', { id: me.id }],
      ['/api/agents/remove', { id: me.id }],
    ] as const) {
      const refused = await post(path, agentToken, body);
      expect(refused.status, path).toBe(403);
    }
    const changed = await post('/api/agents/update', managerToken, {
      id: me.id,
      languages: ['nl', 'fr'],
    });
    expect(changed.status).toBe(200);
    expect(
      ((await changed.json()) as { result: { languages: string[] } }).result.languages,
    ).toEqual(['nl', 'fr']);
  });
});

describe('hub saved replies and rules', () => {
  it('lets agents read saved replies and rules, and only managers change them', async () => {
    const post = (path: string, token: string, body: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const reply = { title: 'Hi', language: 'en', text: 'Hi {author.name}' };
    const rule = { name: 'Tag all', actions: { addTags: ['seen'] } };
    expect((await post('/api/saved-replies', agentToken, reply)).status).toBe(403);
    expect((await post('/api/rules', agentToken, rule)).status).toBe(403);
    expect((await post('/api/saved-replies', managerToken, reply)).status).toBe(200);
    expect((await post('/api/rules', managerToken, rule)).status).toBe(200);
    expect(((await get('/api/saved-replies')).body.result as unknown[]).length).toBe(1);
    expect(((await get('/api/rules')).body.result as unknown[]).length).toBe(1);
  });
});

describe('hub rule preview', () => {
  it('tells a manager what a rule being edited would match, refuses agents and bad conditions', async () => {
    const post = async (path: string, token: string, body: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const facebook = await post('/api/rules/preview', managerToken, {
      conditions: { platforms: ['facebook'] },
    });
    expect(facebook.status).toBe(200);
    const result = facebook.body.result as {
      matched: number;
      scanned: number;
      partial: boolean;
      examples: { id: string }[];
    };
    expect(result).toMatchObject({ matched: 1, scanned: 2, partial: false });
    expect(result.examples.map((c) => c.id)).toEqual(['facebook:2']);
    const refused = await post('/api/rules/preview', agentToken, { conditions: {} });
    expect(refused.status).toBe(403);
    const bad = await post('/api/rules/preview', managerToken, {
      conditions: { languages: ['Dutch'] },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('expected an ISO 639 code');
  });
});

describe('hub reports and audit', () => {
  const range = 'from=2026-01-01T00:00:00.000Z&to=2026-12-31T00:00:00.000Z';

  it('refuses reports, drill-downs, the crisis view and the chain check to agents (HTTP 403)', async () => {
    for (const path of [`/api/reports?${range}`, '/api/reports/crisis', '/api/audit/verify']) {
      const refused = await get(path);
      expect(refused.status, path).toBe(403);
      expect((refused.body.error as { code: string }).code).toBe('forbidden');
    }
    const drill = await fetch(`${base}/api/reports/drill`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${agentToken}` },
      body: JSON.stringify({
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-12-31T00:00:00.000Z',
        drill: { set: 'unanswered' },
      }),
    });
    expect(drill.status).toBe(403);
  });

  it('gives managers the report and its drill-down, and says a bad range is bad', async () => {
    const report = await get(`/api/reports?${range}&targetMinutes=30`, managerToken);
    expect(report.status).toBe(200);
    const result = report.body.result as { team: { conversations: number }; targetMinutes: number };
    expect(result.targetMinutes).toBe(30);
    expect(result.team.conversations).toBe(2);
    const backwards = await get(
      '/api/reports?from=2026-12-31T00:00:00.000Z&to=2026-01-01T00:00:00.000Z',
      managerToken,
    );
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('the range must end after it starts');
  });

  it('records browser sign-ins and desktop starts in the audit trail once an hour each, and checks it', async () => {
    const { token } = await service.createAgent({ name: 'Noor' });
    const before = (
      (await get('/api/audit/verify', managerToken)).body.result as { entries: number }
    ).entries;
    // A browser signing in again and again, and a desktop app restarted, are recorded once each.
    for (let i = 0; i < 3; i++) {
      const signIn = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      expect(signIn.status).toBe(200);
      const desktop = await fetch(`${base}/api/session`, {
        headers: { authorization: `Bearer ${token}`, 'x-inbox-client': 'desktop:noor-laptop' },
      });
      expect(desktop.status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const check = (await get('/api/audit/verify', managerToken)).body.result as {
      intact: boolean;
      entries: number;
    };
    expect(check).toMatchObject({ intact: true, entries: before + 2 });
    const entries = await auditEntries(dataDir);
    expect(entries.slice(-2)).toEqual([
      expect.objectContaining({ action: 'agent.signed-in', client: 'browser' }),
      expect.objectContaining({ action: 'agent.signed-in', client: 'desktop:noor-laptop' }),
    ]);
  });
});

describe('hub events', () => {
  it('refuses WebSocket listeners that are not signed in', async () => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/events`, { origin: base });
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(1008);
  });

  it('refuses WebSocket listeners from another origin', async () => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/events`, {
      origin: 'https://evil.example',
      headers: { authorization: `Bearer ${agentToken}` },
    });
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(1008);
  });

  it('accepts signed-in listeners from its own origin', async () => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/events`, {
      origin: base,
      headers: { cookie: `inbox_session=${agentToken}` },
    });
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () => resolve());
      ws.on('error', reject);
    });
    ws.close();
  });

  it('checks each event against its receiver as the team is now, even with nobody telling it', async () => {
    // This server is given no onAgentChanged: the check made before each event is what stops it.
    const kim = await service.createAgent({ name: 'Kim' });
    const manager = service.authenticate(managerToken)!;
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/events`, {
      headers: { authorization: `Bearer ${kim.token}` },
    });
    const notes: string[] = [];
    ws.on('message', (data) => {
      const event = JSON.parse(String(data)) as { type: string; note?: { text: string } };
      if (event.note) notes.push(event.note.text);
    });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.on('open', resolve));
    const context = { agent: manager, client: 'test' };
    await service.addNote({ conversationId: 'x:1', text: 'Before' }, context);
    await expect.poll(() => notes).toEqual(['Before']);
    await service.renewAgentToken({ id: kim.agent.id }, context);
    await service.addNote({ conversationId: 'x:1', text: 'After the renewal' }, context);
    expect(await closed).toBe(4001);
    expect(notes).toEqual(['Before']);
  });
});
