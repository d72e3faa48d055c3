import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note } from '../shared';
import { tempDir } from '../core/test/fixtures';
import { openEvents } from './test/event-client';
import { seedConversations } from './test/hub-calls';
import { startHubProcess } from './test/hub-process';
import type { HubProcess } from './test/hub-process';
import { rawRequest } from './test/raw-http';

// A hub process serving HTTPS and WSS with a certificate made for the test (openssl), on every
// interface, reached over loopback by clients that trust that certificate only.
let hub: HubProcess;
let ca: Buffer;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1'],
      ...['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
    ],
    { stdio: 'ignore' },
  );
  ca = await readFile(join(dir, 'cert.pem'));
  const dataDir = join(dir, 'data');
  await seedConversations(dataDir, [200]);
  hub = await startHubProcess(
    ['--host', '0.0.0.0', '--port', '0', '--data', dataDir, '--web-root', dir],
    // The certificate from the environment, as a service manager would pass it.
    {
      env: {
        SOCIAL_INBOX_TLS_CERT: join(dir, 'cert.pem'),
        SOCIAL_INBOX_TLS_KEY: join(dir, 'key.pem'),
      },
    },
  );
});

afterAll(async () => {
  await hub?.stop();
  await cleanup?.();
});

describe('a hub with --tls-cert and --tls-key', () => {
  it('serves HTTPS, and signs browsers in with a Secure cookie', async () => {
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect((await rawRequest(`${hub.url}/api/health`, { ca })).status).toBe(200);
    const signIn = await rawRequest(`${hub.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: hub.managerToken }),
      ca,
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^inbox_session=/);
    expect(cookie.split('; ')).toEqual(
      expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict']),
    );
  });

  it('pushes events over WSS', async () => {
    const events = await openEvents(hub.url, hub.managerToken!, { ca });
    const added = await rawRequest(`${hub.url}/api/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.managerToken}` },
      body: JSON.stringify({ conversationId: 'x:9000', text: 'Over TLS only' }),
      ca,
    });
    const note = (added.json as { result: Note }).result;
    await expect
      .poll(() => events.events.find((e) => e.type === 'note.added'))
      .toEqual({ type: 'note.added', note });
    events.ws.close();
  });

  it('refuses plain HTTP and clients that do not trust its certificate', async () => {
    await expect(rawRequest(hub.url.replace('https:', 'http:') + '/api/health')).rejects.toThrow();
    await expect(rawRequest(`${hub.url}/api/health`)).rejects.toThrow(/self-signed|certificate/);
  });

  it('gives no plain-HTTP warning on the network, and says which names it answers for', () => {
    const printed = hub.lines.join('\n');
    expect(printed).not.toContain('WARNING');
    expect(printed).toMatch(/answers requests addressed to: localhost, 127\.0\.0\.1, ::1 /);
  });

  it('does not start when its certificate cannot be read, and says why', async () => {
    await expect(
      startHubProcess([
        ...['--port', '0', '--data', join(dir, 'other'), '--web-root', dir],
        ...['--tls-cert', join(dir, 'missing.pem'), '--tls-key', join(dir, 'key.pem')],
      ]),
    ).rejects.toThrow(/cannot read the TLS certificate .*missing\.pem: ENOENT/);
  });
});
