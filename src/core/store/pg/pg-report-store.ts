import type { ReportStore } from '../../reports/report-cases';
import { openPool } from './pg-client';
import type { PgConnection } from './pg-client';
import { PgConversations } from './pg-conversations';
import { PgGaps, PgOutbox, PgPosts } from './pg-records';

/**
 * Connections a report thread reads on: a report reads its cases' pages and their posts' facts a
 * page ahead, and a drill-down or the crisis view may be asked meanwhile.
 */
const REPORT_CONNECTIONS = 3;

/** What a report reads, from a PostgreSQL database through a pool of its own; `close` ends it. */
export function pgReportStore(connection: PgConnection): {
  store: ReportStore;
  close: () => void;
} {
  // Connected once and kept: a report should not wait for connections, nor for their server
  // processes to read the tables' descriptions at their first query.
  const pool = openPool(connection, REPORT_CONNECTIONS, { idleMs: 0 });
  for (let i = 0; i < REPORT_CONNECTIONS; i++)
    void pool
      .query('SELECT count(*) FROM (SELECT 1 FROM conversations, posts LIMIT 1) AS warm')
      .catch(() => undefined);
  return {
    store: {
      conversations: new PgConversations(pool),
      posts: new PgPosts(pool),
      gaps: new PgGaps(pool),
      outbox: new PgOutbox(pool),
    },
    close: () => void pool.end().catch(() => undefined),
  };
}
