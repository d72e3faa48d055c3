import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, Conversation, Presence, Rule, TagSummary } from '../shared';
import { PostgresStore } from '../core/store/pg/postgres-store';
import {
  NO_TEST_SERVER,
  createTestDatabase,
  testServerUrl,
} from '../core/store/test/pg-test-database';
import { WORKSPACE_FILE } from '../core/store/workspace-store';
import { conversation, tempDir } from '../core/test/fixtures';
import { systemClock } from '../core/time/clock';
import { openEvents } from './test/event-client';
import { createAgent, hubCall, hubResult } from './test/hub-calls';
import { startHubProcess } from './test/hub-process';
import type { HubProcess } from './test/hub-process';

// Two hub processes on one PostgreSQL database, each with a data folder of its own: the team, the
// settings, sign-in attempts, Idempotency-Keys, presence and live events are the database's, so
// what is done through one is true at once through the other.
const server = testServerUrl();

/** A data folder's settings file from before PostgreSQL: a team of one manager. */
const FILE_MANAGER = { id: 'agent:file-manager', name: 'Camille', role: 'manager' as const };
const FILE_TOKEN = `sia_${'f'.repeat(43)}`;
/** Sign-in attempts an address may make a minute, on both hubs together. */
const LIMIT = 20;
/** How long a presence lasts without a new report (a killed hub's runs out then). */
const PRESENCE_TTL_MS = 2000;

async function post(
  url: string,
  token: string,
  path: string,
  body: unknown,
  key?: string,
): Promise<{ status: number; body: { ok: boolean; result?: unknown; error?: { code: string } } }> {
  const response = await fetch(url + path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as never };
}

