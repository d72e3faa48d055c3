import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const temps: string[] = [];
afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('the demo (npm run web)', () => {
  it('keeps its data in a temp folder while it runs and removes it when it stops', async () => {
    const temp = await mkdtemp(join(tmpdir(), 'demo-temp-'));
    temps.push(temp);
    const demo = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/hub/demo.ts', '--port', '0', '--web-root', temp],
      { cwd: root, env: { ...process.env, TMPDIR: temp }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((done) => demo.on('exit', (code) => done(code)));
    let output = '';
    await new Promise<void>((ready, fail) => {
      demo.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('data in ')) ready();
      });
      demo.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      void exited.then(() => fail(new Error(`the demo stopped early:\n${output}`)));
    });
    const running = (await readdir(temp)).filter((f) => f.startsWith('social-inbox-demo-'));
    expect(running).toHaveLength(1);
    expect(output).toContain(join(temp, running[0]!));

    demo.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect((await readdir(temp)).filter((f) => f.startsWith('social-inbox-demo-'))).toEqual([]);
  }, 90_000);
});
