import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { author, conversation, post, tempDir } from '../../test/fixtures';
import { factsOf } from '../port';
import { ManualClock } from '../../time/clock';
import { NO_TEST_SERVER, createTestDatabase, testServerUrl } from '../test/pg-test-database';
import { listSql } from '../sql/conversation-sql';
import { numbered, openPool, prepared } from './pg-client';
import { POSTGRES_LIST } from './pg-list-plan';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION, migratePg } from './pg-migrations';
import { PostgresStore } from './postgres-store';

const server = testServerUrl();
const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function database(): Promise<string> {
  const db = await createTestDatabase(server!);
  cleanups.push(db.drop);
  return db.url;
}

async function open(url: string, caFile?: string): Promise<PostgresStore> {
  const store = await PostgresStore.open({ url, clock, caFile: caFile ?? null });
  cleanups.unshift(() => store.close());
  return store;
}

describe.skipIf(server == null)(
  `PostgresStore on a server${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('records each migration once, and refuses a database from a newer inbox', async () => {
      const url = await database();
      const store = await open(url);
      const steps = await store.pool.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      expect(steps.rows).toEqual(PG_MIGRATIONS.map(({ version, name }) => ({ version, name })));
      await store.close();
      // Opened again: nothing applied twice.
      const again = await open(url);
      const count = await again.pool.query('SELECT count(*)::int AS n FROM schema_migrations');
      expect(count.rows[0]).toEqual({ n: PG_MIGRATIONS.length });
      await again.pool.query("INSERT INTO schema_migrations (version, name) VALUES ($1, 'later')", [
        PG_SCHEMA_VERSION + 1,
      ]);
      await expect(PostgresStore.open({ url, clock })).rejects.toThrow(
        /newer version of the inbox/,
      );
    });

    it('fills in, from a database of schema 1, the statement that answered each conversation and whether another app did', async () => {
      const url = await database();
      const pool = openPool({ url, caFile: null });
      const statement = {
        postId: 'x:42',
        permalink: 'https://x.com/CafeAurore/status/42',
        by: 'rita',
        at: '2026-11-20T11:00:00.000Z',
      };
      const old = [
        conversation({ id: 'x:1', createdAt: '2026-11-20T10:00:00.000Z', statement }),
        conversation({ id: 'x:2', createdAt: '2026-11-20T10:01:00.000Z', answeredOutside: true }),
      ];
      try {
        await migratePg(
          pool,
          PG_MIGRATIONS.filter((m) => m.version <= 1),
        );
        for (const c of old)
          await pool.query(
            `INSERT INTO conversations (id, platform, account_id, status, priority, reach,
               last_post_ms, created_ms, body) VALUES ($1, 'x', 'x:brand', 'new', 1, 0, 0, $2, $3)`,
            [c.id, Date.parse(c.createdAt), JSON.stringify(c)],
          );
      } finally {
        await pool.end();
      }
      const store = await open(url);
      const heads = [];
      for await (const page of store.conversations.headsCreatedBetween(
        '2026-11-20T00:00:00.000Z',
        '2026-11-21T00:00:00.000Z',
      ))
        heads.push(...page);
      expect(heads.map((h) => h.statement)).toEqual([
        { by: 'rita', atMs: Date.parse(statement.at) },
        null,
      ]);
      const outside = await store.conversations.list({
        answered: 'outside',
        sort: 'newest',
        limit: 10,
      });
      expect(outside).toMatchObject({ total: 1, items: [{ id: 'x:2' }] });
    });

    it('fills in, from a database of schema 3, the tone of each conversation that had one, lists each tone by its index, and keeps translations', async () => {
      const url = await database();
      const pool = openPool({ url, caFile: null });
      const old = [
        conversation({ id: 'x:1', lastPostAt: '2026-11-20T10:00:00.000Z', sentiment: 'negative' }),
        conversation({ id: 'x:2', lastPostAt: '2026-11-20T10:01:00.000Z', sentiment: 'positive' }),
        conversation({ id: 'x:3', lastPostAt: '2026-11-20T10:02:00.000Z' }),
        conversation({ id: 'x:4', lastPostAt: '2026-11-20T10:03:00.000Z', sentiment: 'negative' }),
      ];
      try {
        await migratePg(
          pool,
          PG_MIGRATIONS.filter((m) => m.version <= 3),
        );
        for (const c of old)
          await pool.query(
            `INSERT INTO conversations (id, platform, account_id, status, priority, reach,
               last_post_ms, created_ms, body) VALUES ($1, 'x', 'x:brand', 'new', 1, 0, $2, 0, $3)`,
            [c.id, Date.parse(c.lastPostAt), JSON.stringify(c)],
          );
      } finally {
        await pool.end();
      }
      const store = await open(url);
      const negative = await store.conversations.list({
        sentiment: 'negative',
        sort: 'newest',
        limit: 10,
      });
      expect(negative).toMatchObject({ total: 2, items: [{ id: 'x:4' }, { id: 'x:1' }] });
      const { rows } = await store.pool.query<{ sentiment: string | null }>(
        'SELECT sentiment FROM conversations ORDER BY id',
      );
      expect(rows.map((r) => r.sentiment)).toEqual(['negative', 'positive', null, 'negative']);
      // With sequential scans ruled out, the tone's own index serves the list.
      const client = await store.pool.connect();
      try {
        await client.query('SET enable_seqscan = off');
        const plan = await client.query<{ 'QUERY PLAN': string }>(
          "EXPLAIN SELECT c.body FROM conversations c WHERE c.sentiment = 'negative' ORDER BY c.last_post_ms DESC, c.id DESC",
        );
        expect(plan.rows.map((r) => r['QUERY PLAN']).join(' ')).toContain(
          'conversations_sentiment',
        );
      } finally {
        await client.query('RESET enable_seqscan');
        client.release();
      }

      const translation = {
        postId: 'x:1',
        target: 'fr' as const,
        text: 'Bonjour',
        source: 'nl',
        provider: 'deepl' as const,
        translatedAt: '2026-11-20T10:05:00.000Z',
      };
      await store.commit([], [{ kind: 'translations.put', translation }]);
      expect(await store.translations.get('x:1', 'fr')).toEqual(translation);
      expect(await store.translations.get('x:1', 'en')).toBeUndefined();
    });

    it("fills in, from a database of schema 4, each post's tone, language and author for the reports", async () => {
      const url = await database();
      const pool = openPool({ url, caFile: null });
      const old = [
        post({ externalId: '1', sentiment: 'negative', language: 'nl' }),
        post({ externalId: '2', conversationId: 'x:1', createdAt: '2026-11-20T10:05:00.000Z' }),
        post({
          externalId: '3',
          conversationId: 'x:1',
          createdAt: '2026-11-20T10:06:00.000Z',
          direction: 'outbound',
          sentBy: 'jan',
          language: null,
          author: author({ id: 'brand', handle: 'cafe_aurore', name: 'Café Aurore' }),
        }),
      ];
      try {
        await migratePg(
          pool,
          PG_MIGRATIONS.filter((m) => m.version <= 4),
        );
        for (const p of old)
          await pool.query(
            `INSERT INTO posts (id, conversation_id, account_id, created_ms, outbound, sent_by,
               private, outside, body) VALUES ($1, $2, 'x:brand', $3, $4, $5, false, false, $6)`,
            [
              p.id,
              p.conversationId,
              Date.parse(p.createdAt),
              p.direction === 'outbound',
              p.sentBy,
              JSON.stringify(p),
            ],
          );
      } finally {
        await pool.end();
      }
      const store = await open(url);
      expect((await store.posts.factsOf(['x:1'])).get('x:1')).toEqual(old.map(factsOf));
      expect(
        (await store.posts.factsOf(['x:1'])).get('x:1')!.map((f) => [f.sentiment, f.language]),
      ).toEqual([
        ['negative', 'nl'],
        [null, 'fr'],
        [null, null],
      ]);
    });

    it("fills in, from a database of schema 11, each tag row's order and the queue's size, and pages a tag along them", async () => {
      const url = await database();
      const pool = openPool({ url, caFile: null });
      const old = [1, 2, 3].map((i) =>
        conversation({ id: `x:${i}`, tags: ['vip'], lastPostAt: `2026-11-20T1${i}:00:00.000Z` }),
      );
      try {
        await migratePg(
          pool,
          PG_MIGRATIONS.filter((m) => m.version <= 11),
        );
        for (const c of old) {
          const { rows } = await pool.query<{ rowid: number }>(
            `INSERT INTO conversations (id, platform, account_id, status, priority, reach,
               last_post_ms, created_ms, body) VALUES ($1, 'x', 'x:brand', 'new', 1, 0, $2, 0, $3)
             RETURNING rowid`,
            [c.id, Date.parse(c.lastPostAt), JSON.stringify(c)],
          );
          await pool.query("INSERT INTO conversation_tags (conversation, tag) VALUES ($1, 'vip')", [
            rows[0]!.rowid,
          ]);
        }
      } finally {
        await pool.end();
      }
      const store = await open(url);
      const { rows } = await store.pool.query<{ id: string; last_post_ms: number }>(
        'SELECT id, last_post_ms FROM conversation_tags ORDER BY id',
      );
      expect(rows).toEqual(old.map((c) => ({ id: c.id, last_post_ms: Date.parse(c.lastPostAt) })));
      const all = await store.conversations.list({ sort: 'newest', limit: 10 });
      expect(all.total).toBe(3);
      const vip = await store.conversations.list({ tag: 'vip', sort: 'newest', limit: 2 });
      expect(vip).toMatchObject({ total: 3, items: [{ id: 'x:3' }, { id: 'x:2' }] });
      // The page reads the tag's rows along their index, from the cursor on.
      const list = listSql(
        { tag: 'vip', sort: 'newest', limit: 2, cursor: vip.nextCursor! },
        { tag: 'set', q: 'set', totalCap: 1000 },
        POSTGRES_LIST,
      );
      const client = await store.pool.connect();
      try {
        await client.query('SET enable_seqscan = off');
        const plan = await client.query<{ 'QUERY PLAN': string }>({
          text: `EXPLAIN ${numbered(list.page.sql)}`,
          values: list.page.params,
        });
        expect(plan.rows.map((r) => r['QUERY PLAN']).join(' ')).toMatch(
          /Index \w* ?Scan Backward using conversation_tags_newest/,
        );
        const page = await client.query<{ body: string }>({
          text: numbered(list.page.sql),
          values: list.page.params,
        });
        expect(page.rows.map((r) => (JSON.parse(r.body) as { id: string }).id)).toEqual(['x:1']);
      } finally {
        await client.query('RESET enable_seqscan');
        client.release();
      }
    });

    it('parses and plans a fixed statement once per connection, then runs it by its name', async () => {
      const client = new pg.Client({ connectionString: await database() });
      await client.connect();
      cleanups.unshift(() => client.end());
      const byId = 'SELECT $1::text AS id';
      for (const id of ['a', 'b', 'c'])
        expect((await client.query(prepared(byId, [id]))).rows).toEqual([{ id }]);
      await client.query(prepared('SELECT $1::int + 1 AS n', [1]));
      const { rows } = await client.query<{ name: string; statement: string }>(
        'SELECT name, statement FROM pg_prepared_statements ORDER BY statement',
      );
      expect(rows).toEqual([
        { name: prepared('SELECT $1::int + 1 AS n').name, statement: 'SELECT $1::int + 1 AS n' },
        { name: prepared(byId).name, statement: byId },
      ]);
      expect(prepared(byId).name).not.toBe(prepared('SELECT $1::int + 1 AS n').name);
    });

    it('says a wrong password is refused without repeating it', async () => {
      const url = new URL(await database());
      url.password = 'not-the-password-42';
      const opening = PostgresStore.open({ url: url.toString(), clock });
      await expect(opening).rejects.toMatchObject({ code: 'storage_unavailable' });
      await expect(opening).rejects.not.toThrow(/not-the-password-42/);
    });

    it('talks TLS when sslmode asks for it, and checks the server against the CA file', async (ctx) => {
      const admin = new pg.Client({ connectionString: server! });
      await admin.connect();
      cleanups.push(() => admin.end());
      const role = await admin.query<{ super: boolean; dir: string }>(
        "SELECT rolsuper AS super, current_setting('data_directory') AS dir FROM pg_roles WHERE rolname = current_user",
      );
      const { super: isSuper, dir } = role.rows[0]!;
      let owner: { uid: number; gid: number } | null = null;
      try {
        owner = statSync(dir);
      } catch {
        owner = null;
      }
      // Turning TLS on needs a superuser on this machine's server (pg_virtualenv's is one).
      if (!isSuper || owner == null)
        return ctx.skip('TLS: the test server is not ours to configure');
      const { dir: folder, cleanup } = await tempDir();
      cleanups.push(cleanup);
      const cert = join(folder, 'server.crt');
      const key = join(folder, 'server.key');
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '2',
          '-keyout',
          key,
          '-out',
          cert,
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=DNS:localhost,IP:127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      chmodSync(key, 0o600);
      chmodSync(folder, 0o755);
      // The server reads its key as the user it runs as.
      if (process.getuid?.() === 0) {
        chownSync(key, owner.uid, owner.gid);
        chownSync(cert, owner.uid, owner.gid);
      }
      await admin.query(`ALTER SYSTEM SET ssl_cert_file = '${cert}'`);
      await admin.query(`ALTER SYSTEM SET ssl_key_file = '${key}'`);
      await admin.query('ALTER SYSTEM SET ssl = on');
      await admin.query('SELECT pg_reload_conf()');
      cleanups.unshift(async () => {
        await admin.query('ALTER SYSTEM RESET ssl');
        await admin.query('ALTER SYSTEM RESET ssl_cert_file');
        await admin.query('ALTER SYSTEM RESET ssl_key_file');
        await admin.query('SELECT pg_reload_conf()');
      });
      // New connections take the reloaded settings once the server has read them.
      for (let i = 0; i < 100; i++) {
        const probe = new pg.Client({
          connectionString: server!,
          ssl: { rejectUnauthorized: false },
        });
        const up = await probe.connect().then(
          () => true,
          () => false,
        );
        await probe.end().catch(() => undefined);
        if (up) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const base = new URL(await database());
      base.hostname = 'localhost';
      const encrypted = async (store: PostgresStore) =>
        (
          await store.pool.query<{ ssl: boolean }>(
            'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
          )
        ).rows[0]?.ssl;

      const required = new URL(base);
      required.searchParams.set('sslmode', 'require');
      expect(await encrypted(await open(required.toString()))).toBe(true);
      // verify-full with the CA that signed the server's certificate.
      const full = new URL(base);
      full.searchParams.set('sslmode', 'verify-full');
      expect(await encrypted(await open(full.toString(), cert))).toBe(true);
      // Without it, the self-signed certificate is refused.
      await expect(PostgresStore.open({ url: full.toString(), clock })).rejects.toMatchObject({
        message: expect.stringMatching(/certificate/i),
      });
    });
  },
);
