import { randomBytes, randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FACEBOOK_WEBHOOK_PATH } from '../shared';
import type { AuditCheck, ConversationDetail, ConversationPage, InboxEvent } from '../shared';
import type { WebhookOutcome } from '../core/sync/facebook-webhooks';
import {
  NO_TEST_SERVER,
  createTestDatabase,
  testServerUrl,
} from '../core/store/test/pg-test-database';
import { tempDir } from '../core/test/fixtures';
import { PAGE, smallScenario } from '../core/test/scenario';
import { parseScenario } from '../emulator/scenario';
import { startEmulator } from '../emulator/server';
import type { Emulator } from '../emulator/server';
import { openEvents } from './test/event-client';
import type { EventClient } from './test/event-client';
import { hubResult } from './test/hub-calls';
import { startHubProcess } from './test/hub-process';
import type { HubProcess } from './test/hub-process';

// Facebook delivers a Page's webhooks to one address, behind which any replica may answer: two hub
// processes on one PostgreSQL database, the emulator's own signed deliveries (and its retries)
// reaching them through a front of the test's, as a reverse proxy with no sticky sessions would.
const server = testServerUrl();
const APP_SECRET = 'webhook-replicas-app-secret-81d3';
const VERIFY_TOKEN = 'webhook-replicas-verify-token-4a0e';
const RECENT_POST = `${PAGE.id}_5001`;

/** What the front did with one request from the emulator: which replica answered what. */
interface Forwarded {
  hub: 'a' | 'b';
  commentId: string;
  status: number;
  outcome: WebhookOutcome | null;
}

/**
 * How the front hands a delivery on. `both`: to the two replicas at once (the emulator gets A's
 * answer); `in-turn`: to A, then once it answered to B; `late`: each attempt to the next replica in
 * turn, the first answer lost (504, as a proxy that gave up waiting), so the emulator tries again.
 */
type Mode = 'both' | 'in-turn' | 'late';

