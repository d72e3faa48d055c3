import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { benchBundle } from './bench-bundle';

/** What the probe loaded into the hub process prints before each of its lines (see hub-probe.ts). */
const PROBE_MARK = 'hub-bench-probe:';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The hub as users run it, from a bundle, with the probe in it. */
const HUB_ENTRY = benchBundle('cli');

/** `npm run hub` on a data folder, with the probe loaded (hub-probe.ts); its port is any free one. */
export class HubProcess {
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

  static async start(dataDir: string, args: readonly string[] = []): Promise<HubProcess> {
    const hub = new HubProcess(
      spawn(process.execPath, [HUB_ENTRY, '--port', '0', '--data', dataDir, ...args], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
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
    const next = this.next<{
      commits: number[];
      profile: string | null;
      loopP95Ms: number;
      heapMb: number;
      heapTotalMb: number;
      externalMb: number;
    }>('phase', 60_000);
    this.child.kill('SIGUSR2');
    const { commits, profile, loopP95Ms, heapMb, heapTotalMb, externalMb } = await next;
    if (profile) log(`CPU profile of the ${name} phase: ${profile}`);
    this.heap = { heapMb, heapTotalMb, externalMb };
    this.loopP95Ms = loopP95Ms;
    return commits;
  }

  /** The main thread's JavaScript heap and external memory when the last phase ended, in MB. */
  heap = { heapMb: 0, heapTotalMb: 0, externalMb: 0 };
  /** How late the hub's event loop ran during the last phase, at p95, in ms. */
  loopP95Ms = 0;

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
