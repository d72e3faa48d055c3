import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:hub` puts the hub's bundle. */
export const BUILT_HUB = fileURLToPath(new URL('../../../out/hub/cli.mjs', import.meta.url));

/** A hub started as its own process (`npm run hub` or `npm run web`), as an operator starts it. */
export interface HubProcess {
  child: ChildProcess;
  /** The address it printed (http:// or https://). */
  url: string;
  /** What it printed on stdout and stderr, line by line. */
  lines: string[];
  /** The first manager's personal token, which a new hub prints once (null when it printed none). */
  managerToken: string | null;
  /** Resident memory of the process, in kB (VmRSS of /proc/<pid>/status). */
  rssKb(): Promise<number>;
  /** Stops it with SIGTERM (SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
}

const ENTRIES = {
  hub: fileURLToPath(new URL('../cli.ts', import.meta.url)),
  demo: fileURLToPath(new URL('../demo.ts', import.meta.url)),
  ops: fileURLToPath(new URL('./ops-hub.ts', import.meta.url)),
  /** The hub's bundle, as `npm run hub` runs it (`npm run build:hub` makes it). */
  bundle: BUILT_HUB,
};

/**
 * Starts `src/hub/cli.ts` (or the demo, or the hub's bundle) with these arguments and waits until it listens. Rejects
 * with everything it printed when it exits first or takes longer than `timeoutMs`.
 */
export async function startHubProcess(
  args: string[],
  options: { entry?: keyof typeof ENTRIES; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<HubProcess> {
  const entry = ENTRIES[options.entry ?? 'hub'];
  const child = spawn(
    process.execPath,
    [...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []), entry, ...args],
    {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const deadline = performance.now() + (options.timeoutMs ?? 30_000);
    const timer = setInterval(() => {
      const line = lines.find((l) => /listening on|demo: open/.test(l));
      const found = line ? /(https?:\/\/\S+)/.exec(line)?.[1] : undefined;
      if (found) {
        clearInterval(timer);
        resolve(found);
      } else if (
        child.exitCode !== null ||
        child.signalCode !== null ||
        performance.now() > deadline
      ) {
        clearInterval(timer);
        child.kill('SIGKILL');
        reject(new Error(`the hub did not start:\n${lines.join('\n')}`));
      }
    }, 25);
  });
  // The token line follows the address line in the same write.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const managerToken = lines.map((l) => /^\s+(sia_\S+)$/.exec(l)?.[1]).find(Boolean) ?? null;
  return {
    child,
    url,
    lines,
    managerToken,
    async rssKb() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
