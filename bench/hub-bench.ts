import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  Conversation,
  ConversationDetail,
  ConversationPage,
  ListConversationsInput,
  Report,
} from '../src/shared';
import { InboxService } from '../src/core/service';
import { DATABASE_FILE } from '../src/core/store/sql/sqlite';
import { SqliteStore } from '../src/core/store/sql/sqlite-store';
import { WORKSPACE_FILE, settingsText } from '../src/core/store/workspace-store';
import type { Workspace } from '../src/core/store/workspace-store';
import { tempDir } from '../src/core/test/fixtures';
import { ManualClock } from '../src/core/time/clock';
import type { Figure } from './figure';
import { percentile } from './figure';
import { AGENTS, END, SEED_VERSION, seedStore, uiQuery } from './sql-store-seed';

const SAMPLES = 1000;
/** Conversations per page, as the queue asks for them (PAGE_SIZE of the UI). */
const PAGE_SIZE = 200;
/** How long the team of agents lists and writes at once (BENCH_HUB_SECONDS to change it). */
const TEAM_SECONDS = Number(process.env.BENCH_HUB_SECONDS ?? 20);
const DAY_MS = 86_400_000;
/** What the probe loaded into the hub process prints before each of its lines (see hub-probe.ts). */
const PROBE_MARK = 'hub-bench-probe:';

