import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Agent } from '../shared';
import { tempDir } from '../core/test/fixtures';
import {
  NO_TEST_SERVER,
  createTestDatabase,
  testServerUrl,
} from '../core/store/test/pg-test-database';
import { ManualClock } from '../core/time/clock';
import { parseHubConfig } from './config';
import { runHub } from './run-hub';
import type { RunningHub } from './run-hub';
import { hubResult } from './test/hub-calls';

// Hubs opening one empty PostgreSQL database at the same moment, each with a data folder of its
// own and no team yet: one of them creates the first manager, the others find it.
const server = testServerUrl();
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe.skipIf(server == null)(
  `The first manager of hubs opening one empty database${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('is created once when three hubs start at once', async () => {
      const db = await createTestDatabase(server!);
      cleanups.push(db.drop);
      const clock = new ManualClock('2026-03-01T09:00:00.000Z');
      const start = async () => {
        const folder = await tempDir();
        cleanups.push(folder.cleanup);
        const { config } = parseHubConfig(
          ['--port', '0', '--data', folder.dir, '--database', db.url],
          {},
        );
        const hub = await runHub(config, { clock });
        cleanups.unshift(() => hub.close());
        return hub;
      };
      const hubs: RunningHub[] = await Promise.all([start(), start(), start()]);

      const made = hubs.filter((h) => h.firstManager != null);
      expect(made).toHaveLength(1);
      expect(hubs.flatMap((h) => h.newAgents)).toHaveLength(1);
      const token = made[0]!.firstManager!.token;
      // Every hub knows one agent, the manager, and lets that token in.
      for (const hub of hubs) {
        await hub.service.refreshSettings();
        expect((await hub.service.listAgents()).map((a) => a.role)).toEqual(['manager']);
        const me = await hubResult<Agent>(hub.url, token, 'GET', '/api/session');
        expect(me.role).toBe('manager');
      }
      // One creation in the audit trail, which is one chain.
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ canonical: string }>('SELECT canonical FROM audit');
        expect(rows.filter((r) => r.canonical.includes('"agent.created"'))).toHaveLength(1);
      } finally {
        await client.end();
      }
      expect((await hubs[0]!.service.verifyAudit()).intact).toBe(true);
    });
  },
);
