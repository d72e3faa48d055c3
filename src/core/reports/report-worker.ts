import { workerData } from 'node:worker_threads';
import { serveJobs } from '../threads/serve-jobs';
import { SqlConversations } from '../store/sql/sql-conversations';
import { SqlGaps } from '../store/sql/sql-gaps';
import { SqlOutbox, SqlPosts } from '../store/sql/sql-records';
import { openDatabase } from '../store/sql/sqlite';
import { clusterConversations } from './clusters';
import { Reports } from './reports';
import type { ReportJob } from './report-thread';

// Makes the managers' reports on a thread of their own (see report-thread.ts), through a connection
// that only reads: WAL lets it read while the store's one writer writes, and each report sees
// every commit made before it was asked. The crisis view's stories are found here too: the thread
// is already off the event loop.
const { file } = workerData as { file: string };
const db = openDatabase(file);
// A report reads its range once: the operating system's file cache serves it as well as a large
// cache of this connection's own would, which the hub would carry in its memory from then on.
db.exec('PRAGMA query_only = ON; PRAGMA cache_size = -8000');
const store = {
  conversations: new SqlConversations(db),
  posts: new SqlPosts(db),
  gaps: new SqlGaps(db),
  // The replies sent translated, which the answers in the customer's language mark.
  outbox: new SqlOutbox(db),
};

serveJobs<ReportJob, unknown>(
  (job) => {
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
  },
  () => db.close(),
);
