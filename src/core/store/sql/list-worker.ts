import { workerData } from 'node:worker_threads';
import { serveJobs } from '../../threads/serve-jobs';
import { pageJson } from './conversation-sql';
import { SqlConversations } from './sql-conversations';
import { openDatabase } from './sqlite';
import type { CheckpointResult, ReaderJob, ReaderOutput } from './list-reader';

// Lists the queue on a thread of its own (see list-reader.ts), through a connection of its own that
// only reads: WAL lets it read while the store's one writer writes, and each list sees every
// commit made before it was asked. It also folds the WAL into the database file when the store
// asks (wal-checkpoints.ts), so that no commit on the event loop waits for a checkpoint.
const { file } = workerData as { file: string };
const db = openDatabase(file);
db.exec('PRAGMA query_only = ON');
const conversations = new SqlConversations(db);

const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');

serveJobs<ReaderJob, ReaderOutput>(
  async (job) => {
    if ('checkpoint' in job) return checkpoint.get() as unknown as CheckpointResult;
    const { query, tuning, as } = job;
    conversations.tuning = tuning;
    const page = await conversations.listHere(query);
    return as === 'json' ? pageJson(page) : page;
  },
  () => db.close(),
);
