import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationPage, Crisis, Report } from '../shared';
import { tempDir } from '../core/test/fixtures';
import { hubCall, hubResult, seedConversations } from './test/hub-calls';
import { BUILT_HUB, startHubProcess } from './test/hub-process';
import type { HubProcess } from './test/hub-process';

// `npm test` builds the hub's bundle (`npm run build:hub`) before vitest runs; `npm run hub` and
// the Docker image run it.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

describe.skipIf(!existsSync(BUILT_HUB))('the hub from its bundle (out/hub)', () => {
  it('has its worker threads beside it, under the names their runners look for', () => {
    for (const worker of ['list-worker', 'report-worker', 'cluster-worker'])
      expect(existsSync(join(dirname(BUILT_HUB), `${worker}.mjs`)), worker).toBe(true);
  });

  it('serves the queue, a report and the crisis view of a data folder, and stops on SIGTERM', async () => {
    const temp = await tempDir('built-hub-');
    cleanups.push(temp.cleanup);
    const seeded = await seedConversations(temp.dir, [400, 400, 400]);
    let hub: HubProcess | null = await startHubProcess(
      ['--port', '0', '--data', temp.dir, '--web-root', temp.dir],
      { entry: 'bundle' },
    );
    cleanups.push(async () => hub?.stop());
    const token = hub.managerToken!;
    expect(token).toMatch(/^sia_/);
    const ready = await hubCall<unknown>(hub.url, null, 'GET', '/api/ready');
    expect(ready.status).toBe(200);
    const page = await hubResult<ConversationPage>(
      hub.url,
      token,
      'GET',
      '/api/conversations?sort=newest&limit=50',
    );
    expect(page.items.map((c) => c.id).sort()).toEqual(seeded.map((c) => c.id).sort());
    const day = 86_400_000;
    const at = Date.parse(seeded[0]!.createdAt);
    const range = `from=${new Date(at - day).toISOString()}&to=${new Date(at + day).toISOString()}`;
    const report = await hubResult<Report>(hub.url, token, 'GET', `/api/reports?${range}`);
    expect(report.team.conversations).toBe(3);
    const crisis = await hubResult<Crisis>(hub.url, token, 'GET', '/api/reports/crisis');
    expect(crisis.hours.length).toBeGreaterThan(0);
    await hub.stop();
    expect(hub.child.exitCode).toBe(0);
    hub = null;
  });
});
