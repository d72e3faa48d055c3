import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Complaints, Crisis, Report } from '../shared';
import { InboxService } from '../core/service';
import { tempDir } from '../core/test/fixtures';
import { seedStore } from '../core/test/seed-store';
import { TONE_DAY, toneDay } from '../core/test/tone-day';
import { ManualClock } from '../core/time/clock';
import { createHubServer } from './server';

// The reports read from tone and language, asked of a hub over loopback, made on its report
// thread (the hub's own way), over the hand-built day of tone-day.ts.
let service: InboxService;
let server: FastifyInstance;
let base: string;
let cleanup: () => Promise<void>;
let managerToken: string;
let agentToken: string;
const { from, to } = TONE_DAY.range;

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  await seedStore(temp.dir, toneDay());
  service = await InboxService.open({
    dataDir: temp.dir,
    clock: new ManualClock('2026-11-21T09:00:00.000Z'),
    readThreads: true,
  });
  managerToken = (await service.createAgent({ name: 'Camille', role: 'manager' })).token;
  agentToken = (await service.createAgent({ name: 'Jan', languages: ['nl'] })).token;
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

async function call(path: string, token: string, body?: unknown) {
  const res = await fetch(base + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as { result?: unknown; error?: unknown } };
}

describe('the hub’s reports of tone and language', () => {
  it('gives managers answers in the customer’s language and reassurance, with their drill-downs', async () => {
    const { status, body } = await call(`/api/reports?from=${from}&to=${to}`, managerToken);
    expect(status).toBe(200);
    const report = body.result as Report;
    // The thread reads the outbox's records of the replies sent translated (c1's and c4's).
    expect(report.languageAnswers.team).toEqual({
      answered: 5,
      inLanguage: 3,
      translated: 2,
      otherLanguage: 1,
      notJudged: 1,
      share: 0.6,
    });
    expect(report.reassurance.team).toEqual({
      beganNegative: 5,
      answered: 4,
      wroteAgain: 3,
      reassured: 2,
      share: 0.4,
    });
    expect(report.reassurance.byResponder.map((r) => [r.responder, r.figures.reassured])).toEqual([
      ['jan', 1],
      ['rita', 1],
      ['outside', 0],
    ]);
    const drill = await call('/api/reports/drill', managerToken, {
      from,
      to,
      drill: { set: 'reassured', platform: 'x' },
    });
    expect(drill.status).toBe(200);
    expect((drill.body.result as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([
      'x:c6',
      'x:c1',
    ]);
    const translated = await call('/api/reports/drill', managerToken, {
      from,
      to,
      drill: { set: 'answered-translated', language: 'en' },
    });
    expect((translated.body.result as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([
      'facebook:c4',
    ]);
  });

  it('gives the negative share per hour on the crisis view', async () => {
    const { body } = await call(`/api/reports/crisis?at=${TONE_DAY.at}&hours=4`, managerToken);
    expect((body.result as Crisis).hours.map((h) => h.negativeShare)).toEqual([0.8, 0.5, 1, 0]);
  });

  it('gives what customer service should hear', async () => {
    const { status, body } = await call(
      `/api/reports/complaints?from=${from}&to=${to}`,
      managerToken,
    );
    expect(status).toBe(200);
    const complaints = body.result as Complaints;
    expect(complaints).toMatchObject({ negativePosts: 6, conversations: 5 });
    expect(complaints.stories.map((s) => s.conversationIds)).toEqual([
      ['x:c6', 'facebook:c3', 'x:c2', 'x:c1'],
    ]);
    expect(complaints.keywords[0]!.words[0]).toMatchObject({ word: 'lamentable', posts: 4 });
  });

  it('refuses the new calls to agents, and bad input with the offending fields', async () => {
    expect((await call(`/api/reports/complaints?from=${from}&to=${to}`, agentToken)).status).toBe(
      403,
    );
    const long = await call(
      '/api/reports/complaints?from=2026-09-01T00:00:00.000Z&to=2026-11-01T00:00:00.000Z',
      managerToken,
    );
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.error)).toContain('at most 31 days');
    const missing = await call(`/api/reports/complaints?from=${from}`, managerToken);
    expect(missing.status).toBe(400);
    const extra = await call(`/api/reports/complaints?from=${from}&to=${to}&x=1`, managerToken);
    expect(extra.status).toBe(400);
    const set = await call('/api/reports/drill', managerToken, {
      from,
      to,
      drill: { set: 'reassured-somehow' },
    });
    expect(set.status).toBe(400);
    expect(JSON.stringify(set.body.error)).toContain('set');
  });
});