describe.skipIf(server == null)(
  `Two hub processes on one PostgreSQL database${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    const cleanups: (() => Promise<void>)[] = [];
    let a: HubProcess;
    let b: HubProcess;
    let db: { url: string; drop: () => Promise<void> };
    let store: PostgresStore;
    const manager = FILE_TOKEN;

    beforeAll(async () => {
      db = await createTestDatabase(server!);
      cleanups.push(db.drop);
      const first = await tempDir();
      const second = await tempDir();
      cleanups.push(first.cleanup, second.cleanup);
      // The first hub's folder holds a team; the second's another one, which must not win.
      const team = (agent: typeof FILE_MANAGER, token: string) =>
        JSON.stringify({
          schema: 1,
          accounts: [],
          agents: [{ ...agent, languages: ['fr'] }],
          agentTokens: { [createHash('sha256').update(token).digest('hex')]: agent.id },
          tags: [],
          views: {},
          rules: [],
          ruleTurns: {},
          savedReplies: [],
        });
      await writeFile(join(first.dir, WORKSPACE_FILE), team(FILE_MANAGER, FILE_TOKEN));
      await writeFile(
        join(second.dir, WORKSPACE_FILE),
        team({ ...FILE_MANAGER, id: 'agent:other', name: 'Other' }, `sia_${'o'.repeat(43)}`),
      );
      // The key that seals the secrets they share: the same file for both, readable by its owner only.
      const keyFile = join(first.dir, '..', `${randomUUID()}.key`);
      await writeFile(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
      cleanups.push(() => rm(keyFile, { force: true }));
      const args = (dir: string) => [
        '--secrets-key-file',
        keyFile,
        '--port',
        '0',
        '--data',
        dir,
        '--database',
        db.url,
        '--sign-in-limit',
        String(LIMIT),
        '--presence-ttl',
        String(PRESENCE_TTL_MS),
        '--x-base-url',
        'http://127.0.0.1:9',
        '--graph-base-url',
        'http://127.0.0.1:9',
      ];
      a = await startHubProcess(args(first.dir));
      cleanups.unshift(() => a.stop());
      b = await startHubProcess(args(second.dir));
      cleanups.unshift(() => b.stop());
      store = await PostgresStore.open({ url: db.url, clock: systemClock });
      cleanups.unshift(() => store.close());
    });

    afterAll(async () => {
      for (const c of cleanups.splice(0)) await c();
    });

    it('keeps the team the first hub brought from its settings file, once', async () => {
      expect(a.managerToken).toBeNull();
      expect(b.managerToken).toBeNull();
      for (const hub of [a, b]) {
        const agents = await hubResult<Agent[]>(hub.url, manager, 'GET', '/api/agents');
        expect(agents.map((x) => x.name)).toEqual(['Camille']);
      }
      const other = await hubCall(b.url, `sia_${'o'.repeat(43)}`, 'GET', '/api/agents');
      expect(other.status).toBe(401);
    });

    it('shares the secrets a manager gives one hub with the other, sealed in the database', async () => {
      const key = `${randomUUID()}:fx`;
      const saved = await post(a.url, manager, '/api/translation/settings', {
        key: { provider: 'deepl', value: key },
      });
      expect(saved.status).toBe(200);
      const seen = await hubResult<{ keys: { deepl: boolean } }>(
        b.url,
        manager,
        'GET',
        '/api/translation/settings',
      );
      expect(seen.keys.deepl).toBe(true);
      const { rows } = await store.pool.query<{ name: string; sealed: Buffer }>(
        'SELECT name, sealed FROM secrets',
      );
      expect(rows.map((r) => r.name)).toEqual(['translation:deepl']);
      expect(rows[0]!.sealed.toString('latin1')).not.toContain(key.slice(0, 8));
    });

    it('signs in at once on one hub an agent created on the other', async () => {
      for (let i = 0; i < 5; i++) {
        const { token } = await createAgent(a.url, manager, `Agent ${i}`);
        // No pause: the very next request goes to the other hub.
        const me = await hubCall<Agent>(b.url, token, 'GET', '/api/session');
        expect(me.status).toBe(200);
        expect(me.envelope.ok && me.envelope.result.name).toBe(`Agent ${i}`);
      }
    });

    it('takes access away on every hub within a second: removal, role and renewed token', async () => {
      const { agent, token } = await createAgent(a.url, manager, 'Leaving', 'manager');
      const events = await openEvents(b.url, token);
      expect(events.ws.readyState).toBe(events.ws.OPEN);
      // A manager on B until A makes them an agent (the role is checked before the input).
      expect((await post(b.url, token, '/api/rules', {})).status).toBe(400);
      await hubResult(a.url, manager, 'POST', '/api/agents/update', {
        id: agent.id,
        role: 'agent',
      });
      const demoted = performance.now();
      await expect
        .poll(async () => (await post(b.url, token, '/api/rules', {})).status, {
          timeout: 1000,
          interval: 20,
        })
        .toBe(403);
      expect(performance.now() - demoted).toBeLessThan(1000);

      const renewed = await hubResult<{ token: string }>(
        a.url,
        manager,
        'POST',
        '/api/agents/renew-token',
        { id: agent.id },
      );
      await expect
        .poll(async () => (await hubCall(b.url, token, 'GET', '/api/session')).status, {
          timeout: 1000,
          interval: 20,
        })
        .toBe(401);
      // The event connection opened with the old token is closed by B.
      const closed = await Promise.race([
        events.closed,
        new Promise((resolve) => setTimeout(() => resolve(null), 1000)),
      ]);
      expect(closed).not.toBeNull();

      await hubResult(a.url, manager, 'POST', '/api/agents/remove', { id: agent.id });
      await expect
        .poll(async () => (await hubCall(b.url, renewed.token, 'GET', '/api/session')).status, {
          timeout: 1000,
          interval: 20,
        })
        .toBe(401);
    });

    it('keeps every change when both hubs change the settings at once', async () => {
      const names = Array.from({ length: 12 }, (_, i) => `shared-${i}`);
      await Promise.all(
        names.map((name, i) =>
          hubResult((i % 2 === 0 ? a : b).url, manager, 'POST', '/api/tags', {
            name,
            color: 'blue',
          }),
        ),
      );
      // None lost: the database's settings hold every tag, whichever hub saved it.
      const doc = await store.sharedSettings.read();
      expect(doc!.version).toBeGreaterThan(names.length);
      for (const name of names) expect(doc!.text).toContain(`"${name}"`);
      // Each hub hears of the other's last changes by notification, within a second.
      for (const hub of [a, b]) {
        await expect
          .poll(
            async () =>
              (await hubResult<TagSummary[]>(hub.url, manager, 'GET', '/api/tags')).map(
                (t) => t.name,
              ),
            { timeout: 1000, interval: 20 },
          )
          .toEqual(expect.arrayContaining(names));
      }
    });

    it('answers a retry sent to the other hub with the first answer, and applies it once', async () => {
      const key = 'rule-key-0123456789';
      const input = {
        name: 'Spanish is urgent',
        conditions: { languages: ['es'] },
        actions: { priority: 'high' },
      };
      const first = await post(a.url, manager, '/api/rules', input, key);
      expect(first.status).toBe(200);
      const again = await post(b.url, manager, '/api/rules', input, key);
      expect(again).toEqual(first);
      // Another call with the same key is refused, wherever it goes.
      const other = await post(b.url, manager, '/api/rules', { ...input, name: 'Other' }, key);
      expect(other.status).toBe(422);
      const rules = await hubResult<Rule[]>(b.url, manager, 'GET', '/api/rules');
      expect(rules.filter((r) => r.name === input.name)).toHaveLength(1);
    });

    it('applies once a call sent with one key to both hubs at the same moment, and answers both alike', async () => {
      const seeded = conversation({ id: 'x:replica-keys' });
      await store.commit([], [{ kind: 'conversations.put', conversations: [seeded] }]);
      const notes = Array.from({ length: 12 }, (_, i) => ({
        key: `note-key-${String(i).padStart(4, '0')}-0123456789`,
        input: { conversationId: seeded.id, text: `Called back, attempt ${i}` },
      }));
      const answers = await Promise.all(
        notes.map(({ key, input }) =>
          Promise.all([
            post(a.url, manager, '/api/notes', input, key),
            post(b.url, manager, '/api/notes', input, key),
          ]),
        ),
      );
      for (const [fromA, fromB] of answers) {
        expect(fromA.status).toBe(200);
        expect(fromB).toEqual(fromA);
      }
      const kept = await store.notes.ofConversation(seeded.id);
      expect(kept.map((n) => n.text).sort()).toEqual(notes.map((n) => n.input.text).sort());
      // A retry of a call that changed nothing (refused) is answered alike on the other hub.
      const refused = { conversationId: 'x:no-such-conversation', text: 'Lost' };
      const first = await post(a.url, manager, '/api/notes', refused, 'note-key-refused-01234');
      expect(first.status).toBe(404);
      expect(await post(b.url, manager, '/api/notes', refused, 'note-key-refused-01234')).toEqual(
        first,
      );
    });

    it('tells a change made on one hub to a WebSocket client of the other within a second, and shares presence', async () => {
      const seeded = conversation({ id: 'x:replica-1' });
      await store.commit([], [{ kind: 'conversations.put', conversations: [seeded] }]);
      const events = await openEvents(b.url, manager);
      const sent = performance.now();
      const changed = await hubResult<Conversation>(
        a.url,
        manager,
        'POST',
        '/api/conversations/update',
        { id: seeded.id, version: seeded.version, status: 'pending' },
      );
      await expect
        .poll(
          () =>
            events.events.find(
              (e) =>
                e.type === 'conversation.changed' &&
                e.conversation.id === seeded.id &&
                e.conversation.version === changed.version,
            ),
          { timeout: 1000, interval: 5 },
        )
        .toBeDefined();
      expect(performance.now() - sent).toBeLessThan(1000);

      await hubResult(a.url, manager, 'POST', '/api/presence', {
        conversationId: seeded.id,
        activity: 'viewing',
      });
      const listed = await hubResult<Presence[]>(b.url, manager, 'GET', '/api/presence');
      expect(listed).toEqual([
        expect.objectContaining({
          agentId: FILE_MANAGER.id,
          conversationId: seeded.id,
          activity: 'viewing',
        }),
      ]);
      events.ws.close();
    });

    it('refuses a change made on a version another hub changed meanwhile', async () => {
      const seeded = conversation({ id: 'x:replica-2' });
      await store.commit([], [{ kind: 'conversations.put', conversations: [seeded] }]);
      const results = await Promise.all(
        [a, b, a, b].map((hub, i) =>
          post(hub.url, manager, '/api/conversations/update', {
            id: seeded.id,
            version: seeded.version,
            priority: i % 2 === 0 ? 'high' : 'low',
          }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(3);
      expect((await store.conversations.get(seeded.id))!.version).toBe(seeded.version + 1);
    });

    // Last: every refused token of the tests above counted too (all come from one address).
    it('counts the sign-in attempts of an address across hubs', async () => {
      const bad = `sia_${'x'.repeat(43)}`;
      const statuses: { hub: number; status: number }[] = [];
      for (let i = 0; i < 2 * LIMIT + 2; i++) {
        const { status } = await hubCall([a, b][i % 2]!.url, bad, 'GET', '/api/agents');
        statuses.push({ hub: i % 2, status });
        if (status === 429 && statuses.filter((s) => s.status === 429).length === 2) break;
      }
      const refused = statuses.filter((s) => s.status === 401).length;
      // One count for both: at most the limit of attempts in all, not the limit on each hub.
      expect(refused).toBeLessThanOrEqual(LIMIT);
      // Once one hub says wait, so does the other.
      const [first, second] = statuses.filter((s) => s.status === 429);
      expect(first!.hub).not.toBe(second!.hub);
      expect(statuses.indexOf(second!)).toBe(statuses.indexOf(first!) + 1);
    });

    // Last: it kills a hub.
    it('tells the clients of one hub that the presence a killed hub kept ran out', async () => {
      const seeded = conversation({ id: 'x:replica-3' });
      await store.commit([], [{ kind: 'conversations.put', conversations: [seeded] }]);
      const { agent, token } = await createAgent(b.url, manager, 'Eva');
      await hubResult(a.url, token, 'POST', '/api/presence', {
        conversationId: seeded.id,
        activity: 'replying',
      });
      const events = await openEvents(b.url, manager);
      expect(await hubResult<Presence[]>(b.url, manager, 'GET', '/api/presence')).toContainEqual(
        expect.objectContaining({ agentId: agent.id, activity: 'replying' }),
      );
      a.child.kill('SIGKILL');
      const killed = performance.now();
      await expect
        .poll(
          () =>
            events.events.find(
              (e) => e.type === 'presence' && e.agentId === agent.id && e.activity === 'idle',
            ),
          { timeout: 3 * PRESENCE_TTL_MS, interval: 50 },
        )
        .toBeDefined();
      // Its time to live, and one look of the other hub (a quarter of it).
      expect(performance.now() - killed).toBeLessThan(PRESENCE_TTL_MS * 1.25 + 500);
      const listed = await hubResult<Presence[]>(b.url, manager, 'GET', '/api/presence');
      expect(listed.map((p) => p.agentId)).not.toContain(agent.id);
      events.ws.close();
    });
  },
);
