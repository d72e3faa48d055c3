import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../core/audit/audit-log';
import { InboxService } from '../core/service';
import { auditEntries } from '../core/test/data-folder';
import { tempDir } from '../core/test/fixtures';
import type { Envelope } from '../shared';

const script = fileURLToPath(new URL('./test/faulty-hub.ts', import.meta.url));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** A hub process on loopback over `dataDir`; resolves with its address once it listens. */
async function startHub(dataDir: string, faultFile: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', script, '--port', '0', '--data', dataDir],
    {
      env: { ...process.env, SOCIAL_INBOX_TEST_FAULT_FILE: faultFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  cleanups.push(async () => {
    if (child.exitCode == null) {
      child.kill('SIGTERM');
      await exited;
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(buffer);
      if (found) resolve(found[1]!);
    });
    child.on('exit', (code) => reject(new Error(`the hub exited (${code}): ${output}`)));
  });
  return { child, url, stderr: () => output };
}

describe('a hub whose data folder fails', () => {
  it('answers 507 naming the folder while the disk is full, stays up, and takes the same write once there is room', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const faultFile = join(dir, 'fault');
    const dataDir = join(dir, 'hub');
    // The team exists before the hub starts, so the test holds the manager's token.
    const seed = await InboxService.open({ dataDir });
    const { token } = await seed.createAgent({ name: 'Camille', role: 'manager' });
    await seed.close();

    const hub = await startHub(dataDir, faultFile);
    const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
      const response = await fetch(hub.url + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : null,
      });
      return { status: response.status, envelope: (await response.json()) as Envelope<unknown> };
    };
    const newAgent = { name: 'Lucía Ortega', role: 'agent', languages: ['es'] };

    await writeFile(faultFile, 'ENOSPC');
    const refused = await call('POST', '/api/agents', newAgent);
    expect(refused.status).toBe(507);
    expect(refused.envelope).toMatchObject({
      ok: false,
      error: { code: 'storage_full', details: { errno: 'ENOSPC' } },
    });
    const message = refused.envelope.ok ? '' : refused.envelope.error.message;
    expect(message).toContain(`The data folder ${dataDir} is full (ENOSPC`);
    // A head the disk refuses is not an error of the call, and never takes the process down.
    await writeFile(faultFile, 'EROFS audit-head.json rename');
    const jan = { name: 'Jan de Wit', role: 'agent', languages: ['nl'] };
    expect((await call('POST', '/api/agents', jan)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hub.child.exitCode).toBeNull();
    const team = await call('GET', '/api/agents');
    expect(team.status).toBe(200);
    expect(team.envelope).toMatchObject({
      ok: true,
      result: [{ name: 'Camille' }, { name: 'Jan de Wit' }],
    });

    await rm(faultFile);
    const taken = await call('POST', '/api/agents', newAgent);
    expect(taken.status).toBe(200);
    expect(taken.envelope).toMatchObject({ ok: true, result: { agent: { name: 'Lucía Ortega' } } });
    expect(hub.child.exitCode).toBeNull();
    expect(hub.stderr()).not.toMatch(/unhandled|Unhandled/);

    hub.child.kill('SIGTERM');
    await new Promise((resolve) => hub.child.once('exit', resolve));
    const created = (await auditEntries(dataDir)).filter((e) => e.action === 'agent.created');
    expect(created.map((e) => e.details.name)).toEqual(['Camille', 'Jan de Wit', 'Lucía Ortega']);
    expect(await verifyAudit(dataDir)).toMatchObject({ intact: true });
  });
});
