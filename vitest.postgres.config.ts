import { defineConfig } from 'vitest/config';

/**
 * The specs that run against a real PostgreSQL server (`npm run test:postgres`; `npm test` runs it
 * under `pg_virtualenv`): the storage port's conformance suite on PostgreSQL alone, the PostgreSQL
 * adapter's own specs, the hub's HTTP and WebSocket spec, and service specs whose inbox
 * (`inboxOnEmulator`) then keeps its store in PostgreSQL. The server comes from
 * SOCIAL_INBOX_TEST_DATABASE_URL or the PG* variables; each test makes its own database.
 */
export default defineConfig({
  test: {
    include: [
      'src/core/store/*-conformance.spec.ts',
      'src/core/store/pg/*.spec.ts',
      'src/core/reports/report-thread-postgres.spec.ts',
      'src/core/store/move/*.spec.ts',
      'src/core/sync/sync-leadership.spec.ts',
      'src/core/sync/replicas.spec.ts',
      'src/core/sync/webhook-edit-race.spec.ts',
      'src/hub/hub.spec.ts',
      'src/hub/replicas.spec.ts',
      'src/hub/first-manager.spec.ts',
      'src/hub/replica-processes.spec.ts',
      'src/hub/webhook-replicas.spec.ts',
      'src/core/replica-settings.spec.ts',
      'src/hub/replica-health.spec.ts',
      'src/hub/log-secrets.spec.ts',
      'src/core/hide.spec.ts',
      'src/core/triage/concurrent-triage.spec.ts',
      'src/core/rules/rules.spec.ts',
      'src/core/team/names-and-assignees.spec.ts',
      'src/core/statements/statement.spec.ts',
      'src/core/outbox/send-faults.spec.ts',
      'src/core/outbox/unsent.spec.ts',
      'src/core/outbox/x-uncertain-reply.spec.ts',
      'src/core/sync/platform-faults.spec.ts',
      'src/core/sync/x-caps.spec.ts',
      'src/core/connectors/x/x-served-text.spec.ts',
    ],
    environment: 'node',
    env: { SOCIAL_INBOX_TEST_ENGINE: 'postgres' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
