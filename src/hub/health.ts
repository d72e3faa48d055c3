import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PG_SCHEMA_VERSION } from '../core/store/pg/pg-migrations';
import type { PostgresStore } from '../core/store/pg/postgres-store';
import { SCHEMA_VERSION, schemaOf } from '../core/store/sql/migrations';
import { DATABASE_FILE, openDatabase } from '../core/store/sql/sqlite';
import type { Database } from '../core/store/sql/sqlite';
import type { Clock } from '../core/time/clock';
import type { HubHealth, HubReady } from '../shared';

type DatabaseHealth = HubHealth['database'];

/** How long the health check waits for the store before it says it did not answer. */
const PROBE_TIMEOUT_MS = 2000;

/** This process among the replicas: host name, process id and a random part (no secret in it). */
export function replicaName(): string {
  return `hub:${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * Whether the hub takes work: `opening` until its store is open (and migrated) and it listens,
 * `ready` then, `draining` from the moment it is told to stop.
 */
export class HubState {
  private phase: 'opening' | 'ready' | 'draining' = 'opening';

  ready(): void {
    if (this.phase === 'opening') this.phase = 'ready';
  }

  drain(): void {
    this.phase = 'draining';
  }

  get draining(): boolean {
    return this.phase === 'draining';
  }

  get readiness(): HubReady {
    return this.phase === 'ready'
      ? { ready: true, reason: null }
      : { ready: false, reason: this.phase };
  }
}

/** Asks the store how it is, and who holds each account's sync. */
export interface StoreProbe {
  database(): Promise<DatabaseHealth>;
  /** The replica holding each account's live sync lease (null: none holds it now). */
  leaders(accountIds: readonly string[]): Promise<Map<string, string | null>>;
  close(): Promise<void>;
}

/** PostgreSQL: a query on the pool (the newest migration), and the `leases` table. */
export function postgresProbe(store: PostgresStore, clock: Clock): StoreProbe {
  return {
    async database() {
      const base = {
        kind: 'postgres' as const,
        name: store.name,
        expectedSchema: PG_SCHEMA_VERSION,
      };
      try {
        const { rows } = await timed(
          store.pool.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations'),
        );
        return { ...base, reachable: true, schema: rows[0]?.v ?? null };
      } catch (err) {
        // Only the error's code: a driver's message may quote what it was given.
        const code = (err as { code?: unknown } | null)?.code;
        return {
          ...base,
          reachable: false,
          schema: null,
          error: `The database ${store.name} did not answer (${typeof code === 'string' ? code : 'error'})`,
        };
      }
    },
    async leaders(accountIds) {
      const out = new Map<string, string | null>(accountIds.map((id) => [id, null]));
      const { rows } = await timed(
        store.pool.query<{ name: string; holder: string }>(
          'SELECT name, holder FROM leases WHERE name = ANY($1) AND until_ms > $2',
          [accountIds.map((id) => `sync:${id}`), clock.now()],
        ),
      );
      for (const row of rows) out.set(row.name.slice('sync:'.length), row.holder);
      return out;
    },
    close: async () => undefined,
  };
}

/**
 * The embedded store: its file read through a connection of its own that only reads; every
 * account is synced by this process, the only one on the file.
 */
export function sqliteProbe(dataDir: string, replica: string): StoreProbe {
  let db: Database | null = null;
  return {
    async database() {
      const base = { kind: 'sqlite' as const, name: DATABASE_FILE, expectedSchema: SCHEMA_VERSION };
      try {
        db ??= openDatabase(join(dataDir, DATABASE_FILE), { readOnly: true });
        return { ...base, reachable: true, schema: schemaOf(db) };
      } catch (err) {
        db?.close();
        db = null;
        const code = (err as { code?: unknown }).code;
        return {
          ...base,
          reachable: false,
          schema: null,
          error: `The store cannot be read (${typeof code === 'string' ? code : 'error'})`,
        };
      }
    },
    leaders: async (accountIds) => new Map(accountIds.map((id) => [id, replica])),
    async close() {
      db?.close();
      db = null;
    },
  };
}

/** What `/api/health` answers. A store that does not answer is said so; nothing throws. */
export async function hubHealth(
  probe: StoreProbe,
  state: HubState,
  replica: string,
  accountIds: readonly string[],
): Promise<HubHealth> {
  const database = await probe.database();
  let leaders = new Map<string, string | null>();
  if (database.reachable) leaders = await probe.leaders(accountIds).catch(() => leaders);
  return {
    replica,
    ready: state.readiness.ready,
    draining: state.draining,
    database,
    sync: accountIds.map((accountId) => {
      const holder = leaders.get(accountId) ?? null;
      return { accountId, holder, thisReplica: holder === replica };
    }),
  };
}

function timed<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('no answer in time'), { code: 'ETIMEDOUT' })),
      PROBE_TIMEOUT_MS,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
