import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BRAND,
  CAMILLE,
  FB_APP,
  X_CONFIDENTIAL_APP,
  X_PUBLIC_APP,
  bearer,
  call,
  oauthScenario,
  testScenario,
} from './test-scenario';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the CLI; resolves with its output once `until` matches stdout or the process exits. */
function run(args: string[], until?: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until?.test(stdout)) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    void exited.then(() => resolve());
  });
  return { child, exited, ready, output: () => ({ stdout, stderr }) };
}

describe('npm run emulator', () => {
  it('serves a scenario file, prints base URLs and accounts but no token, and stops on SIGTERM', async () => {
    const file = join(dir, 'scenario.json');
    await writeFile(file, JSON.stringify(oauthScenario()));
    const proc = run(['--port', '0', '--scenario', file, '--no-shift'], /Stop with/);
    await proc.ready;
    const { stdout } = proc.output();
    const x = /X API v2\s+(\S+)/.exec(stdout)?.[1];
    expect(x).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/x$/);
    expect(stdout).toMatch(/Graph API\s+http:\/\/127\.0\.0\.1:\d+\/graph/);
    expect(stdout).toMatch(/X web\s+http:\/\/127\.0\.0\.1:\d+\/x-web\s/);
    expect(stdout).toMatch(/FB web\s+http:\/\/127\.0\.0\.1:\d+\/facebook-web\s/);
    expect(stdout).toContain(`@${BRAND.username} (user id ${BRAND.id})`);
    expect(stdout).toContain(`client id ${X_PUBLIC_APP.client_id}, public client`);
    expect(stdout).toContain(`client id ${X_CONFIDENTIAL_APP.client_id}, confidential client`);
    expect(stdout).toContain(`app id ${FB_APP.id}`);
    expect(stdout).toContain(`${CAMILLE.name} (user id ${CAMILLE.id}, 2 Pages)`);
    for (const secret of [BRAND.token, X_CONFIDENTIAL_APP.client_secret, FB_APP.secret])
      expect(stdout).not.toContain(secret);
    const me = await call(`${x}/2/users/me`, bearer(BRAND.token));
    expect(me.body.data.id).toBe(BRAND.id);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
  });

  it('adds generated mentions and comments with --generate, the same for the same seed', async () => {
    const file = join(dir, 'generated.json');
    await writeFile(file, JSON.stringify(testScenario()));
    const texts: string[] = [];
    for (let round = 0; round < 2; round++) {
      const proc = run(
        ['--port', '0', '--scenario', file, '--no-shift', '--generate', '300', '--seed', '9'],
        /Stop with/,
      );
      await proc.ready;
      const { stdout } = proc.output();
      expect(stdout).toMatch(/\(\d+ tweets, \d+ comments\)/);
      const [, tweets, comments] = /\((\d+) tweets, (\d+) comments\)/.exec(stdout)!;
      const base = testScenario();
      expect(
        Number(tweets) - base.x.tweets.length + Number(comments) - base.facebook.comments.length,
      ).toBe(300);
      const x = /X API v2\s+(\S+)/.exec(stdout)![1]!;
      const mentions = await call(
        `${x}/2/users/${BRAND.id}/mentions?max_results=100`,
        bearer(BRAND.token),
      );
      texts.push(JSON.stringify(mentions.body.data.map((t: { text: string }) => t.text)));
      proc.child.kill('SIGTERM');
      expect(await proc.exited).toBe(0);
    }
    expect(texts[0]).toBe(texts[1]);
    const bad = run(['--generate', 'lots']);
    expect(await bad.exited).toBe(1);
    expect(bad.output().stderr).toContain('--generate must be a whole number');
    const slow = run(['--latency', 'slow']);
    expect(await slow.exited).toBe(1);
    expect(slow.output().stderr).toContain('--latency must be a whole number');
  });

  it('exits 1 listing the format problems of an invalid scenario', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ ...testScenario(), anchor: 'yesterday' }));
    const proc = run(['--port', '0', '--scenario', file]);
    expect(await proc.exited).toBe(1);
    expect(proc.output().stderr).toContain('does not fit the scenario format');
    expect(proc.output().stderr).toContain('- anchor:');
  });

  it('exits 1 on a missing file and on unknown flags', async () => {
    const missing = run(['--scenario', join(dir, 'none.json')]);
    expect(await missing.exited).toBe(1);
    expect(missing.output().stderr).toContain('Scenario file not found');
    const flag = run(['--colour', 'red']);
    expect(await flag.exited).toBe(1);
    expect(flag.output().stderr).toContain("Unknown option '--colour'");
  });
});
