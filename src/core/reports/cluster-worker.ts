import { serveJobs } from '../threads/serve-jobs';
import { clusterConversations } from './clusters';
import type { ClusterMember } from './clusters';
import type { Cluster } from '../../shared';

// Clusters the crisis view's conversations on a thread of its own (see cluster-runner.ts).
serveJobs<ClusterMember[], Cluster[]>((members) => clusterConversations(members));
