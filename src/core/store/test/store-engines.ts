import type { ListTuning } from '../sql/conversation-sql';
import { SqliteStore } from '../sql/sqlite-store';
import { PostgresStore } from '../pg/postgres-store';
import { numbered } from '../pg/pg-client';
import type { ConversationRepository, InboxStore } from '../port';
import type { Clock } from '../../time/clock';
import { tempDir } from '../../test/fixtures';
import { NO_TEST_SERVER, createTestDatabase, testServerUrl } from './pg-test-database';

/** A store of either engine, with the knob lists choose their plan by. */
export type TunableStore = InboxStore & {
  conversations: ConversationRepository & { tuning: ListTuning };
};

/** A store opened for one test in a place of its own (a temp folder, a throwaway database). */
export interface EngineStore {
  store: TunableStore;
  /** Closes the store and opens the same place again. */
  reopen(): Promise<TunableStore>;
  /** Runs SQL on the engine behind the store's back (`?` placeholders): a test's tampering. */
  raw(sql: string, ...params: (string | number)[]): Promise<void>;
  /** Closes whatever is open and removes the place. */
  dispose(): Promise<void>;
}

export interface StoreEngine {
  name: string;
  /** Why this engine's cases are skipped (null: they run). */
  skipped: string | null;
  open(clock: Clock): Promise<EngineStore>;
  /** What a hub is started with to keep its store on this engine, and what removes it after. */
  hubArgs(): Promise<{ args: string[]; dispose: () => Promise<void> }>;
}

const nothing = async () => undefined;

const sqlite: StoreEngine = {
  name: 'SQLite (embedded)',
  skipped: null,
  async open(clock) {
    const { dir, cleanup } = await tempDir();
    let store = SqliteStore.open(dir, { clock });
    return {
      store,
      async reopen() {
        await store.close();
        store = SqliteStore.open(dir, { clock });
        return store;
      },
      async raw(sql, ...params) {
        store.db.prepare(sql).run(...params);
      },
      async dispose() {
        await store.close();
        await cleanup();
      },
    };
  },
  async hubArgs() {
    return { args: [], dispose: nothing };
  },
};

const server = testServerUrl();

const postgres: StoreEngine = {
  name: 'PostgreSQL',
  skipped: server == null ? NO_TEST_SERVER : null,
  async open(clock) {
    const database = await createTestDatabase(server!);
    let store = await PostgresStore.open({ url: database.url, clock, poolSize: 4 });
    return {
      store,
      async reopen() {
        await store.close();
        store = await PostgresStore.open({ url: database.url, clock, poolSize: 4 });
        return store;
      },
      async raw(sql, ...params) {
        await store.pool.query(numbered(sql), params);
      },
      async dispose() {
        await store.close();
        await database.drop();
      },
    };
  },
  async hubArgs() {
    const database = await createTestDatabase(server!);
    return { args: ['--database', database.url], dispose: database.drop };
  },
};

/**
 * Every engine of the storage port: the conformance suite runs its cases against each. The
 * PostgreSQL run (`vitest.postgres.config.ts`) names its engine alone, and there a missing server
 * is a failure, not a skip.
 */
export const STORE_ENGINES: readonly StoreEngine[] = onlyEngine();

function onlyEngine(): StoreEngine[] {
  if (process.env.SOCIAL_INBOX_TEST_ENGINE !== 'postgres') return [sqlite, postgres];
  if (postgres.skipped) throw new Error(`The PostgreSQL suite cannot run: ${postgres.skipped}`);
  return [postgres];
}

/** A describe title saying when an engine is skipped, and why. */
export function engineTitle(engine: StoreEngine): string {
  return engine.skipped ? `${engine.name} (skipped: ${engine.skipped})` : engine.name;
}
