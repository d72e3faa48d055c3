import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../emulator/scenario';
import { startEmulator } from '../../../emulator/server';
import { SecretSealer } from '../../secrets/secret-sealer';
import { MemorySecretStore } from '../../secrets/secret-store';
import { InboxService } from '../../service';
import { tempDir } from '../../test/fixtures';
import { useCleanups } from '../../test/inbox-harness';
import { connectAll, smallScenario } from '../../test/scenario';
import { clockStartingAt, dateOf } from '../../time/clock';
import { ListConversationsInputSchema } from '../../../shared';
import { PgSecretStore } from '../pg/pg-secrets';
import { PostgresStore } from '../pg/postgres-store';
import { SqliteStore } from '../sql/sqlite-store';
import type { InboxStore } from '../port';
import { NO_TEST_SERVER, createTestDatabase, testServerUrl } from '../test/pg-test-database';
import { WORKSPACE_FILE } from '../workspace-store';
import { exportFromPostgres } from './from-postgres';
import { MOVED_TABLES } from './move-tables';
import { moveToPostgres } from './to-postgres';

const server = testServerUrl();
const cleanup = useCleanups();
const scenario = parseScenario(smallScenario(30));
const clock = clockStartingAt(scenario.anchor);

/** A data folder an inbox worked in on its embedded store: synced, triaged, noted, answered. */
async function workedFolder(): Promise<string> {
  const emulator = await startEmulator({ scenario, port: 0, now: () => clock.now() });
  cleanup(() => emulator.close());
  const { dir, cleanup: remove } = await tempDir();
  cleanup(remove);
  const service = await InboxService.open({
    dataDir: dir,
    xBaseUrl: emulator.xBaseUrl,
    graphBaseUrl: emulator.graphBaseUrl,
    secrets: new MemorySecretStore(),
    clock,
    store: SqliteStore.open(dir, { clock }),
  });
  try {
    await service.createAgent({ name: 'Manager', role: 'manager' });
    const { x, fb } = await connectAll(service);
    await service.syncAccountOnce(x.id);
    await service.syncAccountOnce(fb.id);
    const { items } = await service.listConversations({ limit: 3 });
    for (const [i, c] of items.entries())
      await service.updateConversation({
        id: c.id,
        version: c.version,
        status: 'open',
        addTags: [`tag-${i}`, 'billing'],
      });
    await service.addNote({ conversationId: items[0]!.id, text: 'Called them back' });
    // Drafted in French, sent translated: the outbox marks it for the reports.
    await service.sendReply({
      conversationId: items[1]!.id,
      replyTo: items[1]!.rootPostId,
      text: 'Thanks, we are on it',
      translation: {
        draft: 'Merci, on s’en occupe',
        draftLanguage: 'fr',
        language: 'en',
        provider: 'deepl',
      },
    });
    await service.replies().idle();
  } finally {
    await service.close();
  }
  return dir;
}

async function database(): Promise<string> {
  const db = await createTestDatabase(server!);
  cleanup(db.drop);
  return db.url;
}

/**
 * What a store holds, as the inbox reads it: every conversation in the queue's order, what the
 * reports read of their posts (tone, language, author) and of the replies sent translated, the trail.
 */
async function contents(store: InboxStore) {
  const page = await store.conversations.list(ListConversationsInputSchema.parse({ limit: 200 }));
  const facts = await store.posts.factsOf(page.items.map((c) => c.id));
  return {
    conversations: page.items.map((c) => ({ id: c.id, status: c.status, tags: c.tags })),
    facts: [...facts].sort(([a], [b]) => (a < b ? -1 : 1)),
    translated: (await store.outbox.translated(scenario.anchor, '9999-12-31T00:00:00.000Z')).map(
      (item) => item.key,
    ),
    total: page.total,
    head: await store.audit.headSeq(),
    verify: (await store.audit.verify(dateOf(clock))).intact,
  };
}

