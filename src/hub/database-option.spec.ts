import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../core/test/fixtures';
import { parseHubConfig } from './config';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const PASSWORD = 'pw-that-must-not-show';

/** Runs the hub's command line to its end: its exit code and everything it printed. */
function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the hub on a PostgreSQL database', () => {
  it('takes the database from --database or SOCIAL_INBOX_DATABASE_URL, and only a postgres:// URL', () => {
    const url = 'postgres://inbox@db.example.com/inbox?sslmode=verify-full';
    expect(parseHubConfig(['--database', url], {}).config.database).toBe(url);
    expect(parseHubConfig([], { SOCIAL_INBOX_DATABASE_URL: url }).config.database).toBe(url);
    expect(parseHubConfig([], {}).config.database).toBeNull();
    expect(() => parseHubConfig(['--database', 'mysql://x/y'], {})).toThrow(/postgres:\/\/ URL/);
  });

  it('never prints the password of a database it cannot reach, given on the command line or in the environment', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const url = `postgres://inbox:${PASSWORD}@127.0.0.1:1/inbox`;
      const byFlag = await runCli(['--port', '0', '--data', dir, '--database', url]);
      expect(byFlag.code).toBe(1);
      expect(byFlag.output).toContain('The database 127.0.0.1:1/inbox cannot be used');
      expect(byFlag.output).not.toContain(PASSWORD);
      const byEnv = await runCli(['--port', '0', '--data', dir], {
        SOCIAL_INBOX_DATABASE_URL: url,
      });
      expect(byEnv.code).toBe(1);
      expect(byEnv.output).toContain('cannot be used');
      expect(byEnv.output).not.toContain(PASSWORD);
      // A URL the config refuses is not repeated either.
      const refused = await runCli(['--data', dir, '--database', `mysql://inbox:${PASSWORD}@h/db`]);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('postgres:// URL');
      expect(refused.output).not.toContain(PASSWORD);
    } finally {
      await cleanup();
    }
  });

  it('stops before the database when the secrets key file is unsafe or no key, saying what to do', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const url = 'postgres://inbox@127.0.0.1:1/inbox';
      const file = join(dir, 'secrets.key');
      await writeFile(file, randomBytes(32).toString('base64'), { mode: 0o644 });
      await chmod(file, 0o644);
      const open = await runCli(['--data', dir, '--database', url, '--secrets-key-file', file]);
      expect(open.code).toBe(1);
      expect(open.output).toContain('chmod 600');
      expect(open.output).not.toContain('cannot be used');
      await writeFile(file, 'not a key');
      await chmod(file, 0o600);
      const wrong = await runCli(['--data', dir, '--database', url, '--secrets-key-file', file]);
      expect(wrong.code).toBe(1);
      expect(wrong.output).toContain('openssl rand -base64 32');
    } finally {
      await cleanup();
    }
  });
});