const HUB_ENTRY = fileURLToPath(new URL('../src/hub/cli.ts', import.meta.url));
const PROBE = pathToFileURL(fileURLToPath(new URL('./hub-probe.ts', import.meta.url))).href;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

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
export async function hubBench(n: number, options: { team?: boolean } = {}): Promise<Figure[]> {
  const label = n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
  const log = (text: string) => console.error(`[hub ${label}] ${text}`);
  // The bench's own fetch loaded before it times anything (Node loads it at its first call).
  await (await fetch('data:text/plain,ready')).text();
  const seed = await seededFolder(n, log);
  const work = await tempDir('inbox-hub-bench-');
  let hub: HubProcess | null = null;
  try {
    let start = performance.now();
    for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) {
      if (existsSync(join(seed.dir, name)))
        await copyFile(join(seed.dir, name), join(work.dir, name));
    }
    log(`data folder copied in ${round(performance.now() - start)} ms`);
    start = performance.now();
    const team = await createTeam(work.dir);
    log(
      `the manager and ${team.agents.length} agents created in ${round(performance.now() - start)} ms`,
    );
    const figures: Figure[] = [];

    // Open: the hub process started, and the first page of the queue asked as soon as it listens.
    const spawnedAt = now();
    hub = await HubProcess.start(work.dir);
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
        note: `from spawning node --import tsx src/hub/cli.ts: ${round(modulesMs)} ms until the service starts to open (node, tsx transpiling, the modules loaded), ${round(opened.ms)} ms to open it, ${round(serverMs)} ms more until it says it listens (the rest of runHub: the Idempotency-Keys read, HTTP server, listen), ${round(firstPageAt - listeningAt)} ms for the first page`,
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
        `without an Idempotency-Key p95 ${round(percentile(unkeyed, 95))} ms, median ${round(percentile(unkeyed, 50))} ms`,
    );
    figures.push(
      {
        name: `hub: durable triage write p95 (HTTP), at ${label}`,
        value: percentile(writeTimes, 95),
        unit: 'ms',
        budget: 5,
        note: 'POST /api/conversations/update with an Idempotency-Key, as the UI sends it: the key written to the store before the call and its answer after, the store commit and the WAL flush that makes both durable, the JSON answer',
      },
      {
        name: `hub: durable triage write p95, the store's commit, at ${label}`,
        value: percentile(commitTimes, 95),
        unit: 'ms',
        budget: 5,
        note: 'SqliteStore.commit timed inside the hub process during the writes above: the transaction. A triage change goes through the change queue, whose commits do not wait for the WAL flush (off the event loop, shared by the changes queued together): the HTTP figure includes that wait',
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

    if (options.team) figures.push(...(await teamFigures(client, team.agents, hub, label, log)));

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

/** 20 agents, each with their own token, listing and writing on what they list, all at once. */
async function teamFigures(
  client: HubClient,
  agents: { id: string; token: string }[],
  hub: HubProcess,
  label: string,
  log: (text: string) => void,
): Promise<Figure[]> {
  const lists: number[] = [];
  const writes: number[] = [];
  let conflicts = 0;
  const hubCpuBefore = await hub.cpuMs();
  const benchCpuBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + TEAM_SECONDS * 1000;
  await Promise.all(
    agents.map(async ({ id: me, token }, k) => {
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
        else writes.push(write.ms);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const hubCpu = (await hub.cpuMs()) - hubCpuBefore;
  const benchCpuUs = process.cpuUsage(benchCpuBefore);
  const benchCpu = (benchCpuUs.user + benchCpuUs.system) / 1000;
  const share = (cpuMs: number) => `${Math.round(cpuMs / seconds / 10)}%`;
  const commits = await hub.phase('team', log);
  log(
    `${agents.length} agents for ${seconds.toFixed(1)} s: ${lists.length} lists, ${writes.length} writes, ${conflicts} conflicts; store commit p95 ${round(percentile(commits, 95))} ms`,
  );
  const note = `${agents.length} clients in the bench process, each with its own token, each a loop of a list (uiQuery, its assignee filter as "mine") and a triage write (with an Idempotency-Key) on a conversation of that page, for ${TEAM_SECONDS} s; ${conflicts} writes refused as conflicts (not counted); the hub process used ${share(hubCpu)} of a core, the clients ${share(benchCpu)}`;
  return [
    {
      name: `hub: ${agents.length} agents listing and writing, write p95, at ${label}`,
      value: percentile(writes, 95),
      unit: 'ms',
      budget: 50,
      note,
    },
    {
      name: `hub: ${agents.length} agents listing and writing, writes per second, at ${label}`,
      value: writes.length / seconds,
      unit: 'writes/s',
      budget: null,
      note,
    },
    {
      name: `hub: ${agents.length} agents listing and writing, list p95, at ${label}`,
      value: percentile(lists, 95),
      unit: 'ms',
      budget: null,
      note,
    },
  ];
}

const conversationId = (i: number) => `x:${10_000_000 + i}`;
const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;
const listPath = (input: ListConversationsInput) =>
  `/api/conversations?${new URLSearchParams(
    Object.entries({ ...input, limit: PAGE_SIZE }).map(([k, v]): [string, string] => [
      k,
      String(v),
    ]),
  )}`;

/**
 * A seeded data folder of N conversations, left as it is: the SQL bench's (BENCH_SQL_DIR) when it
 * has one, else this bench's own (BENCH_HUB_DIR keeps it between runs), else a temporary one.
 */
async function seededFolder(
  n: number,
  log: (text: string) => void,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const keep = async () => undefined;
  const name = `${n}-seed${SEED_VERSION}`;
  const sql = process.env.BENCH_SQL_DIR ? join(process.env.BENCH_SQL_DIR, name) : null;
  if (sql && existsSync(join(sql, DATABASE_FILE))) return { dir: sql, cleanup: keep };
  const kept = process.env.BENCH_HUB_DIR ? join(process.env.BENCH_HUB_DIR, name) : null;
  const folder = kept
    ? (await mkdir(kept, { recursive: true }), { dir: kept, cleanup: keep })
    : await tempDir('inbox-hub-seed-');
  if (!existsSync(join(folder.dir, DATABASE_FILE))) {
    const start = performance.now();
    // As the SQL bench seeds it: its entries stamped a day after the last conversation arrived.
    const store = SqliteStore.open(folder.dir, {
      clock: new ManualClock(new Date(END + DAY_MS).toISOString()),
    });
    try {
      await seedStore(store, n);
    } finally {
      await store.close();
    }
    log(`seeded in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  return folder;
}

/**
 * A manager and the 20 agents, created through the service with their personal tokens; the agents
 * then take the seed's ids (`agent-0` …) in the settings document, so its assignments are theirs.
 */
async function createTeam(
  dir: string,
): Promise<{ manager: string; agents: { id: string; token: string }[] }> {
  const service = await InboxService.open({ dataDir: dir });
  let manager: string;
  const created: { id: string; token: string }[] = [];
  try {
    manager = (await service.createAgent({ name: 'Manager', role: 'manager' })).token;
    for (const [k] of AGENTS.entries()) {
      const { agent, token } = await service.createAgent({ name: `Agent ${k}` });
      created.push({ id: agent.id, token });
    }
  } finally {
    await service.close();
  }
  const seedIds = new Map(created.map((a, k) => [a.id, AGENTS[k]!]));
  const file = join(dir, WORKSPACE_FILE);
  const workspace = JSON.parse(await readFile(file, 'utf8')) as Workspace;
  workspace.agents = workspace.agents.map((a) => ({ ...a, id: seedIds.get(a.id) ?? a.id }));
  workspace.agentTokens = Object.fromEntries(
    Object.entries(workspace.agentTokens).map(([hash, id]) => [hash, seedIds.get(id) ?? id]),
  );
  await writeFile(file, settingsText(workspace));
  return { manager, agents: created.map((a, k) => ({ id: AGENTS[k]!, token: a.token })) };
}

/** The hub's HTTP API as the UI calls it: JSON envelopes, a personal token, kept-alive connections. */
class HubClient {
  constructor(private readonly base: string) {}

  get<T>(token: string, path: string, options: { timeoutMs?: number } = {}) {
    return this.call<T>(token, 'GET', path, undefined, options);
  }

  /** A write, with an Idempotency-Key as the UI sends one with each (unless `keyed` is false). */
  post<T>(
    token: string,
    path: string,
    body: unknown,
    options: { conflictOk?: boolean; keyed?: boolean } = {},
  ) {
    return this.call<T>(token, 'POST', path, body, options);
  }

  /** One call, timed until its whole body is read (not parsed); a failure throws. */
  private async call<T>(
    token: string,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    options: { timeoutMs?: number; conflictOk?: boolean; keyed?: boolean },
  ): Promise<{ ms: number; status: number; bytes: number; result: T }> {
    const start = performance.now();
    const response = await fetch(this.base + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(body !== undefined && options.keyed !== false
          ? { 'idempotency-key': randomUUID() }
          : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
    const text = await response.text();
    const ms = performance.now() - start;
    const envelope = JSON.parse(text) as { ok: boolean; result?: T; error?: { message: string } };
    if (!envelope.ok && !(options.conflictOk && response.status === 409))
      throw new Error(`${method} ${path}: ${response.status} ${envelope.error?.message}`);
    return { ms, status: response.status, bytes: text.length, result: envelope.result as T };
  }
}

/** `npm run hub` on a data folder, with the probe loaded (hub-probe.ts); its port is any free one. */
class HubProcess {
  /** The probe's lines by what they tell, and the hub's own lines ('line'). */
  private readonly said = new EventEmitter();
  private readonly lastLines: string[] = [];
  private opened: { startedAt: number; ms: number } | null = null;
  exited = false;
  url = '';

  private constructor(private readonly child: ChildProcess) {
    child.once('exit', () => (this.exited = true));
    this.said.once('open', (value: { startedAt: number; ms: number }) => (this.opened = value));
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop()!;
        for (const line of lines) this.heard(line);
      });
    }
  }

  static async start(dataDir: string): Promise<HubProcess> {
    const hub = new HubProcess(
      spawn(
        process.execPath,
        ['--import', 'tsx', '--import', PROBE, HUB_ENTRY, '--port', '0', '--data', dataDir],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      ),
    );
    try {
      hub.url = await new Promise<string>((resolve, reject) => {
        hub.said.on('line', (line: string) => {
          const listening = /listening on (https?:\/\/\S+)/.exec(line);
          if (listening) resolve(listening[1]!);
        });
        hub.child.once('exit', (code, signal) =>
          reject(new Error(`the hub exited (${code ?? signal}):\n${hub.tail()}`)),
        );
      });
    } catch (err) {
      hub.child.kill('SIGKILL');
      throw err;
    } finally {
      hub.said.removeAllListeners('line');
    }
    return hub;
  }

  /** How long the service took to open, and when it started to (epoch ms), as the probe said. */
  async serviceOpen(): Promise<{ startedAt: number; ms: number }> {
    return this.opened ?? this.next<{ startedAt: number; ms: number }>('open');
  }

  /**
   * Ends a phase of the bench (the probe's SIGUSR2 line): the store's commit times since the last
   * phase ended; the phase's CPU profile is named in the log when BENCH_HUB_CPU_PROF asks for one.
   */
  async phase(name: string, log: (text: string) => void): Promise<number[]> {
    const next = this.next<{ commits: number[]; profile: string | null }>('phase', 60_000);
    this.child.kill('SIGUSR2');
    const { commits, profile } = await next;
    if (profile) log(`CPU profile of the ${name} phase: ${profile}`);
    return commits;
  }

  /** Resident memory now and at its peak, in kB (VmRSS and VmHWM of /proc/<pid>/status). */
  async memoryKb(): Promise<{ rss: number; peak: number }> {
    const status = await readFile(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  }

  /** CPU time it has used so far (user and system), in ms: /proc/<pid>/stat, in clock ticks of 10 ms. */
  async cpuMs(): Promise<number> {
    const stat = await readFile(`/proc/${this.child.pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses: utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /** The last lines it printed. */
  tail(): string {
    return this.lastLines.slice(-10).join('\n');
  }

  /** SIGTERM (it closes its store), SIGKILL after 10 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  private heard(line: string): void {
    if (line.startsWith(PROBE_MARK)) {
      const [what, ...value] = line.slice(PROBE_MARK.length).split(' ');
      this.said.emit(what!, JSON.parse(value.join(' ')));
      return;
    }
    this.lastLines.push(line);
    if (this.lastLines.length > 40) this.lastLines.shift();
    this.said.emit('line', line);
  }

  private next<T>(what: string, timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the probe said no ${what}`)), timeoutMs);
      this.said.once(what, (value: T) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
  }
}
