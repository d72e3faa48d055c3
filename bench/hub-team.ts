import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Conversation, ConversationPage, ListConversationsInput } from '../src/shared';
import type { Figure } from './figure';
import { percentile } from './figure';
import type { HubClient } from './hub-client';
import type { HubProcess } from './hub-process';
import { listPath } from './hub-paths';
import { uiQuery } from './sql-store-seed';

/** How long the team of agents lists and writes at once (BENCH_HUB_SECONDS to change it). */
const TEAM_SECONDS = Number(process.env.BENCH_HUB_SECONDS ?? 20);
const round = (ms: number) => Math.round(ms * 10) / 10;

/** A hub process and the client that calls it. */
export interface Replica {
  client: HubClient;
  hub: HubProcess;
}

/**
 * 20 agents, each with their own token, listing and writing on what they list, all at once. With
 * several replicas (hubs on one database), the agents are dealt among them in turn.
 */
export async function teamFigures(
  replicas: Replica[],
  agents: { id: string; token: string }[],
  label: string,
  log: (text: string) => void,
): Promise<Figure[]> {
  const lists: number[] = [];
  const writes: number[] = [];
  /** The same writes' time in the hub, from its Server-Timing header. */
  const hubWrites: number[] = [];
  let conflicts = 0;
  const hubsCpu = async () => {
    let ms = 0;
    for (const { hub } of replicas) ms += await hub.cpuMs();
    return ms;
  };
  const hubCpuBefore = await hubsCpu();
  // How long an answer that arrived waits for the clients' own event loop, part of each figure.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const benchCpuBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + TEAM_SECONDS * 1000;
  await Promise.all(
    agents.map(async ({ id: me, token }, k) => {
      const { client } = replicas[k % replicas.length]!;
      for (let i = k * 1009; performance.now() < deadline; i++) {
        const query = uiQuery(i);
        // The UI filters on the agent's own conversations, not on another agent's.
        const input: ListConversationsInput = {
          sort: 'newest',
          ...query,
          ...(query.assignee != null && query.assignee !== 'unassigned'
            ? { assignee: 'mine' }
            : {}),
        };
        const page = await client.get<ConversationPage>(token, listPath(input));
        lists.push(page.ms);
        const { items } = page.result;
        if (items.length === 0) continue;
        const c = items[(i * 31 + k) % items.length]!;
        const status = c.status === 'open' ? 'pending' : 'open';
        const write = await client.post<Conversation>(
          token,
          '/api/conversations/update',
          { id: c.id, version: c.version, status, ...(c.assignee == null ? { assignee: me } : {}) },
          { conflictOk: true },
        );
        if (write.status === 409) conflicts++;
        else {
          writes.push(write.ms);
          hubWrites.push(write.hubMs);
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  loopDelay.disable();
  const clientsLoopP95 = loopDelay.percentile(95) / 1e6;
  const hubCpu = (await hubsCpu()) - hubCpuBefore;
  const benchCpuUs = process.cpuUsage(benchCpuBefore);
  const benchCpu = (benchCpuUs.user + benchCpuUs.system) / 1000;
  const share = (cpuMs: number) => `${Math.round(cpuMs / seconds / 10)}%`;
  const commits: number[] = [];
  const hubLoops: string[] = [];
  for (const { hub } of replicas) {
    commits.push(...(await hub.phase('team', log)));
    hubLoops.push(`${round(hub.loopP95Ms)} ms`);
  }
  const spread = replicas.length > 1 ? ` over ${replicas.length} replicas` : '';
  log(
    `${agents.length} agents${spread} for ${seconds.toFixed(1)} s: ${lists.length} lists, ${writes.length} writes, ${conflicts} conflicts; write p95 in the hub (Server-Timing) ${round(percentile(hubWrites, 95))} ms; store commit p95 ${round(percentile(commits, 95))} ms; event loop delay p95 in the clients ${round(clientsLoopP95)} ms, in the ${replicas.length > 1 ? 'hubs' : 'hub'} ${hubLoops.join(' and ')}`,
  );
  const processes =
    replicas.length > 1
      ? `the ${replicas.length} hub processes (one database, the agents dealt among them in turn) used ${share(hubCpu)} of a core together`
      : `the hub process used ${share(hubCpu)} of a core`;
  const note = `${agents.length} clients in the bench process, each with its own token, each a loop of a list (uiQuery, its assignee filter as "mine") and a triage write (with an Idempotency-Key) on a conversation of that page, for ${TEAM_SECONDS} s; ${conflicts} writes refused as conflicts (not counted); ${processes}, the clients ${share(benchCpu)}`;
  return [
    {
      name: `hub: ${agents.length} agents${spread} listing and writing, write p95, at ${label}`,
      value: percentile(writes, 95),
      unit: 'ms',
      budget: 50,
      note,
    },
    {
      name: `hub: ${agents.length} agents${spread} listing and writing, writes per second, at ${label}`,
      value: writes.length / seconds,
      unit: 'writes/s',
      budget: null,
      note,
    },
    {
      name: `hub: ${agents.length} agents${spread} listing and writing, list p95, at ${label}`,
      value: percentile(lists, 95),
      unit: 'ms',
      budget: null,
      note,
    },
  ];
}
