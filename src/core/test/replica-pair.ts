import { parseScenario } from '../../emulator/scenario';
import { startEmulator } from '../../emulator/server';
import type { Emulator } from '../../emulator/server';
import { MemorySecretStore } from '../secrets/secret-store';
import { InboxService } from '../service';
import { PostgresStore } from '../store/pg/postgres-store';
import { createTestDatabase } from '../store/test/pg-test-database';
import { clockStartingAt } from '../time/clock';
import type { Clock } from '../time/clock';
import { tempDir } from './fixtures';
import { smallScenario } from './scenario';

/** Two inboxes on one PostgreSQL database, as two hub replicas run them, and their platforms. */
export interface ReplicaPair {
  emulator: Emulator;
  clock: Clock;
  /** The database both keep their store in. */
  url: string;
  a: InboxService;
  b: InboxService;
  storeA: PostgresStore;
  storeB: PostgresStore;
}

/**
 * Two inboxes on a fresh database of the test server (each its own data folder and keychain), on
 * one emulator and one clock; `cleanup` is given what closes and removes them.
 */
export async function openReplicaPair(
  server: string,
  cleanup: (clean: () => Promise<void>) => void,
  presenceTtlMs = 60_000,
): Promise<ReplicaPair> {
  const db = await createTestDatabase(server);
  cleanup(db.drop);
  const scenario = parseScenario(smallScenario(6));
  const clock = clockStartingAt(scenario.anchor);
  const emulator = await startEmulator({ scenario, port: 0, now: () => clock.now() });
  cleanup(() => emulator.close());
  const open = async () => {
    const { dir, cleanup: remove } = await tempDir();
    cleanup(remove);
    const store = await PostgresStore.open({ url: db.url, clock, poolSize: 4 });
    const service = await InboxService.open({
      dataDir: dir,
      xBaseUrl: emulator.xBaseUrl,
      graphBaseUrl: emulator.graphBaseUrl,
      secrets: new MemorySecretStore(),
      clock,
      store,
      presenceTtlMs,
    });
    cleanup(() => service.close().catch(() => undefined));
    await store.events.ready();
    return { service, store };
  };
  const first = await open();
  const second = await open();
  return {
    emulator,
    clock,
    url: db.url,
    a: first.service,
    b: second.service,
    storeA: first.store,
    storeB: second.store,
  };
}
