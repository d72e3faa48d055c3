import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../emulator/scenario';
import { startEmulator } from '../emulator/server';
import { readCredential } from '../core/auth/credential';
import { KeychainSecretStore } from '../core/secrets/keychain-store';
import { answerConsent } from '../core/test/browser';
import { tempDir } from '../core/test/fixtures';
import { BRAND_X, PAGE, smallScenario } from '../core/test/scenario';
import { readStore } from '../core/test/store-contents';

// Runs inside a D-Bus session with an unlocked GNOME Keyring (see scripts/with-keyring.sh): the hub
// keeps its platform credentials there, as it does on a server.
const X_CLIENT_ID = 'bGVhay10ZXN0OjE6Y2k';
const FB_APP = { id: '1468023750213462', secret: 'leak-test-facebook-app-secret' };
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
let hub: ChildProcess;
let hubUrl: string;
/** The new hub's first manager, whose token it prints once. */
let managerToken: string;
let dataDir: string;
let cleanup: () => Promise<void>;
const logLines: string[] = [];
const answers: string[] = [];

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${hubUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${managerToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  answers.push(text);
  const envelope = JSON.parse(text) as { ok: boolean; result: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method} ${path}: ${envelope.error?.message}`);
  return envelope.result;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}\n${logLines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  const base = smallScenario();
  emulator = await startEmulator({
    scenario: parseScenario({
      ...base,
      x: { ...base.x, apps: [{ client_id: X_CLIENT_ID, name: 'Social Inbox' }] },
      facebook: { ...base.facebook, app_id: FB_APP.id, app_secret: FB_APP.secret },
    }),
    port: 0,
  });
  ({ dir: dataDir, cleanup } = await tempDir());
  hub = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      cli,
      ...['--port', '0', '--data', dataDir, '--web-root', join(dataDir, 'no-ui')],
      ...['--x-base-url', emulator.xBaseUrl, '--x-web-url', emulator.xWebBaseUrl],
      ...[
        '--graph-base-url',
        emulator.graphBaseUrl,
        '--facebook-web-url',
        emulator.facebookWebBaseUrl,
      ],
      ...['--x-client-id', X_CLIENT_ID, '--facebook-app-id', FB_APP.id, '--poll', '1000'],
    ],
    {
      env: { ...process.env, SOCIAL_INBOX_GRAPH_APP_SECRET: FB_APP.secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  for (const stream of [hub.stdout!, hub.stderr!]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      logLines.push(...lines);
    });
  }
  hubUrl = await until('the hub to listen', async () => {
    const line = logLines.find((l) => l.includes('hub listening on'));
    return line ? /(http:\/\/\S+)/.exec(line)![1]! : null;
  });
  managerToken = await until('the first manager token', async () =>
    logLines.map((l) => /^\s+(sia_\S+)$/.exec(l)?.[1]).find(Boolean),
  );
}, 30_000);

afterAll(async () => {
  if (hub.exitCode === null) hub.kill('SIGKILL');
  await emulator?.close();
  await cleanup?.();
});

/**
 * Every file under a folder, as text. While the hub runs, a temporary file may be renamed between
 * listing and reading (an atomic write): its content is then in the file it replaced.
 */
async function filesUnder(dir: string): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...(await filesUnder(path)));
      continue;
    }
    try {
      // The store's file byte for byte (a token is ASCII wherever SQLite keeps it).
      const binary = /\.db(-wal|-shm)?$/.test(entry.name);
      out.push({ path, text: await readFile(path, binary ? 'latin1' : 'utf8') });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return out;
}

describe('no token outside the keychain', () => {
  it('connects, syncs and replies, then finds no token in the data files, the log or any answer', async () => {
    // Connect X and a Page the way the UI does, the browser step answered on the emulator.
    const x = await call<{ flowId: string; authorizeUrl: string }>(
      'POST',
      '/api/accounts/connect',
      { platform: 'x' },
    );
    const xDone = call('POST', '/api/accounts/connect/finish', { flowId: x.flowId });
    await answerConsent(x.authorizeUrl, 'Authorize app');
    await xDone;
    const fb = await call<{ flowId: string; authorizeUrl: string }>(
      'POST',
      '/api/accounts/connect',
      { platform: 'facebook' },
    );
    const fbDone = call('POST', '/api/accounts/connect/finish', { flowId: fb.flowId });
    await answerConsent(fb.authorizeUrl, 'Continue');
    await fbDone;
    await call('POST', '/api/accounts/connect/pages', { flowId: fb.flowId, pageIds: [PAGE.id] });

    // Sync runs; then one public reply on each platform.
    type Page = { items: { id: string; rootPostId: string }[]; total: number };
    for (const platform of ['x', 'facebook'] as const) {
      const page = await until(`${platform} conversations`, async () => {
        const p = await call<Page>('GET', `/api/conversations?platform=${platform}`);
        return p.total > 0 ? p : null;
      });
      const target = page.items[0]!;
      await call('POST', '/api/replies', {
        conversationId: target.id,
        replyTo: target.rootPostId,
        text: `Merci, nous regardons cela (${platform}).`,
      });
    }
    await until('both replies at the platforms', async () => emulator.writes().length >= 2);
    await until('the replies stored', async () => {
      const replies = (await readStore(dataDir, (store) => store.outbox.all())) ?? [];
      return replies.filter((r) => r.state === 'sent').length === 2;
    });

    // The hub stops as an operator would stop it.
    hub.kill('SIGTERM');
    await until('the hub to exit', async () => hub.exitCode !== null || hub.signalCode !== null);

    const keychain = new KeychainSecretStore();
    const xCredential = await readCredential(keychain, `x:${BRAND_X.id}`);
    const pageCredential = await readCredential(keychain, `facebook:${PAGE.id}`);
    const secrets = [
      xCredential?.accessToken,
      xCredential?.refreshToken,
      pageCredential?.accessToken,
      FB_APP.secret,
    ].filter((s): s is string => typeof s === 'string' && s.length >= 8);
    expect(secrets).toHaveLength(4);

    const files = await filesUnder(dataDir);
    expect(files.map((f) => f.path.slice(dataDir.length + 1)).sort()).toEqual(
      expect.arrayContaining(['inbox.db', 'workspace.json']),
    );
    // Its start lines (requests are logged only when they fail or are slow).
    expect(logLines.some((l) => l.includes('hub listening on'))).toBe(true);
    expect(answers.length).toBeGreaterThan(8);
    for (const secret of secrets) {
      for (const file of files) expect(file.text.includes(secret), file.path).toBe(false);
      for (const line of logLines) expect(line.includes(secret), line).toBe(false);
      for (const answer of answers) expect(answer.includes(secret), answer).toBe(false);
    }
  });
});
