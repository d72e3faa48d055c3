import { describe, expect, it } from 'vitest';
import { HubHealthSchema } from '../shared';
import type { HubHealth } from '../shared';
import { MemorySecretStore } from '../core/secrets/secret-store';
import { PG_SCHEMA_VERSION } from '../core/store/pg/pg-migrations';
import { databaseName } from '../core/store/pg/pg-client';
import {
  NO_TEST_SERVER,
  createTestDatabase,
  testServerUrl,
} from '../core/store/test/pg-test-database';
import { tempDir } from '../core/test/fixtures';
import { useCleanups } from '../core/test/inbox-harness';
import { BRAND_X, smallScenario } from '../core/test/scenario';
import { clockStartingAt } from '../core/time/clock';
import { parseScenario } from '../emulator/scenario';
import { startEmulator } from '../emulator/server';
import { parseHubConfig } from './config';
import { runHub } from './run-hub';
import type { RunningHub } from './run-hub';
import { hubCall } from './test/hub-calls';

const server = testServerUrl();
const cleanup = useCleanups();

async function healthOf(hub: RunningHub): Promise<HubHealth> {
  const { envelope } = await hubCall(hub.url, null, 'GET', '/api/health');
  return HubHealthSchema.parse((envelope as { result: unknown }).result);
}

describe.skipIf(server == null)(
  `The health of hub replicas on one PostgreSQL database${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('names the database and the replica syncing each account, and hands the account over at once on a stop', async () => {
      const db = await createTestDatabase(server!);
      cleanup(db.drop);
      const scenario = parseScenario(smallScenario(2));
      const clock = clockStartingAt(scenario.anchor);
      const emulator = await startEmulator({ scenario, port: 0, now: () => clock.now() });
      cleanup(() => emulator.close());
      const secrets = new MemorySecretStore();
      const start = async (dir: string) => {
        const { config } = parseHubConfig(
          [
            ...['--port', '0', '--data', dir, '--database', db.url, '--poll', '600000'],
            ...['--x-base-url', emulator.xBaseUrl, '--graph-base-url', emulator.graphBaseUrl],
          ],
          {},
        );
        const hub = await runHub(config, { clock, secrets });
        cleanup(() => hub.close());
        return hub;
      };
      const first = await tempDir();
      const second = await tempDir();
      cleanup(first.cleanup);
      cleanup(second.cleanup);
      const a = await start(first.dir);
      const account = await a.service.connectAccount({ platform: 'x', token: BRAND_X.token });
      // The second replica, on a folder of its own, reads the team and the account from the database.
      const b = await start(second.dir);
      expect((await b.service.listAccounts()).map((x) => x.id)).toEqual([account.id]);
      a.service.startSync();
      await expect.poll(async () => (await healthOf(a)).sync[0]?.holder).toBe(a.replica);
      b.service.startSync();

      for (const hub of [a, b]) {
        const health = await healthOf(hub);
        expect(health.database).toEqual({
          kind: 'postgres',
          name: databaseName(db.url),
          reachable: true,
          schema: PG_SCHEMA_VERSION,
          expectedSchema: PG_SCHEMA_VERSION,
        });
        expect(health.sync).toEqual([
          { accountId: account.id, holder: a.replica, thisReplica: hub === a },
        ]);
        const password = new URL(db.url).password;
        const text = JSON.stringify(health);
        if (password) expect(text).not.toContain(password);
        expect(text).not.toContain(BRAND_X.token);
      }

      // A stop gives the lease up: B takes the account at its next renewal, not after 15 s.
      const stopped = performance.now();
      await a.close();
      await expect
        .poll(async () => (await healthOf(b)).sync[0], { timeout: 8000, interval: 100 })
        .toEqual({ accountId: account.id, holder: b.replica, thisReplica: true });
      expect(performance.now() - stopped).toBeLessThan(6000);
    });
  },
);
