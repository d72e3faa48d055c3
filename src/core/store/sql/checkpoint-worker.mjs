// Folds the store's WAL into its file on a thread of its own (see checkpointer.ts), with a
// connection of its own, so that no commit waits for it. Plain JavaScript: it needs no loader.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const { DatabaseSync } = createRequire(import.meta.url)('@photostructure/sqlite');
const port = parentPort;
const db = new DatabaseSync(workerData.file, { timeout: 5000 });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
port.on('message', (message) => {
  if (message !== 'checkpoint') return;
  try {
    port.postMessage({ done: { ...checkpoint.get() } });
  } catch (err) {
    port.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
});
port.postMessage({ ready: true });
