import { existsSync } from 'node:fs';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { InboxService } from '../src/core/service';
import { SCHEMA_VERSION } from '../src/core/store/sql/migrations';
import { DATABASE_FILE } from '../src/core/store/sql/sqlite';
import { WORKSPACE_FILE, settingsText } from '../src/core/store/workspace-store';
import type { Workspace } from '../src/core/store/workspace-store';
import { tempDir } from '../src/core/test/fixtures';
import { seedFolder } from './seed-folder';
import { AGENTS, SEED_VERSION } from './sql-store-seed';

/**
 * A seeded data folder of N conversations, left as it is: the SQL bench's (BENCH_SQL_DIR) when it
 * has one, else this bench's own (BENCH_HUB_DIR keeps it between runs), else a temporary one.
 */
export async function seededFolder(
  n: number,
  log: (text: string) => void,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const keep = async () => undefined;
  const name = `${n}-seed${SEED_VERSION}`;
  const sql = process.env.BENCH_SQL_DIR ? join(process.env.BENCH_SQL_DIR, name) : null;
  if (sql && existsSync(join(sql, DATABASE_FILE))) {
    // Brought to this version's schema, unless it is there (then the folder is only read).
    if (!(await atSchema(sql))) await seedFolder(sql, n);
    return { dir: sql, cleanup: keep };
  }
  const kept = process.env.BENCH_HUB_DIR ? join(process.env.BENCH_HUB_DIR, name) : null;
  const folder = kept
    ? (await mkdir(kept, { recursive: true }), { dir: kept, cleanup: keep })
    : await tempDir('inbox-hub-seed-');
  const start = performance.now();
  await seedFolder(folder.dir, n);
  log(`seeded (or opened) in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return folder;
}

/**
 * Whether a kept seed is at this version's schema, read from the file's header (its
 * `user_version`, 4 bytes at offset 60) without opening it; a seed with a WAL file is opened.
 */
async function atSchema(dir: string): Promise<boolean> {
  if (existsSync(join(dir, `${DATABASE_FILE}-wal`))) return false;
  const file = await open(join(dir, DATABASE_FILE), 'r');
  try {
    const header = Buffer.alloc(64);
    await file.read(header, 0, 64, 0);
    return header.readUInt32BE(60) === SCHEMA_VERSION;
  } finally {
    await file.close();
  }
}

/**
 * A manager and the 20 agents, created through the service with their personal tokens; the agents
 * then take the seed's ids (`agent-0` …) in the settings document, so its assignments are theirs.
 */
export async function createTeam(
  dir: string,
): Promise<{ manager: string; agents: { id: string; token: string }[] }> {
  const service = await InboxService.open({ dataDir: dir });
  let manager: string;
  const created: { id: string; token: string }[] = [];
  try {
    manager = (await service.createAgent({ name: 'Manager', role: 'manager' })).token;
    for (const [k] of AGENTS.entries()) {
      const { agent, token } = await service.createAgent({ name: `Agent ${k}` });
      created.push({ id: agent.id, token });
    }
  } finally {
    await service.close();
  }
  const seedIds = new Map(created.map((a, k) => [a.id, AGENTS[k]!]));
  const file = join(dir, WORKSPACE_FILE);
  const workspace = JSON.parse(await readFile(file, 'utf8')) as Workspace;
  workspace.agents = workspace.agents.map((a) => ({ ...a, id: seedIds.get(a.id) ?? a.id }));
  workspace.agentTokens = Object.fromEntries(
    Object.entries(workspace.agentTokens).map(([hash, id]) => [hash, seedIds.get(id) ?? id]),
  );
  await writeFile(file, settingsText(workspace));
  return { manager, agents: created.map((a, k) => ({ id: AGENTS[k]!, token: a.token })) };
}
