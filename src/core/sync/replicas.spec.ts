import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../emulator/scenario';
import { startEmulator } from '../../emulator/server';
import type { Emulator } from '../../emulator/server';
import { PostgresStore } from '../store/pg/postgres-store';
import { NO_TEST_SERVER, createTestDatabase, testServerUrl } from '../store/test/pg-test-database';
import { tempDir } from '../test/fixtures';
import { BRAND_X, PAGE, smallScenario } from '../test/scenario';
import { clockStartingAt, offsetOf } from '../time/clock';
import type { Clock } from '../time/clock';

// Two processes of the inbox on one PostgreSQL database, each with a data folder of its own, as
// two hub replicas run: one syncs each account, each reply leaves once, and a replica killed
// with SIGKILL leaves nothing undone.
const server = testServerUrl();
const script = fileURLToPath(new URL('../test/sync-process.ts', import.meta.url));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

interface Replica {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the line once one matches (rejects if the process ends first). */
  line(match: (line: string) => boolean): Promise<string>;
  kill(): Promise<void>;
}

function startReplica(env: Record<string, string>): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines: string[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
  });
  const replica: Replica = {
    child,
    lines,
    line: (match) =>
      new Promise((resolve, reject) => {
        const timer = setInterval(() => {
          const found = lines.find(match);
          if (found != null) {
            clearInterval(timer);
            resolve(found);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearInterval(timer);
            reject(new Error(`the replica ended:\n${lines.join('\n')}`));
          }
        }, 20);
      }),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  cleanups.unshift(() => replica.kill());
  return replica;
}

/** An emulator, a database, and the environment of a replica with a data folder of its own. */
async function stack(options: {
  extraMentions: number;
  rateLimits?: Record<string, number>;
}): Promise<{
  emulator: Emulator;
  url: string;
  clock: Clock;
  env: () => Promise<Record<string, string>>;
}> {
  const db = await createTestDatabase(server!);
  cleanups.push(db.drop);
  const scenario = parseScenario(smallScenario(options.extraMentions));
  const clock = clockStartingAt(scenario.anchor);
  const emulator = await startEmulator({
    now: () => clock.now(),
    scenario,
    port: 0,
    ...(options.rateLimits ? { rateLimits: options.rateLimits, rateLimitWindowMs: 1000 } : {}),
  });
  cleanups.push(() => emulator.close());
  return {
    emulator,
    url: db.url,
    clock,
    env: async () => {
      const { dir, cleanup } = await tempDir();
      cleanups.push(cleanup);
      return {
        SOCIAL_INBOX_DATA: dir,
        SOCIAL_INBOX_DATABASE_URL: db.url,
        X_BASE_URL: emulator.xBaseUrl,
        GRAPH_BASE_URL: emulator.graphBaseUrl,
        X_TOKEN: BRAND_X.token,
        PAGE_TOKEN: PAGE.token,
        CLOCK_OFFSET_MS: String(offsetOf(clock)),
      };
    },
  };
}

const tweets = (emulator: Emulator) => emulator.writes().filter((w) => w.action === 'tweet');