const body = (request: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

describe.skipIf(server == null)(
  `Facebook webhooks at either of two hub processes${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    const cleanups: (() => Promise<void>)[] = [];
    let emulator: Emulator;
    let a: HubProcess;
    let b: HubProcess;
    let front: Server;
    let frontUrl: string;
    let token: string;
    let mode: Mode = 'both';
    let attempts = 0;
    const forwarded: Forwarded[] = [];
    const events: Record<'a' | 'b', EventClient | null> = { a: null, b: null };

    /** The same bytes and signature headers, to one replica; its answer. */
    async function forward(
      hub: 'a' | 'b',
      raw: Buffer,
      headers: IncomingMessage['headers'],
    ): Promise<{ status: number; text: string }> {
      const response = await fetch((hub === 'a' ? a : b).url + FACEBOOK_WEBHOOK_PATH, {
        method: 'POST',
        headers: {
          'content-type': String(headers['content-type']),
          'x-hub-signature-256': String(headers['x-hub-signature-256']),
        },
        body: raw,
      });
      const text = await response.text();
      const envelope = JSON.parse(text) as { ok: boolean; result?: WebhookOutcome };
      const change = JSON.parse(raw.toString('utf8')) as {
        entry: { changes: { value: { comment_id: string } }[] }[];
      };
      forwarded.push({
        hub,
        commentId: change.entry[0]!.changes[0]!.value.comment_id,
        status: response.status,
        outcome: envelope.ok ? envelope.result! : null,
      });
      return { status: response.status, text };
    }

    beforeAll(async () => {
      const db = await createTestDatabase(server!);
      cleanups.push(db.drop);
      const input = smallScenario();
      input.facebook = { ...input.facebook!, app_id: '1468023750213462', app_secret: APP_SECRET };
      emulator = await startEmulator({ scenario: parseScenario(input), port: 0, shiftToNow: true });
      cleanups.unshift(() => emulator.close());

      front = createServer((request, response) => {
        void (async () => {
          const reply = (status: number, text: string) =>
            response.writeHead(status, { 'content-type': 'application/json' }).end(text);
          if (request.method === 'GET') {
            // The verification, answered by a replica.
            const answer = await fetch(a.url + (request.url ?? '/'));
            response
              .writeHead(answer.status, { 'content-type': 'text/plain' })
              .end(await answer.text());
            return;
          }
          const raw = await body(request);
          if (mode === 'both') {
            const [atA] = await Promise.all([
              forward('a', raw, request.headers),
              forward('b', raw, request.headers),
            ]);
            return reply(atA.status, atA.text);
          }
          if (mode === 'in-turn') {
            await forward('a', raw, request.headers);
            const atB = await forward('b', raw, request.headers);
            return reply(atB.status, atB.text);
          }
          const attempt = attempts++;
          const answer = await forward(attempt % 2 === 0 ? 'a' : 'b', raw, request.headers);
          if (attempt % 2 === 0) return reply(504, '{"ok":false}');
          return reply(answer.status, answer.text);
        })().catch((err: unknown) => response.writeHead(502).end(String(err)));
      });
      await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
      frontUrl = `http://127.0.0.1:${(front.address() as { port: number }).port}`;
      cleanups.unshift(() => new Promise((resolve) => front.close(() => resolve())));

      // The key that seals the Page's token in the database, so that either replica reads it.
      const first = await tempDir();
      const second = await tempDir();
      cleanups.push(first.cleanup, second.cleanup);
      const keyFile = join(first.dir, '..', `${randomUUID()}.key`);
      await writeFile(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
      cleanups.push(() => rm(keyFile, { force: true }));
      const args = (dir: string) => [
        ...['--port', '0', '--data', dir, '--database', db.url, '--secrets-key-file', keyFile],
        ...['--graph-base-url', emulator.graphBaseUrl, '--x-base-url', emulator.xBaseUrl],
        // Both replicas are reached at the front's address; polling once, at the start.
        ...['--public-url', frontUrl, '--poll', '600000'],
      ];
      const env = {
        SOCIAL_INBOX_GRAPH_APP_SECRET: APP_SECRET,
        SOCIAL_INBOX_FACEBOOK_VERIFY_TOKEN: VERIFY_TOKEN,
      };
      // The Page is connected through A; B finds it, and its token, in the database.
      a = await startHubProcess(args(first.dir), {
        entry: 'ops',
        env: { ...env, SOCIAL_INBOX_TEST_PAGE_TOKENS: PAGE.token },
        timeoutMs: 60_000,
      });
      cleanups.unshift(() => a.stop());
      b = await startHubProcess(args(second.dir), { entry: 'ops', env, timeoutMs: 60_000 });
      cleanups.unshift(() => b.stop());
      token = a.managerToken!;
      // The Page's first pass done (its comments listed), the app's callback set to the front.
      await vi.waitFor(async () => expect((await list(b)).total).toBeGreaterThan(0), {
        timeout: 20_000,
        interval: 100,
      });
      await emulator.webhooks.subscribe({
        callbackUrl: frontUrl + FACEBOOK_WEBHOOK_PATH,
        verifyToken: VERIFY_TOKEN,
      });
      events.a = await openEvents(a.url, token);
      events.b = await openEvents(b.url, token);
      cleanups.unshift(async () => {
        events.a?.ws.close();
        events.b?.ws.close();
      });
    });

    afterAll(async () => {
      for (const c of cleanups.splice(0)) await c();
    });

    const list = (hub: HubProcess) =>
      hubResult<ConversationPage>(hub.url, token, 'GET', '/api/conversations?limit=1');

    /** A customer comments the Page's post; the emulator delivers it to the front. */
    async function comment(message: string): Promise<string> {
      const response = await fetch(`${emulator.url}/__emulator/facebook/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          post_id: RECENT_POST,
          from: { id: '4000000002', name: 'Giulia Rossi' },
          message,
        }),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { data: { id: string } }).data.id;
    }

    /** Stored once with one arrival, as both replicas' clients see it, the trail intact. */
    async function expectOnce(commentId: string, message: string, before: number) {
      const id = `facebook:${commentId}`;
      for (const hub of [a, b]) {
        const detail = await hubResult<ConversationDetail>(
          hub.url,
          token,
          'GET',
          `/api/conversations/${encodeURIComponent(id)}`,
        );
        expect(detail.posts.map((p) => [p.id, p.text])).toEqual([[id, message]]);
        expect(detail.actions.map((x) => x.action)).toEqual(['post.arrived']);
        expect((await list(hub)).total).toBe(before + 1);
      }
      // Each replica's event clients were told of it (B's through A's notification, or A's
      // through B's, whichever stored it).
      for (const client of [events.a!, events.b!])
        await expect
          .poll(
            () =>
              client.events.some(
                (e: InboxEvent) => e.type === 'conversation.changed' && e.conversation.id === id,
              ),
            { timeout: 2000, interval: 20 },
          )
          .toBe(true);
      const audit = await hubResult<AuditCheck>(a.url, token, 'GET', '/api/audit/verify');
      expect(audit.intact).toBe(true);
    }

    const outcomes = (commentId: string) =>
      forwarded
        .filter((f) => f.commentId === commentId)
        .map((f) => ({ hub: f.hub, status: f.status, outcome: f.outcome }));

    it('stores a delivery reaching both replicas at once once, with one arrival', async () => {
      mode = 'both';
      const before = (await list(a)).total;
      const message = 'Wird der Rückruf auch in Italien gemacht?';
      const id = await comment(message);
      await emulator.webhooks.idle();
      const answers = outcomes(id);
      expect(answers).toHaveLength(2);
      expect(answers.every((x) => x.status === 200)).toBe(true);
      // One replica took the change; the other found it taken and left it.
      expect(answers.map((x) => x.outcome).sort((x, y) => x!.ingested - y!.ingested)).toEqual([
        { ingested: 0, updated: 0, ignored: 1 },
        { ingested: 1, updated: 0, ignored: 0 },
      ]);
      await expectOnce(id, message, before);
    });

    it('stores a delivery reaching one replica, then the other, once', async () => {
      mode = 'in-turn';
      const before = (await list(b)).total;
      const message = 'Und was ist mit den Gutscheinen?';
      const id = await comment(message);
      await emulator.webhooks.idle();
      expect(outcomes(id)).toEqual([
        { hub: 'a', status: 200, outcome: { ingested: 1, updated: 0, ignored: 0 } },
        { hub: 'b', status: 200, outcome: { ingested: 0, updated: 0, ignored: 1 } },
      ]);
      await expectOnce(id, message, before);
    });

    it('stores once a delivery Facebook makes again at the other replica when its answer was late', async () => {
      mode = 'late';
      attempts = 0;
      const before = (await list(a)).total;
      const message = 'Bekomme ich mein Geld zurück?';
      const id = await comment(message);
      await emulator.webhooks.idle();
      // The emulator's own attempts: the first answer lost, the second taken.
      expect(
        emulator.webhooks
          .status()
          .deliveries.filter((d) => d.commentId === id)
          .map((d) => [d.attempt, d.status]),
      ).toEqual([
        [1, 504],
        [2, 200],
      ]);
      expect(outcomes(id)).toEqual([
        { hub: 'a', status: 200, outcome: { ingested: 1, updated: 0, ignored: 0 } },
        { hub: 'b', status: 200, outcome: { ingested: 0, updated: 0, ignored: 1 } },
      ]);
      await expectOnce(id, message, before);
    });
  },
);
