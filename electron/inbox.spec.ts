import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxService } from '../src/core/service';
import { MemorySecretStore } from '../src/core/secrets/secret-store';
import { DESKTOP_DEFAULTS } from './config';
import type { DemoChoice } from './config';
import { openInbox } from './inbox';
import type { OpenInbox } from './inbox';

const scenarioPath = resolve(import.meta.dirname, '../resources/demo-scenario.json');
let root: string;

const open = (demo: DemoChoice, dataDir: string) =>
  openInbox({
    config: {
      demo,
      ...DESKTOP_DEFAULTS,
      userDataDir: null,
      xClientId: null,
      facebookAppId: null,
      graphAppSecret: null,
    },
    dataDir,
    scenarioPath,
    clientName: 'desktop:test',
    secrets: new MemorySecretStore(),
  });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'inbox-host-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('openInbox against the real emulator and store', () => {
  let demo: OpenInbox;

  beforeAll(async () => {
    demo = await open('auto', join(root, 'solo'));
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('starts the demo while no account is connected, with the scenario’s X and Facebook accounts', async () => {
    expect(demo.mode).toBe('demo');
    expect(demo.xBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/x$/);
    const accounts = await demo.service.listAccounts({});
    expect(new Set(accounts.map((a) => a.platform))).toEqual(new Set(['x', 'facebook']));
    // Demo tokens stay in memory: no file of the store holds one.
    const scenario = await readFile(scenarioPath, 'utf8');
    const tokens = [...scenario.matchAll(/"access_token":\s*"([^"]+)"/g)].map((m) => m[1]!);
    expect(tokens.length).toBeGreaterThanOrEqual(accounts.length);
    // The demo syncs meanwhile: a temporary file (an atomic write, the record of a change under
    // way) may be gone between listing and reading; what it held is in the file it replaced.
    const files = await readdir(demo.dataDir!, { recursive: true, withFileTypes: true });
    const stored = await Promise.all(
      files
        .filter((f) => f.isFile())
        .map((f) =>
          readFile(join(f.parentPath, f.name), 'utf8').catch((err: NodeJS.ErrnoException) => {
            if (err.code === 'ENOENT') return '';
            throw err;
          }),
        ),
    );
    expect(stored.join('\n')).toContain(accounts[0]!.credentialRef);
    for (const token of tokens) expect(stored.join('\n')).not.toContain(token);
  });

  it('syncs conversations from both platforms into one list', async () => {
    await expect
      .poll(
        async () => {
          const page = await demo.service.listConversations({ limit: 500 });
          return new Set(page.items.map((c) => c.platform)).size;
        },
        { timeout: 25_000, interval: 250 },
      )
      .toBe(2);
  });

  it('runs solo, on the user’s store, once an account is connected there', async () => {
    const soloDir = join(root, 'solo');
    const token = /"access_token":\s*"(demo-x-[^"]+)"/.exec(
      await readFile(scenarioPath, 'utf8'),
    )![1]!;
    const setup = await InboxService.open({ dataDir: soloDir, xBaseUrl: demo.xBaseUrl! });
    await setup.connectAccount({ platform: 'x', token });
    await setup.close();

    const solo = await open('auto', soloDir);
    try {
      expect(solo.mode).toBe('solo');
      expect(solo.dataDir).toBe(soloDir);
      expect((await solo.service.listAccounts({})).map((a) => a.platform)).toEqual(['x']);
    } finally {
      await solo.close();
    }
  });

  it('runs solo on an empty store when demo mode is turned off', async () => {
    const solo = await open('off', join(root, 'empty'));
    try {
      expect(solo.mode).toBe('solo');
      expect(await solo.service.listAccounts({})).toEqual([]);
    } finally {
      await solo.close();
    }
  });

  it('removes the demo’s store when it closes', async () => {
    const other = await open('on', join(root, 'unused'));
    expect(other.mode).toBe('demo');
    expect(existsSync(other.dataDir!)).toBe(true);
    await other.close();
    expect(existsSync(other.dataDir!)).toBe(false);
  });
});
