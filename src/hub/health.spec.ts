import { describe, expect, it } from 'vitest';
import { HubHealthSchema, HubReadySchema } from '../shared';
import { MemorySecretStore } from '../core/secrets/secret-store';
import { SCHEMA_VERSION } from '../core/store/sql/migrations';
import { tempDir } from '../core/test/fixtures';
import { useCleanups } from '../core/test/inbox-harness';
import { BRAND_X, smallScenario } from '../core/test/scenario';
import { clockStartingAt } from '../core/time/clock';
import { parseScenario } from '../emulator/scenario';
import { startEmulator } from '../emulator/server';
import { parseHubConfig } from './config';
import { runHub } from './run-hub';
import { hubCall } from './test/hub-calls';

const cleanup = useCleanups();

async function startHub(extra: string[] = []) {
  const scenario = parseScenario(smallScenario(2));
  const clock = clockStartingAt(scenario.anchor);
  const emulator = await startEmulator({ scenario, port: 0, now: () => clock.now() });
  cleanup(() => emulator.close());
  const { dir, cleanup: remove } = await tempDir();
  cleanup(remove);
  const { config } = parseHubConfig(
    [
      ...['--port', '0', '--data', dir, ...extra],
      ...['--x-base-url', emulator.xBaseUrl, '--graph-base-url', emulator.graphBaseUrl],
    ],
    {},
  );
  const hub = await runHub(config, { clock, secrets: new MemorySecretStore() });
  cleanup(() => hub.close());
  return hub;
}

describe('the health and readiness of a hub on its embedded store', () => {
  it('reports the store, its schema and who syncs each account, without a secret', async () => {
    const hub = await startHub();
    const account = await hub.service.connectAccount({ platform: 'x', token: BRAND_X.token });
    const { status, envelope } = await hubCall(hub.url, null, 'GET', '/api/health');
    expect(status).toBe(200);
    const health = HubHealthSchema.parse((envelope as { result: unknown }).result);
    expect(health).toEqual({
      replica: hub.replica,
      ready: true,
      draining: false,
      database: {
        kind: 'sqlite',
        name: 'inbox.db',
        reachable: true,
        schema: SCHEMA_VERSION,
        expectedSchema: SCHEMA_VERSION,
      },
      sync: [{ accountId: account.id, holder: hub.replica, thisReplica: true }],
    });
    const text = JSON.stringify(envelope);
    expect(text).not.toContain(BRAND_X.token);
    expect(text).not.toContain(hub.firstManager!.token);

    const ready = await hubCall(hub.url, null, 'GET', '/api/ready');
    expect(ready.status).toBe(200);
    expect(HubReadySchema.parse((ready.envelope as { result: unknown }).result)).toEqual({
      ready: true,
      reason: null,
    });
  });

  it('says 503 from the moment it drains, while it still answers', async () => {
    const hub = await startHub(['--drain-delay', '1500']);
    const closed = hub.close();
    const ready = await hubCall(hub.url, null, 'GET', '/api/ready');
    expect(ready.status).toBe(503);
    expect(ready.envelope).toMatchObject({
      ok: false,
      error: { code: 'unavailable', details: { ready: false, reason: 'draining' } },
    });
    const health = await hubCall(hub.url, null, 'GET', '/api/health');
    expect(health.envelope).toMatchObject({ result: { ready: false, draining: true } });
    await closed;
    await expect(hubCall(hub.url, null, 'GET', '/api/ready')).rejects.toThrow();
  });
});
