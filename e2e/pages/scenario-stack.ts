import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Envelope } from '../../src/shared';
import type { DemoAgent } from './team';

const root = resolve(import.meta.dirname, '../..');

/**
 * A demo stack of its own (emulator, hub, UI) on another port, serving a scenario of the test's:
 * `src/hub/demo.ts` as `npm run web` runs it, with the scenario's dates shifted to now.
 */
export class ScenarioStack {
  private constructor(
    readonly url: string,
    private readonly process: ChildProcess,
    private readonly tokens: Record<string, string>,
    private readonly dir: string,
  ) {}

  static async start(scenario: string, port: number): Promise<ScenarioStack> {
    const dir = await mkdtemp(join(tmpdir(), 'social-inbox-e2e-stack-'));
    const agentsFile = join(dir, 'agents.json');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/hub/demo.ts',
        '--scenario',
        resolve(root, scenario),
        '--port',
        String(port),
        '--poll',
        '5000',
        '--data',
        join(dir, 'data'),
        '--agents-file',
        agentsFile,
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const healthy = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      const written = healthy && (await readFile(agentsFile, 'utf8').catch(() => null));
      if (written) return new ScenarioStack(url, child, JSON.parse(written), dir);
      if (child.exitCode != null || Date.now() > deadline) {
        child.kill();
        throw new Error(`The stack for ${scenario} did not start`);
      }
      await new Promise((done) => setTimeout(done, 250));
    }
  }

  /** The link that signs a browser in as one of the demo team. */
  signInUrl(agent: DemoAgent): string {
    return `${this.url}/#token=${encodeURIComponent(this.tokens[agent]!)}`;
  }

  /** One call to the hub's API as an agent, its result or its error thrown. */
  async call<T>(
    agent: DemoAgent,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.tokens[agent]!}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const envelope = (await response.json()) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${method} ${path}: ${envelope.error.message}`);
    return envelope.result;
  }

  async stop(): Promise<void> {
    const exited = new Promise((done) => this.process.once('exit', done));
    this.process.kill('SIGTERM');
    await exited;
    await rm(this.dir, { recursive: true, force: true });
  }
}
