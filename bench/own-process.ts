import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../src/core/test/fixtures';
import type { Figure } from './figure';
import { sqlStoreBench } from './sql-store-bench';

const SELF = fileURLToPath(import.meta.url);

/** The benches that run in a process of their own, by name. */
const OWN: Record<string, (n: number) => Promise<Figure[]>> = { sql: sqlStoreBench };

/**
 * Runs a bench at N conversations in a process of its own, so that the memory it measures is its
 * own: not what a bench before it left in the process (the hub bench's clients, another size).
 */
export async function inOwnProcess(name: keyof typeof OWN, n: number): Promise<Figure[]> {
  const out = await tempDir('inbox-bench-figures-');
  try {
    const file = join(out.dir, 'figures.json');
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', SELF, name, String(n), file],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      );
      child.once('error', reject);
      child.once('exit', (code, signal) =>
        code === 0
          ? resolve()
          : reject(new Error(`the ${name} bench ended with ${signal ?? code}`)),
      );
    });
    return JSON.parse(await readFile(file, 'utf8')) as Figure[];
  } finally {
    await out.cleanup();
  }
}

if (process.argv[1] === SELF) {
  const [name, n, file] = process.argv.slice(2);
  const bench = OWN[name ?? ''];
  if (!bench || !file || !Number.isInteger(Number(n))) {
    console.error(
      `usage: own-process.ts <${Object.keys(OWN).join('|')}> <conversations> <figures file>`,
    );
    process.exit(2);
  }
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, JSON.stringify(await bench(Number(n))));
}
