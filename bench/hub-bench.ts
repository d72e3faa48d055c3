import { existsSync } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type {
  Conversation,
  ConversationDetail,
  ConversationPage,
  ListConversationsInput,
  Report,
} from '../src/shared';
import { moveToPostgres } from '../src/core/store/move/to-postgres';
import { databaseName } from '../src/core/store/pg/pg-client';
import { DATABASE_FILE } from '../src/core/store/sql/sqlite';
import { systemClock } from '../src/core/time/clock';
import { tempDir } from '../src/core/test/fixtures';
import type { Figure } from './figure';
import { percentile } from './figure';
import { PAGE_SIZE, conversationId, conversationPath, listPath } from './hub-paths';
import { HubClient } from './hub-client';
import { HubProcess } from './hub-process';
import { createTeam, seededFolder } from './hub-seed';
import { AGENT_PACE, teamFigures } from './hub-team';
import { END, uiQuery } from './sql-store-seed';

const SAMPLES = 1000;
const DAY_MS = 86_400_000;

const now = () => performance.timeOrigin + performance.now();
const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * The issue's figures through the hub's HTTP API, at N conversations: the hub started as an
 * operator starts it (`npm run hub`, its own process) on a copy of a seeded data folder, signed in
 * with personal tokens, asked what the UI asks. With `team`, 20 agents also list and write at once.
 *
 * The seed assigns conversations to `agent-0` … `agent-19` (sql-store-seed.ts): the 20 agents are
 * created through the service as any team is, then given those ids in the settings document, so
 * the seed's assignments are theirs and their `mine` filter finds them.
 */
