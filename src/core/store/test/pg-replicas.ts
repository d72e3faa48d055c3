import type { Clock } from '../../time/clock';
import { PostgresStore } from '../pg/postgres-store';
import { createTestDatabase } from './pg-test-database';

/**
 * Two replicas' stores on one fresh database of the test server, read by one clock; the database
 * is dropped and the stores closed by `cleanups` (stores first).
 */
export async function openReplicas(
  server: string,
  clock: Clock,
  cleanups: (() => Promise<void>)[],
): Promise<[PostgresStore, PostgresStore]> {
  const db = await createTestDatabase(server);
  cleanups.push(db.drop);
  const a = await PostgresStore.open({ url: db.url, clock });
  const b = await PostgresStore.open({ url: db.url, clock });
  cleanups.unshift(
    () => a.close(),
    () => b.close(),
  );
  return [a, b];
}
