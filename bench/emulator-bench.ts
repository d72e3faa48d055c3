import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figure';

const GENERATE = Number(process.env.BENCH_GENERATE ?? 100_000);
const RUNS = 3;
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../src/emulator/cli.ts', import.meta.url));

/**
 * Milliseconds from starting `npm run emulator -- --generate n` (the same node and loader) to its
 * "Stop with Ctrl+C." line, printed once it listens; then stops it.
 */
async function startMs(generate: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cli, '--port', '0', '--generate', String(generate)],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    return await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('Stop with Ctrl+C.')) resolve(performance.now() - t0);
      });
      void exited.then(() =>
        reject(new Error(`The emulator stopped before it was ready:\n${stderr || stdout}`)),
      );
    });
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** The emulator's start with generated items, as a load test starts it: the median of RUNS. */
export async function emulatorBench(): Promise<Figure[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await startMs(GENERATE));
  times.sort((a, b) => a - b);
  console.error(
    `emulator start with --generate ${GENERATE}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
  );
  return [
    {
      name: `emulator start with --generate ${GENERATE} (median of ${RUNS})`,
      value: times[Math.floor(RUNS / 2)]!,
      unit: 'ms',
      budget: 10_000,
    },
  ];
}
