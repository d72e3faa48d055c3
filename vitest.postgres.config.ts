import { defineConfig } from 'vitest/config';

/**
 * The specs that run against a real PostgreSQL server (`npm run test:postgres`, or `npm test`
 * under `pg_virtualenv`): the storage port's conformance suite on PostgreSQL alone, the
 * PostgreSQL adapter's own specs, and the hub on a PostgreSQL store. The server comes from
 * SOCIAL_INBOX_TEST_DATABASE_URL or the PG* variables; each test makes its own database.
 */
export default defineConfig({
  test: {
    include: [
      'src/core/store/*-conformance.spec.ts',
      'src/core/store/pg/*.spec.ts',
      'src/hub/hub.spec.ts',
    ],
    environment: 'node',
    env: { SOCIAL_INBOX_TEST_ENGINE: 'postgres' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
