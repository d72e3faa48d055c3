import { writeFileSync, writeSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { InboxService } from '../src/core/service';
import { PostgresStore } from '../src/core/store/pg/postgres-store';
import { SqliteStore } from '../src/core/store/sql/sqlite-store';

// Bundled before the hub's command into the bench's hub (probed-hub.ts, out/bench/cli.mjs) run by
// hub-bench.ts, to time from inside what HTTP cannot tell apart: how long the service takes to
// open, and how long each commit of the store takes (on the disk too, unless it ran in the change queue). It prints on stderr, one line each, after
// PROBE_MARK: `open {"startedAt": <epoch ms>, "ms": <duration>}` once the service is open, and
// `phase {"commits": [<ms>, …], "profile": <file> | null, "loopP95Ms": <ms>, …}` each time the process gets SIGUSR2 (the
// bench's phases end so): the commits since the last such line and, with BENCH_HUB_CPU_PROF=<dir>,
// the phase's CPU profile written in that folder.

/** hub-bench.ts reads the lines starting with it. */
const PROBE_MARK = 'hub-bench-probe:';

const say = (what: string, value: unknown) =>
  writeSync(2, `${PROBE_MARK}${what} ${JSON.stringify(value)}\n`);

const open = InboxService.open.bind(InboxService);
InboxService.open = async (options) => {
  const startedAt = performance.timeOrigin + performance.now();
  const service = await open(options);
  say('open', { startedAt, ms: performance.timeOrigin + performance.now() - startedAt });
  return service;
};

let commits: number[] = [];
// Either engine's commits (the hub keeps its store in PostgreSQL with --database).
for (const engine of [SqliteStore.prototype, PostgresStore.prototype]) {
  const commit = engine.commit;
  engine.commit = async function (this: typeof engine, ...args) {
    const start = performance.now();
    try {
      return await commit.apply(this, args);
    } finally {
      commits.push(Math.round((performance.now() - start) * 1000) / 1000);
    }
  };
}

const profiles = process.env.BENCH_HUB_CPU_PROF;
const profiler = profiles ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
let phases = 0;
// How late the event loop ran during each phase (a request waits that long before it is read).
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();

process.on('SIGUSR2', () => {
  const ended = commits;
  commits = [];
  const loopP95Ms = loopDelay.percentile(95) / 1e6;
  loopDelay.reset();
  void (async () => {
    let profile: string | null = null;
    if (profiler && profiles) {
      const taken = await profiler.post('Profiler.stop');
      profile = join(profiles, `hub-${process.pid}-${++phases}.cpuprofile`);
      writeFileSync(profile, JSON.stringify(taken.profile));
      await profiler.post('Profiler.start');
    }
    const { heapUsed, heapTotal, external } = process.memoryUsage();
    say('phase', {
      commits: ended,
      profile,
      loopP95Ms,
      heapMb: heapUsed / 2 ** 20,
      heapTotalMb: heapTotal / 2 ** 20,
      externalMb: external / 2 ** 20,
    });
  })();
});
