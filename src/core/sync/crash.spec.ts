import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../emulator/scenario';
import { startEmulator } from '../../emulator/server';
import type { Emulator } from '../../emulator/server';
import { InboxService } from '../service';
import { tempDir } from '../test/fixtures';
import { postRecords } from '../test/store-contents';
import { BRAND_X, PAGE, smallScenario } from '../test/scenario';
import { clockStartingAt, offsetOf } from '../time/clock';
import type { Clock } from '../time/clock';

const script = fileURLToPath(new URL('../test/sync-process.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Starts the sync process; resolves with it once `ready(line)` says so. */
function startSync(
  env: Record<string, string>,
  ready: (line: string) => boolean,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      if (lines.some(ready)) resolve(child);
    });
    child.on('exit', (code) =>
      reject(new Error(`sync process exited (${code}) before it was ready`)),
    );
  });
}

/** An emulator, a data dir and the environment of a sync process using them; both removed after. */
async function withStack(
  options: { extraMentions: number; rateLimits: Record<string, number> },
  run: (stack: {
    dir: string;
    emulator: Emulator;
    env: Record<string, string>;
    clock: Clock;
  }) => Promise<void>,
): Promise<void> {
  const { dir, cleanup } = await tempDir();
  const scenario = parseScenario(smallScenario(options.extraMentions));
  // Both sides live at the scenario's date; the sync process starts its clock at the same instant.
  const clock = clockStartingAt(scenario.anchor);
  const emulator = await startEmulator({
    now: () => clock.now(),
    scenario,
    port: 0,
    rateLimits: options.rateLimits,
    rateLimitWindowMs: 1000,
  });
  const env = {
    SOCIAL_INBOX_DATA: dir,
    X_BASE_URL: emulator.xBaseUrl,
    GRAPH_BASE_URL: emulator.graphBaseUrl,
    X_TOKEN: BRAND_X.token,
    PAGE_TOKEN: PAGE.token,
    CLOCK_OFFSET_MS: String(offsetOf(clock)),
  };
  try {
    await run({ dir, emulator, env, clock });
  } finally {
    await emulator.close();
    await cleanup();
  }
}

describe('a sync process killed with SIGKILL', () => {
  it('resumes after a restart with every post present exactly once', async () => {
    // 700 extra mentions = 8 pages, three pages a second: the backfill takes a few seconds.
    const stack = { extraMentions: 700, rateLimits: { 'GET /2/users/:id/mentions': 3 } };
    await withStack(stack, async ({ dir, env, clock }) => {
      const first = await startSync(env, (line) => /^progress mentions [1-9]/.test(line));
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      const partial = await postRecords(dir);
      expect(partial.size).toBeGreaterThan(0);
      expect(partial.size).toBeLessThan(704 + 4);

      const synced = new Set<string>();
      const second = await startSync(env, (line) => {
        if (line.startsWith('synced ')) synced.add(line);
        return synced.size === 2;
      });
      second.kill('SIGKILL');

      const records = await postRecords(dir);
      // X: the 4-post thread, the journalist and 700 mentions (the brand's broadcast is no
      // conversation); Facebook: 4 comments. Each exactly once: a post has a second record only
      // when it moved to another conversation, never the same record twice.
      const ids = [...records.keys()];
      expect(ids.filter((id) => id.startsWith('x:'))).toHaveLength(4 + 1 + 700);
      expect(ids.filter((id) => id.startsWith('facebook:'))).toHaveLength(4);
      for (const [id, lines] of records) {
        expect(new Set(lines).size, `${id} stored twice`).toBe(lines.length);
      }
      const service = await InboxService.open({ dataDir: dir, clock });
      expect((await service.listConversations({})).total).toBe(1 + 1 + 700 + 2);
      const thread = await service.getConversation({ id: `x:${smallScenario().x.tweets[0]!.id}` });
      expect(thread.posts.map((p) => p.direction)).toEqual([
        'inbound',
        'outbound',
        'inbound',
        'outbound',
      ]);
      await service.close();
    });
  });

  it('in the middle of sending replies: after a restart each reply is on the platform exactly once', async () => {
    // Replies are throttled by the platform to a few a second, so the kill lands mid-way.
    await withStack(
      { extraMentions: 40, rateLimits: { 'POST /2/tweets': 4 } },
      async ({ emulator, env: base }) => {
        const env = { ...base, REPLIES: '20' };
        const first = await startSync(env, (line) => /^sent [1-9]/.test(line));
        first.kill('SIGKILL');
        await new Promise((resolve) => first.once('exit', resolve));
        const before = emulator.writes().filter((w) => w.action === 'tweet').length;
        expect(before).toBeGreaterThan(0);
        expect(before).toBeLessThan(20);

        const second = await startSync({ ...env, REPLIES: '0' }, (line) =>
          line.startsWith('synced x:'),
        );
        // The restarted process settles the outbox; wait until every reply is on the platform.
        await expect
          .poll(() => emulator.writes().filter((w) => w.action === 'tweet').length, {
            timeout: 15_000,
          })
          .toBe(20);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        second.kill('SIGKILL');
        const texts = emulator
          .writes()
          .filter((w) => w.action === 'tweet')
          .map((w) => w.text);
        expect(new Set(texts).size).toBe(20);
        expect(texts).toHaveLength(20);
      },
    );
  });
});
