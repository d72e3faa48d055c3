import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ConversationDetail, ConversationPage, Envelope, InboxEvent } from '../shared';
import { tempDir } from '../core/test/fixtures';
import { BRAND_X, PAGE, smallScenario } from '../core/test/scenario';
import { parseScenario } from '../emulator/scenario';
import { startEmulator } from '../emulator/server';
import { clockStartingAt } from '../core/time/clock';
import { parseHubConfig } from './config';
import { runHub } from './run-hub';
import type { RunningHub } from './run-hub';
import { STORE_ENGINES, engineTitle } from '../core/store/test/store-engines';

// The same hub on each engine of the store: the data folder's SQLite, and PostgreSQL.
describe.each(STORE_ENGINES)('hub on $name', (engine) => {
  describe.skipIf(engine.skipped != null)(engineTitle(engine), () => {
    let emulator: Awaited<ReturnType<typeof startEmulator>>;
    let hub: RunningHub;
    let cleanup: () => Promise<void>;
    let dropStore: () => Promise<void>;

    beforeAll(async () => {
      const temp = await tempDir();
      cleanup = temp.cleanup;
      const store = await engine.hubArgs();
      dropStore = store.dispose;
      // The hub and the emulator live at the scenario's date, whatever today's date is.
      const scenario = parseScenario(smallScenario(20));
      const clock = clockStartingAt(scenario.anchor);
      emulator = await startEmulator({ scenario, port: 0, now: () => clock.now() });
      const { config } = parseHubConfig(
        [
          '--port',
          '0',
          '--data',
          temp.dir,
          '--x-base-url',
          emulator.xBaseUrl,
          '--graph-base-url',
          emulator.graphBaseUrl,
          ...store.args,
        ],
        {},
      );
      hub = await runHub(config, { clock });
    });

    afterAll(async () => {
      await hub.close();
      await emulator.close();
      await cleanup();
      await dropStore();
    });

    /** The first manager's token, which a new hub hands out once. */
    const auth = () => ({ authorization: `Bearer ${hub.firstManager!.token}` });

    async function get<T>(path: string): Promise<T> {
      const envelope = (await (
        await fetch(hub.url + path, { headers: auth() })
      ).json()) as Envelope<T>;
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.result;
    }

    describe('hub against the emulator over loopback', () => {
      it('syncs both platforms, serves them over HTTP and pushes changes over WebSocket', async () => {
        const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/api/events`, {
          headers: auth(),
        });
        const events: InboxEvent[] = [];
        ws.on('message', (data) => events.push(JSON.parse(String(data)) as InboxEvent));
        await new Promise((resolve) => ws.on('open', resolve));

        await hub.service.connectAccount({ platform: 'x', token: BRAND_X.token });
        await hub.service.connectAccount({ platform: 'facebook', token: PAGE.token });
        hub.service.startSync();

        await expect
          .poll(async () => (await get<ConversationPage>('/api/conversations?limit=100')).total, {
            timeout: 10_000,
          })
          .toBe(2 + 20 + 2);
        const x = await get<ConversationPage>('/api/conversations?platform=x&language=nl');
        expect(x.items.map((c) => c.author.handle)).toEqual(['jan_nieuws']);
        const detail = await get<ConversationDetail>(
          `/api/conversations/${encodeURIComponent('facebook:5001_9001')}`,
        );
        expect(detail.posts.find((p) => p.direction === 'outbound')?.sourceApp?.name).toBe(
          'Hootsuite',
        );

        const announced = () => {
          const ids = new Set(
            events.flatMap((e) => (e.type === 'conversation.changed' ? [e.conversation.id] : [])),
          );
          for (const e of events) if (e.type === 'conversation.removed') ids.delete(e.id);
          return ids.size;
        };
        await expect.poll(announced).toBe(24);
        expect(
          events.some((e) => e.type === 'account.status' && e.account.sync.state === 'connected'),
        ).toBe(true);
        const accounts = await get<{ sync: { state: string } }[]>('/api/accounts');
        expect(accounts).toHaveLength(2);
        ws.close();
      });
    });
  });
});
