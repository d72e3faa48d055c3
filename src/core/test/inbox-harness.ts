import { afterEach } from 'vitest';
import { parseScenario } from '../../emulator/scenario';
import type { ScenarioInput } from '../../emulator/scenario';
import { startEmulator } from '../../emulator/server';
import type { Emulator, EmulatorOptions } from '../../emulator/server';
import { MemorySecretStore } from '../secrets/secret-store';
import { InboxService } from '../service';
import { SqliteStore } from '../store/sql/sqlite-store';
import { PostgresStore } from '../store/pg/postgres-store';
import type { InboxStore } from '../store/port';
import { NO_TEST_SERVER, createTestDatabase, testServerUrl } from '../store/test/pg-test-database';
import type { InboxServiceOptions } from '../service-options';
import { clockStartingAt } from '../time/clock';
import type { Clock } from '../time/clock';
import { tempDir } from './fixtures';
import { storeInDatabase } from './store-contents';
import { connectAll, smallScenario } from './scenario';

/**
 * Cleanups of the running test, run after it in reverse order. Call `useCleanups()` once at the
 * top of a spec file.
 */
export function useCleanups(): (clean: () => Promise<void>) => void {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const clean of cleanups.splice(0).reverse()) await clean();
  });
  return (clean) => void cleanups.push(clean);
}

/**
 * An inbox over loopback as tests need it: the emulator with a scenario, a fresh data folder, the
 * service on both, its X account and Page connected and synced once. `open()` opens the same
 * inbox again (one keychain for both, as on a machine), for restart tests.
 */
export async function inboxOnEmulator(
  cleanup: (clean: () => Promise<void>) => void,
  options: {
    scenario?: ScenarioInput;
    /** Emulator options besides the scenario (`shiftToNow`, `now`, rate limits...). */
    emulator?: Partial<Omit<EmulatorOptions, 'scenario'>>;
    sync?: ('x' | 'facebook')[];
    /** Options of the service, or a function of the emulator giving them (for its addresses). */
    service?: Partial<InboxServiceOptions> | ((emulator: Emulator) => Partial<InboxServiceOptions>);
    /** The time of both the inbox and the emulator; by default it runs from the scenario's anchor. */
    clock?: Clock;
  } = {},
) {
  const scenario = parseScenario(options.scenario ?? smallScenario());
  // The inbox and the platforms live at the scenario's date, whatever today's date is.
  const clock = options.clock ?? clockStartingAt(scenario.anchor);
  const emulator = await startEmulator({
    scenario,
    port: 0,
    now: () => clock.now(),
    ...options.emulator,
  });
  cleanup(() => emulator.close());
  const { dir, cleanup: removeDir } = await tempDir();
  cleanup(removeDir);
  const secrets = new MemorySecretStore();
  // The store is opened here, so a test can reach the engine (e.g. to make it refuse writes). The
  // PostgreSQL run (vitest.postgres.config.ts) gives the inbox a database of its own instead.
  let store: InboxStore | null = null;
  let database: string | null = null;
  if (process.env.SOCIAL_INBOX_TEST_ENGINE === 'postgres') {
    const server = testServerUrl();
    if (server == null) throw new Error(`The PostgreSQL suite cannot run: ${NO_TEST_SERVER}`);
    const created = await createTestDatabase(server);
    cleanup(created.drop);
    database = created.url;
    storeInDatabase(dir, database);
  }
  const open = async () => {
    store =
      database == null
        ? SqliteStore.open(dir, { clock })
        : await PostgresStore.open({ url: database, clock, poolSize: 4 });
    const service = await InboxService.open({
      dataDir: dir,
      xBaseUrl: emulator.xBaseUrl,
      graphBaseUrl: emulator.graphBaseUrl,
      secrets,
      clock,
      store,
      ...(typeof options.service === 'function' ? options.service(emulator) : options.service),
    });
    cleanup(() => service.close());
    return service;
  };
  const service = await open();
  const { x, fb } = await connectAll(service);
  const sync = options.sync ?? ['x', 'facebook'];
  if (sync.includes('x')) await service.syncAccountOnce(x.id);
  if (sync.includes('facebook')) await service.syncAccountOnce(fb.id);
  /** The embedded store of the inbox opened last (for tests that reach into SQLite). */
  const storeOf = (): SqliteStore => {
    if (!(store instanceof SqliteStore))
      throw new Error('This test reaches into the embedded store');
    return store;
  };
  return { emulator, dir, service, x, fb, open, clock, store: storeOf };
}
