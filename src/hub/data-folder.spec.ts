import { chmod, cp, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FILES_FOLDER, filesFolderExpected } from '../core/store/sql/test/files-folder';
import { tempDir } from '../core/test/fixtures';
import { smallScenario } from '../core/test/scenario';
import { startHubProcess } from './test/hub-process';
import type { HubProcess } from './test/hub-process';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** Every file and folder under a folder (folders end with /), with its permission bits, in octal. */
async function modesUnder(dir: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const name = prefix + entry.name + (entry.isDirectory() ? '/' : '');
    out[name] = (await modeOf(path)).toString(8);
    if (entry.isDirectory()) Object.assign(out, await modesUnder(path, name));
  }
  return out;
}

let hub: HubProcess | null = null;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await hub?.stop();
  hub = null;
  await cleanup?.();
});

/** Starts a hub process under a umask that would leave new files readable by everyone. */
async function startUnderOpenUmask(...args: Parameters<typeof startHubProcess>) {
  const umask = process.umask(0o000);
  try {
    return await startHubProcess(...args);
  } finally {
    process.umask(umask);
  }
}

describe('the data folder of a hub process', () => {
  it('narrows an existing folder to its user, and writes every new file 0600', async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    const dataDir = join(temp.dir, 'data');
    // A folder left by an older version (of files, moved into the store at the start), with
    // world-readable folders and files.
    await cp(FILES_FOLDER, dataDir, { recursive: true });
    // Without its team, so the hub starts with a first manager (whose token the test uses).
    const settings = JSON.parse(await readFile(join(dataDir, 'workspace.json'), 'utf8')) as object;
    await writeFile(
      join(dataDir, 'workspace.json'),
      JSON.stringify({ ...settings, agents: [], agentTokens: {} }),
    );
    await writeFile(join(dataDir, 'README.txt'), 'not the store’s');
    for (const path of Object.keys(await modesUnder(dataDir)))
      await chmod(join(dataDir, path), path.endsWith('/') ? 0o755 : 0o644);
    await chmod(dataDir, 0o755);
    expect(await modesUnder(dataDir)).toMatchObject({
      'conversations.jsonl': '644',
      'posts/': '755',
      'posts/2026-11.jsonl': '644',
    });
    const [first] = filesFolderExpected().conversations;

    hub = await startUnderOpenUmask(['--port', '0', '--data', dataDir, '--web-root', temp.dir]);
    const auth = { authorization: `Bearer ${hub.managerToken}` };
    const call = async (path: string, body: unknown) => {
      const res = await fetch(hub!.url + path, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, path).toBe(200);
    };
    // Writes of the settings and of the store: an agent, a note, a triage change.
    await call('/api/agents', { name: 'Jan', languages: ['nl'] });
    await call('/api/notes', {
      conversationId: first!.id,
      text: 'Private: the customer’s address',
    });
    await call('/api/conversations/update', {
      id: first!.id,
      version: first!.version,
      status: 'open',
    });
    await hub.stop();

    const modes = await modesUnder(dataDir);
    expect(await modeOf(dataDir)).toBe(0o700);
    const aside = Object.keys(modes).find((p) => /^before-sqlite-[^/]+\/$/.test(p))!;
    expect(Object.keys(modes)).toEqual(
      expect.arrayContaining([
        'inbox.db',
        'workspace.json',
        aside,
        `${aside}posts/2026-11.jsonl`,
        `${aside}audit.jsonl`,
      ]),
    );
    for (const [path, mode] of Object.entries(modes)) {
      if (path === 'README.txt') expect(mode, path).toBe('644');
      else expect(mode, path).toBe(path.endsWith('/') ? '700' : '600');
    }
  });

  it('creates a new data folder 0700, and the demo writes its agents file 0600', async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    const scenario = join(temp.dir, 'scenario.json');
    await writeFile(scenario, JSON.stringify(smallScenario()));
    const agentsFile = join(temp.dir, 'agents.json');
    await writeFile(agentsFile, '{}');
    await chmod(agentsFile, 0o644);
    const dataDir = join(temp.dir, 'new', 'data');
    await mkdir(join(temp.dir, 'new'));
    hub = await startUnderOpenUmask(
      [
        ...['--port', '0', '--data', dataDir, '--web-root', temp.dir],
        ...['--scenario', scenario, '--agents-file', agentsFile],
      ],
      { entry: 'demo' },
    );
    // The agents file is written after the address is printed.
    await expect.poll(() => readFile(agentsFile, 'utf8'), { timeout: 10_000 }).toContain('sia_');
    expect((await modeOf(agentsFile)).toString(8)).toBe('600');
    expect((await modeOf(dataDir)).toString(8)).toBe('700');
    await hub.stop();
    const modes = await modesUnder(dataDir);
    expect(Object.keys(modes)).toEqual(expect.arrayContaining(['workspace.json', 'inbox.db']));
    for (const [path, mode] of Object.entries(modes))
      expect(mode, path).toBe(path.endsWith('/') ? '700' : '600');
  });
});
