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

/** A team's pace: each agent's list and write once every `everyMs`, or flat out (null). */
export type Pace = { everyMs: number } | null;

/** Each agent's list and write once a second: 20 writes a second from 20 agents. */
export const AGENT_PACE: Pace = { everyMs: 1000 };

/**
 * 20 agents, each with their own token, listing and writing on what they list, all at once. With
 * several replicas (hubs on one database), the agents are dealt among them in turn.
 *
 * Flat out (no pace), each agent starts its next list as soon as its write is answered: the
 * figures are the machine's capacity, and a write's p95 there is how long it queues behind the
 * others (20 agents over the calls a second the cores manage). At a pace, each agent starts a
 * list and its write at fixed times (a start more than one period late, behind a slow answer, is
 * counted), as a team works: the figures are what one agent waits for.
 */
export async function teamFigures(
  replicas: Replica[],
  agents: { id: string; token: string }[],
  label: string,
  log: (text: string) => void,
  pace: Pace = null,
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
  /** Paced starts that came more than a period late. */
  let late = 0;
  await Promise.all(
    agents.map(async ({ id: me, token }, k) => {
      const { client } = replicas[k % replicas.length]!;
      // At a pace, the agents' starts are spread over the period.
      const first = pace == null ? start : start + (k * pace.everyMs) / agents.length;
      for (let i = k * 1009, n = 0; ; i++, n++) {
        if (pace == null) {
          if (performance.now() >= deadline) break;
        } else {
          const at = first + n * pace.everyMs;
          if (at >= deadline) break;
          const wait = at - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          else if (-wait > pace.everyMs) late++;
        }
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
    commits.push(...(await hub.phase(pace == null ? 'team' : 'team at a pace', log)));
    hubLoops.push(`${round(hub.loopP95Ms)} ms`);
  }
  const spread = replicas.length > 1 ? ` over ${replicas.length} replicas` : '';
  const how =
    pace == null
      ? 'flat out'
      : `a list and a write every ${pace.everyMs} ms each (${late} starts more than a period late)`;
  log(
    `${agents.length} agents${spread}, ${how}, for ${seconds.toFixed(1)} s: ${lists.length} lists, ${writes.length} writes, ${conflicts} conflicts; write p95 in the hub (Server-Timing) ${round(percentile(hubWrites, 95))} ms; store commit p95 ${round(percentile(commits, 95))} ms; event loop delay p95 in the clients ${round(clientsLoopP95)} ms, in the ${replicas.length > 1 ? 'hubs' : 'hub'} ${hubLoops.join(' and ')}`,
  );
  const processes =
    replicas.length > 1
      ? `the ${replicas.length} hub processes (one database, the agents dealt among them in turn) used ${share(hubCpu)} of a core together`
      : `the hub process used ${share(hubCpu)} of a core`;
  const loop =
    pace == null
      ? 'each a loop of a list'
      : `each starting a list every ${pace.everyMs} ms (${late} starts more than a period late)`;
  const note = `${agents.length} clients in the bench process, each with its own token, ${loop} (uiQuery, its assignee filter as "mine") and a triage write (with an Idempotency-Key) on a conversation of that page, for ${TEAM_SECONDS} s; ${conflicts} writes refused as conflicts (not counted); ${processes}, the clients ${share(benchCpu)}`;
  // Flat out, the figures are the machine's capacity; at a pace, the wait the budgets are for.
  const what =
    pace == null
      ? `${agents.length} agents${spread} listing and writing flat out`
      : `${agents.length} agents${spread} each listing and writing every ${pace.everyMs / 1000} s`;
  const budget = pace == null ? null : 20;
  return [
    {
      name: `hub: ${what}, write p95, at ${label}`,
      value: percentile(writes, 95),
      unit: 'ms',
      budget,
      note,
    },
    {
      name: `hub: ${what}, writes per second, at ${label}`,
      value: writes.length / seconds,
      unit: 'writes/s',
      budget: null,
      note,
    },
    {
      name: `hub: ${what}, list p95, at ${label}`,
      value: percentile(lists, 95),
      unit: 'ms',
      budget,
      note,
    },
  ];
}
