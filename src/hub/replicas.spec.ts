import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Conversation, ConversationPage, InboxEvent } from '../shared';
import { tempDir } from '../core/test/fixtures';
import { BRAND_X, smallScenario } from '../core/test/scenario';
import {
  NO_TEST_SERVER,
  createTestDatabase,
  testServerUrl,
} from '../core/store/test/pg-test-database';
import { clockStartingAt } from '../core/time/clock';
import { parseScenario } from '../emulator/scenario';
import { startEmulator } from '../emulator/server';
import { parseHubConfig } from './config';
import { runHub } from './run-hub';
import type { RunningHub } from './run-hub';
import { hubResult } from './test/hub-calls';

// Two hubs on one PostgreSQL database, each with a data folder of its own (the team is the
// database's): a change made through one reaches the clients of the other.
const server = testServerUrl();

describe.skipIf(server == null)(
  `Hub replicas on one PostgreSQL database${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    const cleanups: (() => Promise<void>)[] = [];
    let a: RunningHub;
    let b: RunningHub;
    let token: string;

    beforeAll(async () => {
      const db = await createTestDatabase(server!);
      cleanups.push(db.drop);
      const scenario = parseScenario(smallScenario(5));
      const clock = clockStartingAt(scenario.anchor);
      const emulator = await startEmulator({ scenario, port: 0, now: () => clock.now() });
      cleanups.unshift(() => emulator.close());
      const start = async (dir: string) => {
        const { config } = parseHubConfig(
          [
            '--port',
            '0',
            '--data',
            dir,
            '--x-base-url',
            emulator.xBaseUrl,
            '--graph-base-url',
            emulator.graphBaseUrl,
            '--database',
            db.url,
          ],
          {},
        );
        const hub = await runHub(config, { clock });
        cleanups.unshift(() => hub.close());
        return hub;
      };
      const first = await tempDir();
      const second = await tempDir();
      cleanups.push(first.cleanup, second.cleanup);
      a = await start(first.dir);
      token = a.firstManager!.token;
      await a.service.connectAccount({ platform: 'x', token: BRAND_X.token });
      await a.service.syncAccountOnce((await a.service.listAccounts())[0]!.id);
      // The second replica finds the team and the account in the database.
      b = await start(second.dir);
    });

    afterAll(async () => {
      for (const c of cleanups.splice(0)) await c();
    });

    it('tells a change made on one replica to a WebSocket client of the other within a second', async () => {
      const ws = new WebSocket(`${b.url.replace('http', 'ws')}/api/events`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const events: { at: number; event: InboxEvent }[] = [];
      ws.on('message', (data) =>
        events.push({ at: performance.now(), event: JSON.parse(String(data)) as InboxEvent }),
      );
      await new Promise((resolve) => ws.on('open', resolve));
      const page = await hubResult<ConversationPage>(
        b.url,
        token,
        'GET',
        '/api/conversations?platform=x&limit=1',
      );
      const target = page.items[0]!;
      // Both replicas read the same queue.
      expect(
        (await hubResult<ConversationPage>(a.url, token, 'GET', '/api/conversations?limit=100'))
          .total,
      ).toBe(page.total);

      const sent = performance.now();
      const changed = await hubResult<Conversation>(
        a.url,
        token,
        'POST',
        '/api/conversations/update',
        {
          id: target.id,
          version: target.version,
          status: 'pending',
          addTags: ['billing'],
        },
      );
      await expect
        .poll(
          () =>
            events.find(
              (e) =>
                e.event.type === 'conversation.changed' &&
                e.event.conversation.id === target.id &&
                e.event.conversation.version === changed.version,
            ),
          { timeout: 5000, interval: 10 },
        )
        .toBeDefined();
      const arrived = events.find(
        (e) => e.event.type === 'conversation.changed' && e.event.conversation.id === target.id,
      )!;
      expect(arrived.at - sent).toBeLessThan(1000);
      expect(arrived.event).toMatchObject({
        conversation: { status: 'pending', tags: ['billing'] },
      });
      ws.close();
    });
  },
);
