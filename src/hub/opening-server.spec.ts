import { describe, expect, it } from 'vitest';
import { HubReadySchema } from '../shared';
import { MemorySecretStore } from '../core/secrets/secret-store';
import { SqliteStore } from '../core/store/sql/sqlite-store';
import { tempDir } from '../core/test/fixtures';
import { useCleanups } from '../core/test/inbox-harness';
import { systemClock } from '../core/time/clock';
import { parseHubConfig } from './config';
import { startOpeningServer } from './opening-server';
import { runHub } from './run-hub';
import { hubCall } from './test/hub-calls';

const cleanup = useCleanups();

describe('a hub whose store is still opening', () => {
  it('answers 503 with Retry-After on its address, not ready, then serves there once open', async () => {
    const { dir, cleanup: remove } = await tempDir();
    cleanup(remove);
    const { config } = parseHubConfig(['--port', '0', '--data', dir], {});
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let url: string | null = null;
    const starting = runHub(config, {
      secrets: new MemorySecretStore(),
      onOpening: (at) => (url = at),
      openStore: async (folder) => {
        await gate;
        return SqliteStore.open(folder, { clock: systemClock });
      },
    });
    await expect.poll(() => url).not.toBeNull();
    const ready = await fetch(`${url}/api/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('5');
    const body = (await ready.json()) as { ok: boolean; error: { code: string; details: unknown } };
    expect(body).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(HubReadySchema.parse(body.error.details)).toEqual({ ready: false, reason: 'opening' });
    // Every other call is told the same, and nothing is served.
    const list = await fetch(`${url}/api/conversations`, {
      headers: { authorization: 'Bearer sia_someone' },
    });
    expect(list.status).toBe(503);
    expect(await list.text()).toContain('opening its store');

    open();
    const hub = await starting;
    cleanup(() => hub.close());
    expect(hub.url).toBe(url);
    const after = await hubCall(hub.url, null, 'GET', '/api/ready');
    expect(after.status).toBe(200);
    const listed = await hubCall(hub.url, hub.firstManager!.token, 'GET', '/api/conversations');
    expect(listed.status).toBe(200);
  });

  it('says how far the opening is, and gives its port back when closed', async () => {
    const opening = await startOpeningServer({ host: '127.0.0.1', port: 0, tls: null });
    const url = `http://127.0.0.1:${opening.port}`;
    opening.progress({ phase: 'upgrading', done: 420, total: 1000, unit: 'items' });
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.text()).toContain('bringing it up to date, 42%');
    await opening.close();
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    // Closed twice is closed once.
    await opening.close();
  });
});
