import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { InboxService } from '../core/service';
import { auditEntries } from '../core/test/data-folder';
import { conversation, tempDir } from '../core/test/fixtures';
import { seedStore } from '../core/test/seed-store';
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
  it('answers 507 while the disk is full and 503 while the store cannot be written, naming the folder, stays up, and takes the same writes once it can', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const faultFile = join(dir, 'fault');
    const dataDir = join(dir, 'hub');
    // The team exists before the hub starts, so the test holds the manager's token.
    const seed = await InboxService.open({ dataDir });
    const { token } = await seed.createAgent({ name: 'Camille', role: 'manager' });
    await seed.close();
    await seedStore(dataDir, { conversations: [conversation({ id: 'x:1' })] });

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
    /** Sets what fails, and lets the hub see it. */
    const fail = async (what: string | null) => {
      if (what == null) await rm(faultFile);
      else await writeFile(faultFile, what);
      await new Promise((resolve) => setTimeout(resolve, 100));
    };
    // A long note (stored with its entry, each over a page) needs pages the full disk has not.
    const note = { conversationId: 'x:1', text: 'The whole order history, as sent. '.repeat(110) };

    await fail('full');
    const refused = await call('POST', '/api/notes', note);
    expect(refused.status).toBe(507);
    expect(refused.envelope).toMatchObject({
      ok: false,
      error: { code: 'storage_full', details: { errno: 'SQLITE_FULL' } },
    });
    const message = refused.envelope.ok ? '' : refused.envelope.error.message;
    expect(message).toContain(`The data folder ${dataDir} is full (SQLITE_FULL`);
    await fail('readonly');
    const unavailable = await call('POST', '/api/agents', newAgent);
    expect(unavailable.status).toBe(503);
    expect(unavailable.envelope).toMatchObject({
      ok: false,
      error: { code: 'storage_unavailable' },
    });
    // A settings file the disk refuses once the store took the change is not an error of the
    // call (the file is written at the next change or start), and never takes the process down.
    await fail('EROFS workspace.json rename');
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

    await fail(null);
    const taken = await call('POST', '/api/agents', newAgent);
    expect(taken.status).toBe(200);
    expect(taken.envelope).toMatchObject({ ok: true, result: { agent: { name: 'Lucía Ortega' } } });
    expect((await call('POST', '/api/notes', note)).status).toBe(200);
    expect(hub.child.exitCode).toBeNull();
    expect(hub.stderr()).not.toMatch(/unhandled|Unhandled/);

    hub.child.kill('SIGTERM');
    await new Promise((resolve) => hub.child.once('exit', resolve));
    const trail = await auditEntries(dataDir);
    const created = trail.filter((e) => e.action === 'agent.created');
    expect(created.map((e) => e.details.name)).toEqual(['Camille', 'Jan de Wit', 'Lucía Ortega']);
    expect(trail.filter((e) => e.action === 'note.added')).toHaveLength(1);
    const reopened = await InboxService.open({ dataDir });
    expect(await reopened.verifyAudit()).toMatchObject({ intact: true, entries: trail.length });
    await reopened.close();
  });
});
