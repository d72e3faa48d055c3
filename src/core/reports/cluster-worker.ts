import { parentPort } from 'node:worker_threads';
import { clusterConversations } from './clusters';
import type { ClusterMember } from './clusters';

// Clusters the crisis view's conversations on a thread of its own (see cluster-runner.ts), one job
// after the other, and says it is ready once loaded.
const port = parentPort!;
port.on('message', ({ job, members }: { job: number; members: ClusterMember[] }) => {
  try {
    port.postMessage({ job, clusters: clusterConversations(members) });
  } catch (err) {
    port.postMessage({ job, error: err instanceof Error ? err.message : String(err) });
  }
});
port.postMessage({ ready: true });