describe.skipIf(server == null)(
  `Replicas on one PostgreSQL database${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('20 replies queued, the replica sending them killed: each is on the platform exactly once', async () => {
      // Replies are throttled by the platform to a few a second, so the kill lands mid-way.
      const { emulator, env, url, clock } = await stack({
        extraMentions: 40,
        rateLimits: { 'POST /2/tweets': 4 },
      });
      // Both replicas go for every open reply at once: only the claim keeps them from both
      // sending one.
      const eager = { OUTBOX_ADOPT_MS: '100' };
      const b = startReplica({ ...(await env()), ...eager, REPLIES: '0' });
      await b.line((l) => l.startsWith('synced x:'));
      const a = startReplica({ ...(await env()), ...eager, REPLIES: '20' });
      await a.line((l) => l === 'queued 20');
      const store = await PostgresStore.open({ url, clock });
      cleanups.unshift(() => store.close());
      // A third holder (a replica that hangs mid-send) holds one of the first replies not sent
      // yet: the replicas must skip it and go on with the others (SKIP LOCKED), not wait for it.
      let held: { key: string; text: string; release: () => Promise<void> } | null = null;
      for (const item of (await store.outboxClaims.open()).slice(1)) {
        const claim = await store.outboxClaims.claim(item.key);
        if (!claim) continue;
        const now = await store.outbox.get(item.key);
        if (now?.state === 'pending') {
          let released = false;
          const release = async () => {
            if (!released) await claim.release();
            released = true;
          };
          held = { key: item.key, text: now.text, release };
          break;
        }
        await claim.release();
      }
      expect(held).not.toBeNull();
      cleanups.unshift(() => held!.release());
      await expect.poll(() => tweets(emulator).length, { timeout: 15_000 }).toBeGreaterThan(0);
      await a.kill();
      const before = tweets(emulator).length;
      expect(before).toBeLessThan(20);
      // The other replica takes up what the dead one left, a reply it was sending included, and
      // every reply but the one held: waiting on that one would stop its outbox there.
      await expect.poll(() => tweets(emulator).length, { timeout: 30_000 }).toBe(19);
      expect(tweets(emulator).map((w) => w.text)).not.toContain(held!.text);
      await held!.release();
      await expect.poll(() => tweets(emulator).length, { timeout: 10_000 }).toBe(20);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const texts = tweets(emulator).map((w) => w.text);
      expect(texts).toHaveLength(20);
      expect(new Set(texts).size).toBe(20);
      // And each is sent in the store, never refused on the way (X refuses a second copy).
      const replies = await store.outbox.all();
      expect(replies.map((r) => r.state)).toEqual(Array(20).fill('sent'));
      for (const reply of replies)
        expect(await store.outbox.statesOf(reply.key)).not.toContain('failed');
    });

    it('the sync leader killed: the other replica syncs within 30 s, no post missed or doubled', async () => {
      const { emulator, url, clock, env } = await stack({ extraMentions: 30 });
      const a = startReplica(await env());
      await a.line((l) => l.startsWith('synced x:'));
      await a.line((l) => l.startsWith('synced facebook:'));
      const b = startReplica(await env());
      await b.line((l) => l === 'started');
      const store = await PostgresStore.open({ url, clock });
      cleanups.unshift(() => store.close());
      const posts = async () =>
        (await store.pool.query<{ id: string }>('SELECT id FROM posts')).rows.map((r) => r.id);
      const synced = await posts();

      await a.kill();
      const killed = performance.now();
      // What B printed before (its account connected, as A synced it) is not its own sync.
      const mark = b.lines.length;
      const root = emulator.xBaseUrl.replace(/\/x$/, '');
      const arrivals = ['première', 'deuxième', 'troisième'].map(
        (n) => `@${BRAND_X.username} ma ${n} question sur la commande`,
      );
      for (const text of arrivals) {
        const response = await fetch(`${root}/__emulator/arrivals`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            platform: 'x',
            text,
            author: { username: 'lea_client', name: 'Léa', followers: 12 },
            lang: 'fr',
          }),
        });
        expect(response.ok).toBe(true);
      }
      await expect
        .poll(() => b.lines.slice(mark).some((l) => l.startsWith('synced x:')), {
          timeout: 30_000,
          interval: 100,
        })
        .toBe(true);
      expect(performance.now() - killed).toBeLessThan(30_000);
      await expect
        .poll(async () => (await posts()).length, { timeout: 10_000 })
        .toBe(synced.length + arrivals.length);
      const now = await posts();
      expect(new Set(now).size).toBe(now.length);
      expect(now).toEqual(expect.arrayContaining(synced));
      for (const text of arrivals) {
        const found = await store.conversations.list({
          q: text.split(' ').slice(2).join(' '),
          sort: 'newest',
          limit: 10,
        });
        expect(found.total, text).toBe(1);
      }
    });
  },
);