export async function hubBench(
  n: number,
  options: { team?: boolean; database?: string | null } = {},
): Promise<Figure[]> {
  const size = n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
  const database = options.database ?? null;
  const label = database ? `${size} on PostgreSQL` : size;
  const log = (text: string) => console.error(`[hub ${label}] ${text}`);
  // The bench's own fetch loaded before it times anything (Node loads it at its first call).
  await (await fetch('data:text/plain,ready')).text();
  const seed = await seededFolder(n, log);
  const work = await tempDir('inbox-hub-bench-');
  let hub: HubProcess | null = null;
  try {
    let start = performance.now();
    for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) {
      if (existsSync(join(seed.dir, name))) {
        await copyFile(join(seed.dir, name), join(work.dir, name));
        // On the disk before the hub starts: a copy still being written back while the hub runs
        // would slow its every flush, as no running hub's disk is.
        const copy = await open(join(work.dir, name), 'r');
        await copy.sync().finally(() => copy.close());
      }
    }
    log(`data folder copied and synced in ${round(performance.now() - start)} ms`);
    start = performance.now();
    const team = await createTeam(work.dir);
    log(
      `the manager and ${team.agents.length} agents created in ${round(performance.now() - start)} ms`,
    );
    const figures: Figure[] = [];
    if (database) {
      // The seeded folder moved into the database as an operator moves one (emptied first).
      start = performance.now();
      const moved = await moveToPostgres(work.dir, database, {
        clock: systemClock,
        replace: true,
      });
      const ms = performance.now() - start;
      log(`moved into ${databaseName(database)} in ${round(ms)} ms`);
      figures.push({
        name: `npm run migrate: a data folder into PostgreSQL, checked, at ${size}`,
        value: ms / 1000,
        unit: 's',
        budget: null,
        note: `${Object.entries(moved.counts)
          .map(([t, c]) => `${c} ${t}`)
          .join(
            ', ',
          )}; one transaction, batches of 500 rows, the kept counts and the indexes built from them after, then the counts, audit head and verify checked`,
      });
    }

    // Open: the hub process started, and the first page of the queue asked as soon as it listens.
    const spawnedAt = now();
    hub = await HubProcess.start(work.dir, database ? ['--database', database] : []);
    const listeningAt = now();
    const client = new HubClient(hub.url);
    const agent0 = team.agents[0]!.token;
    const first = await client.get<ConversationPage>(agent0, listPath({ sort: 'newest' }));
    const firstPageAt = now();
    if (first.result.items.length === 0) throw new Error('the first page is empty');
    const opened = await hub.serviceOpen();
    await hub.phase('start', log);
    const modulesMs = opened.startedAt - spawnedAt;
    const serverMs = listeningAt - opened.startedAt - opened.ms;
    figures.push(
      {
        name: `hub: service open and the first page of the queue, at ${label}`,
        value: opened.ms + first.ms,
        unit: 'ms',
        budget: 200,
        note: `InboxService.open timed inside the hub process (${round(opened.ms)} ms), plus GET /api/conversations?sort=newest&limit=${PAGE_SIZE} as the first request on a new connection (${round(first.ms)} ms, ${Math.round(first.bytes / 1024)} kB)`,
      },
      {
        name: `hub: process start to the first page served, at ${label}`,
        value: firstPageAt - spawnedAt,
        unit: 'ms',
        budget: null,
        note: `from spawning node on the hub's bundle: ${round(modulesMs)} ms until the service starts to open (node, the modules loaded), ${round(opened.ms)} ms to open it, ${round(serverMs)} ms more until it says it listens (the rest of runHub: the Idempotency-Keys read, HTTP server, listen), ${round(firstPageAt - listeningAt)} ms for the first page`,
      },
    );

    // The UI's filter mix, one agent after the other; one in ten goes on to the next page.
    const listTimes: number[] = [];
    /** By the filters a query has (`status,sort`…), to tell which ones are slow. */
    const byKind = new Map<string, number[]>();
    let listBytes = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const input: ListConversationsInput = { sort: 'newest', ...uiQuery(i) };
      const kind = Object.keys(input).join(',');
      const page = await client.get<ConversationPage>(agent0, listPath(input));
      const times = [page.ms];
      listBytes += page.bytes;
      if (i % 10 === 0 && page.result.nextCursor) {
        const next = await client.get<ConversationPage>(
          agent0,
          listPath({ ...input, cursor: page.result.nextCursor }),
        );
        times.push(next.ms);
        listBytes += next.bytes;
      }
      listTimes.push(...times);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ...times]);
    }
    await hub.phase('lists', log);
    const p95ByKind = [...byKind]
      .map(([kind, times]) => ({ kind, p95: round(percentile(times, 95)), samples: times.length }))
      .sort((a, b) => b.p95 - a.p95);
    log(
      `lists: median ${round(percentile(listTimes, 50))} ms, ${Math.round(listBytes / listTimes.length / 1024)} kB a page on average; p95 by filters: ` +
        p95ByKind.map((k) => `${k.kind} ${k.p95} ms (${k.samples})`).join('; '),
    );
    const slowest = p95ByKind.slice(0, 3).map((k) => `${k.kind} ${k.p95} ms`);
    figures.push({
      name: `hub: list/filter/search p95 (${listTimes.length} samples of the UI's mix, HTTP), at ${label}`,
      value: percentile(listTimes, 95),
      unit: 'ms',
      budget: 20,
      note: `GET /api/conversations with uiQuery's filters, limit ${PAGE_SIZE}, one in ten followed by its next page; until the whole body is read; the slowest filters' p95: ${slowest.join(', ')}`,
    });

    const openTimes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const id = conversationId((i * 7919) % n);
      const detail = await client.get<ConversationDetail>(agent0, conversationPath(id));
      openTimes.push(detail.ms);
      if (detail.result.posts.length === 0) throw new Error(`${id} has no posts`);
    }
    await hub.phase('opens', log);
    figures.push({
      name: `hub: open a conversation with its timeline p95 (HTTP), at ${label}`,
      value: percentile(openTimes, 95),
      unit: 'ms',
      budget: 30,
      note: 'GET /api/conversations/:id (the conversation, its posts, actions, notes, replies)',
    });

    // Triage writes, one at a time: each conversation opened first (not timed), as an agent does.
    // The hub's own time on each (its Server-Timing header) tells it apart from the client's.
    const hubWriteTimes: number[] = [];
    const writeOne = async (i: number, keyed: boolean) => {
      const id = conversationId((i * 104_729) % n);
      const { result } = await client.get<ConversationDetail>(agent0, conversationPath(id));
      const c = result.conversation;
      const status = c.status === 'open' ? 'pending' : 'open';
      const write = await client.post<Conversation>(
        agent0,
        '/api/conversations/update',
        { id, version: c.version, status },
        { keyed },
      );
      hubWriteTimes.push(write.hubMs);
      return write.ms;
    };
    const writeTimes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) writeTimes.push(await writeOne(i, true));
    const commitTimes = await hub.phase('writes', log);
    if (commitTimes.length !== SAMPLES)
      throw new Error(`${commitTimes.length} commits for ${SAMPLES} writes`);
    // The same without an Idempotency-Key, to tell the key's part (logged, no figure).
    const unkeyed: number[] = [];
    for (let i = SAMPLES; i < SAMPLES + 200; i++) unkeyed.push(await writeOne(i, false));
    await hub.phase('writes without keys', log);
    log(
      `writes: median ${round(percentile(writeTimes, 50))} ms over HTTP, ${round(percentile(commitTimes, 50))} ms in the store; ` +
        `without an Idempotency-Key p95 ${round(percentile(unkeyed, 95))} ms, median ${round(percentile(unkeyed, 50))} ms; ` +
        `the hub's own time (Server-Timing) p95 ${round(percentile(hubWriteTimes, 95))} ms, median ${round(percentile(hubWriteTimes, 50))} ms; ` +
        `the event loop's heap ${Math.round(hub.heap.heapMb)} MB`,
    );
    figures.push(
      {
        name: `hub: durable triage write p95 (HTTP), at ${label}`,
        value: percentile(writeTimes, 95),
        unit: 'ms',
        budget: database ? 20 : 5,
        note: 'POST /api/conversations/update with an Idempotency-Key, as the UI sends it: the key written to the store before the call and its answer after, the store commit and the WAL flush that makes both durable, the JSON answer',
      },
      {
        name: `hub: durable triage write p95, the hub's own time, at ${label}`,
        value: percentile(hubWriteTimes, 95),
        unit: 'ms',
        budget: null,
        note: "the same writes from the request's arrival in the hub to its answer, as its Server-Timing header says: the HTTP figure less the loopback round trip and the client's own work",
      },
      {
        name: `hub: durable triage write p95, the store's commit, at ${label}`,
        value: percentile(commitTimes, 95),
        unit: 'ms',
        budget: database ? 20 : 5,
        note: database
          ? 'PostgresStore.commit timed inside the hub process during the writes above: the transaction, durable once COMMIT answers'
          : 'SqliteStore.commit timed inside the hub process during the writes above: the transaction. A triage change goes through the change queue, whose commits do not wait for the WAL flush (off the event loop, shared by the changes queued together): the HTTP figure includes that wait',
      },
    );

    const rssKb = await hub.memoryKb();
    figures.push({
      name: `hub RSS after the lists, opens and writes, at ${label}`,
      value: rssKb.rss / 1024,
      unit: 'MB',
      budget: 400,
      note: `VmRSS of the hub process; its peak so far (VmHWM) ${Math.round(rssKb.peak / 1024)} MB`,
    });

    if (options.team) {
      for (const pace of [AGENT_PACE, null])
        figures.push(...(await teamFigures([{ client, hub }], team.agents, label, log, pace)));
      const after = await hub.memoryKb();
      log(
        `RSS after the agents: ${Math.round(after.rss / 1024)} MB (peak ${Math.round(after.peak / 1024)} MB), of which the event loop's heap ${Math.round(hub.heap.heapMb)} MB used of ${Math.round(hub.heap.heapTotalMb)} MB held, and external ${Math.round(hub.heap.externalMb)} MB`,
      );
      // The same agents dealt between two replicas: a second hub on the same database (a data
      // folder of its own, empty: the team is the database's), as a team that outgrew one runs.
      if (database)
        figures.push(...(await twoReplicas(hub, client, team.agents, database, label, log)));
    }

    // The 30-day report: the last 30 days of the seed, as the SQL bench asks for it.
    const range = {
      from: new Date(END - 30 * DAY_MS).toISOString(),
      to: new Date(END).toISOString(),
      targetMinutes: '60',
    };
    const reportStart = performance.now();
    let reportMs = 0;
    let reportNote = `GET /api/reports?from=${range.from}&to=${range.to} as the manager`;
    // Whether the hub answers anything else meanwhile: /api/health asked again and again.
    let reporting = true;
    const health: number[] = [];
    const pinging = (async () => {
      while (reporting && !hub.exited) {
        const s = performance.now();
        await fetch(`${hub.url}/api/health`).then(
          (r) => r.text(),
          () => undefined,
        );
        health.push(performance.now() - s);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      const report = await client.get<Report>(
        team.manager,
        `/api/reports?${new URLSearchParams(range)}`,
        { timeoutMs: 600_000 },
      );
      reportMs = performance.now() - reportStart;
      reportNote += ` (${report.result.team.conversations} conversations in the range)`;
    } catch (err) {
      reportMs = performance.now() - reportStart;
      const { message, cause } = err as Error;
      reportNote += `; it failed: ${message}${cause instanceof Error ? ` (${cause.message})` : ''}`;
      if (hub.exited) reportNote += `; the hub exited: ${hub.tail()}`;
    } finally {
      reporting = false;
      await pinging;
    }
    if (health.length > 0)
      reportNote += `; meanwhile GET /api/health waited up to ${Math.round(Math.max(...health))} ms`;
    if (!hub.exited) await hub.phase('report', log);
    figures.push({
      name: `hub: 30-day report, at ${label}`,
      value: reportMs,
      unit: 'ms',
      budget: 1000,
      note: reportNote,
    });
    const after = hub.exited ? null : await hub.memoryKb();
    figures.push({
      name: `hub RSS after the run (the report too), at ${label}`,
      value: after ? after.rss / 1024 : Infinity,
      unit: 'MB',
      budget: 400,
      note: after
        ? `VmRSS of the hub process; its peak (VmHWM) ${Math.round(after.peak / 1024)} MB`
        : 'the hub had exited',
    });
    return figures;
  } finally {
    await hub?.stop();
    await work.cleanup();
    await seed.cleanup();
  }
}

/** The team's figures with the agents dealt between this hub and a second one on its database. */
async function twoReplicas(
  hub: HubProcess,
  client: HubClient,
  agents: { id: string; token: string }[],
  database: string,
  label: string,
  log: (text: string) => void,
): Promise<Figure[]> {
  const folder = await tempDir('inbox-hub-replica-');
  let second: HubProcess | null = null;
  try {
    second = await HubProcess.start(folder.dir, ['--database', database]);
    await second.serviceOpen();
    const replicas = [
      { client, hub },
      { client: new HubClient(second.url), hub: second },
    ];
    // Each client's first call made before the clock runs (a new connection, the team read).
    for (const r of replicas) await r.client.get(agents[0]!.token, '/api/session');
    const figures: Figure[] = [];
    for (const pace of [AGENT_PACE, null])
      figures.push(...(await teamFigures(replicas, agents, label, log, pace)));
    return figures;
  } finally {
    await second?.stop();
    await folder.cleanup();
  }
}