describe.skipIf(server == null)(
  `Moving an inbox into PostgreSQL and out${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('moves a worked data folder into PostgreSQL and back with the same rows, head and trail', async () => {
      const source = await workedFolder();
      const url = await database();
      const progress: string[] = [];
      const moved = await moveToPostgres(source, url, {
        clock,
        onProgress: (p) => progress.push(p.phase === 'copy' ? p.table : 'check'),
      });
      expect(moved.counts.conversations).toBeGreaterThan(30);
      expect(moved.counts.notes).toBe(1);
      expect(moved.counts.outbox).toBe(1);
      expect(moved.head!.seq).toBeGreaterThan(3);
      expect(moved.audit.intact).toBe(true);
      expect(progress).toContain('conversations');
      expect(progress.at(-1)).toBe('check');

      const sqlite = SqliteStore.open(source, { clock, readOnly: true });
      const before = await contents(sqlite);
      await sqlite.close();
      expect(before.translated).toHaveLength(1);
      const posts = before.facts.flatMap(([, list]) => list);
      expect(posts.some((p) => p.sentiment != null && p.language != null)).toBe(true);
      expect(new Set(posts.map((p) => p.authorId)).size).toBeGreaterThan(2);
      const pgStore = await PostgresStore.open({ url, clock });
      try {
        expect(await contents(pgStore)).toEqual(before);
        // The counts kept by triggers were made again: the tag's total is the source's; and its
        // rows took their conversations' order, which its newest page is read along.
        const billing = await pgStore.conversations.list(
          ListConversationsInputSchema.parse({ tag: 'billing', limit: 10 }),
        );
        expect(billing.total).toBe(3);
        expect(billing.items.map((c) => c.id)).toEqual(
          before.conversations.filter((c) => c.tags.includes('billing')).map((c) => c.id),
        );
      } finally {
        await pgStore.close();
      }

      const { dir: back, cleanup: remove } = await tempDir();
      cleanup(remove);
      const exported = await exportFromPostgres(url, back, { clock });
      expect(exported.counts).toEqual(moved.counts);
      expect(exported.head).toEqual(moved.head);
      expect(await readFile(join(back, WORKSPACE_FILE), 'utf8')).toBe(
        await readFile(join(source, WORKSPACE_FILE), 'utf8'),
      );
      // The app opens the exported folder: the same team, queue and trail.
      const service = await InboxService.open({
        dataDir: back,
        secrets: new MemorySecretStore(),
        clock,
        store: SqliteStore.open(back, { clock }),
      });
      try {
        expect((await service.listAgents()).map((a) => a.name)).toEqual(['Manager']);
        expect((await service.listConversations({ limit: 200 })).total).toBe(before.total);
        expect(await service.verifyAudit()).toMatchObject({ intact: true, entries: before.head });
      } finally {
        await service.close();
      }
      const reopened = SqliteStore.open(back, { clock, readOnly: true });
      try {
        expect(await contents(reopened)).toEqual(before);
      } finally {
        await reopened.close();
      }
    });

    it('refuses a database that holds an inbox unless asked to replace it, and keeps nothing of a copy that does not match', async () => {
      const source = await workedFolder();
      const url = await database();
      const first = await moveToPostgres(source, url, { clock });
      await expect(moveToPostgres(source, url, { clock })).rejects.toThrow(
        /already holds an inbox: move into an empty database, or pass --replace/,
      );
      // A credential the replaced inbox kept in the database goes with it.
      const held = await PostgresStore.open({ url, clock });
      try {
        await new PgSecretStore(held.pool, SecretSealer.fromKey(randomBytes(32))).set(
          'x:brand',
          'an old token',
        );
      } finally {
        await held.close();
      }
      const replaced = await moveToPostgres(source, url, { clock, replace: true });
      expect(replaced.counts).toEqual(first.counts);
      const after = await PostgresStore.open({ url, clock });
      try {
        const { rows } = await after.pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM secrets',
        );
        expect(rows[0]!.n).toBe(0);
      } finally {
        await after.close();
      }

      const other = await database();
      await expect(
        moveToPostgres(source, other, {
          clock,
          beforeCheck: (db) => db.query('DELETE FROM posts WHERE id = (SELECT min(id) FROM posts)'),
        }),
      ).rejects.toThrow(/posts: \d+ in the source, \d+ in the copy.*nothing was kept/);
      const store = await PostgresStore.open({ url: other, clock });
      try {
        for (const table of MOVED_TABLES) {
          const { rows } = await store.pool.query<{ n: number }>(
            `SELECT count(*) AS n FROM ${table.name}`,
          );
          expect(rows[0]!.n, table.name).toBe(0);
        }
      } finally {
        await store.close();
      }
    });

    it('refuses a folder with no inbox, a folder that holds one, and a database with no settings document', async () => {
      const { dir: empty, cleanup: remove } = await tempDir();
      cleanup(remove);
      const url = await database();
      await expect(moveToPostgres(empty, url, { clock })).rejects.toThrow(
        `No inbox in ${empty} (expected inbox.db)`,
      );
      const source = await workedFolder();
      await moveToPostgres(source, url, { clock });
      await expect(exportFromPostgres(url, source, { clock })).rejects.toThrow(
        /already holds an inbox \(inbox\.db\): export into an empty folder/,
      );
      // A database whose document the hubs kept in their own folders (before they shared it).
      const hub = await PostgresStore.open({ url, clock });
      await hub.pool.query('DELETE FROM settings_doc');
      await hub.pool.query('DELETE FROM settings_pending');
      await hub.close();
      await expect(exportFromPostgres(url, empty, { clock })).rejects.toThrow(
        /keeps no settings document .*--settings/,
      );
      const settings = await readFile(join(source, WORKSPACE_FILE), 'utf8');
      await exportFromPostgres(url, empty, { clock, settings });
      expect(await readFile(join(empty, WORKSPACE_FILE), 'utf8')).toBe(settings);
    });

    it('moves from the command line with progress lines, and never prints the password', async () => {
      const source = await workedFolder();
      const url = await database();
      const script = fileURLToPath(new URL('../../../../scripts/migrate.ts', import.meta.url));
      const run = (args: string[]) =>
        promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args]).then(
          (r) => ({ code: 0, out: r.stdout + r.stderr }),
          (e: { code: number; stdout: string; stderr: string }) => ({
            code: e.code,
            out: e.stdout + e.stderr,
          }),
        );
      const done = await run(['--from', source, '--to', url]);
      expect(done.out).toMatch(/ {2}conversations: \d+ of \d+/);
      expect(done.out).toMatch(/Moved: checked \(\d+ conversations, .*audit trail intact/);
      expect(done.code).toBe(0);
      const secret = 'n0t-the-Real-pw';
      const refused = await run([
        '--from',
        source,
        '--to',
        `postgres://inbox:${secret}@127.0.0.1:1/inbox`,
      ]);
      expect(refused.code).toBe(2);
      expect(refused.out).toContain('127.0.0.1:1/inbox');
      expect(refused.out).not.toContain(secret);
      const password = new URL(url).password;
      if (password) expect(done.out).not.toContain(password);
      const wrong = await run(['--from', url, '--to', source]);
      expect(wrong).toMatchObject({ code: 2 });
      expect(wrong.out).toContain('--to must be a PostgreSQL URL');
    });
  },
);
