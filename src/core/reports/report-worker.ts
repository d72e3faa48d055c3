import { workerData } from 'node:worker_threads';
import { serveJobs } from '../threads/serve-jobs';
import { SqlConversations } from '../store/sql/sql-conversations';
import { SqlGaps } from '../store/sql/sql-gaps';
import { SqlOutbox, SqlPosts } from '../store/sql/sql-records';
import { openDatabase } from '../store/sql/sqlite';
import { clusterConversations } from './clusters';
import { Reports } from './reports';
import type { ReportStore } from './report-cases';
import type { ReportJob, ReportSource } from './report-thread';

// Makes the managers' reports on a thread of their own (see report-thread.ts), through connections
// of its own: each report sees every commit made before it was asked. The crisis view's stories
// are found here too: the thread is already off the event loop.
const source = workerData as ReportSource;
const { store, close } = 'file' in source ? embedded(source.file) : await postgres(source);

/**
 * The embedded store's file through a connection that only reads: WAL lets it read while the
 * store's one writer writes.
 */
function embedded(file: string): { store: ReportStore; close: () => void } {
  const db = openDatabase(file);
  // A report reads its range once: the operating system's file cache serves it as well as a large
  // cache of this connection's own would, which the hub would carry in its memory from then on.
  db.exec('PRAGMA query_only = ON; PRAGMA cache_size = -8000');
  return {
    store: {
      conversations: new SqlConversations(db),
      posts: new SqlPosts(db),
      gaps: new SqlGaps(db),
      // The replies sent translated, which the answers in the customer's language mark.
      outbox: new SqlOutbox(db),
    },
    close: () => db.close(),
  };
}

/** A PostgreSQL database, through a pool of its own (loaded only here: the desktop app has none). */
async function postgres(source: Extract<ReportSource, { database: unknown }>) {
  const { pgReportStore } = await import('../store/pg/pg-report-store');
  return pgReportStore(source.database);
}

serveJobs<ReportJob, unknown>((job) => {
  const reports = new Reports({
    store,
    agents: () => job.agents,
    now: () => new Date(job.now),
    cluster: async (members) => clusterConversations(members),
  });
  switch (job.call) {
    case 'report':
      return reports.report(job.input);
    case 'drill':
      return reports.drill(job.input);
    case 'crisis':
      return reports.crisis(job.input);
    case 'complaints':
      return reports.complaints(job.input);
  }
}, close);
