import { workerData } from 'node:worker_threads';
import type { ConversationPage } from '../../../shared';
import { serveJobs } from '../../threads/serve-jobs';
import { pageJson } from './conversation-sql';
import { SqlConversations } from './sql-conversations';
import { openDatabase } from './sqlite';
import type { ListJob } from './list-reader';

// Lists the queue on a thread of its own (see list-reader.ts), through a connection of its own that
// only reads: WAL lets it read while the store's one writer writes, and each list sees every
// commit made before it was asked.
const { file } = workerData as { file: string };
const db = openDatabase(file);
db.exec('PRAGMA query_only = ON');
const conversations = new SqlConversations(db);

serveJobs<ListJob, ConversationPage | string>(
  async ({ query, tuning, as }) => {
    conversations.tuning = tuning;
    const page = await conversations.listHere(query);
    return as === 'json' ? pageJson(page) : page;
  },
  () => db.close(),
);
