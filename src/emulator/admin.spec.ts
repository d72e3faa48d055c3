import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from './server';
import type { Emulator } from './server';
import { parseScenario } from './scenario';
import { testScenario } from './test-scenario';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ scenario: parseScenario(testScenario()), port: 0 });
});
afterAll(() => emulator.close());

const admin = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${emulator.url}/__emulator/${path}`, {
    method,
    ...(body
      ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
      : {}),
  });

describe('admin endpoints', () => {
  it('arms and clears faults from another process', async () => {
    expect(
      (await admin('faults', 'POST', { platform: 'graph', kind: 'error', status: 503, times: -1 }))
        .status,
    ).toBe(201);
    const failing = await fetch(`${emulator.graphBaseUrl}/v21.0/me`);
    expect(failing.status).toBe(503);
    expect((await fetch(`${emulator.graphBaseUrl}/v21.0/me`)).status).toBe(503);
    expect((await admin('faults', 'DELETE')).status).toBe(200);
    expect((await fetch(`${emulator.graphBaseUrl}/v21.0/me`)).status).not.toBe(503);
  });

  it('rejects a malformed fault and unknown endpoints', async () => {
    expect((await admin('faults', 'POST', { platform: 'myspace', kind: 'error' })).status).toBe(
      400,
    );
    expect((await admin('nothing')).status).toBe(404);
  });

  it('revokes tokens and lists writes', async () => {
    expect(await (await admin('revoke', 'POST', { token: 'no-such-token-here' })).json()).toEqual({
      revoked: false,
    });
    expect(await (await admin('writes')).json()).toEqual({ writes: [] });
  });
});
