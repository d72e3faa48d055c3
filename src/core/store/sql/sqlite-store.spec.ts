import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditFact } from '../../../shared';
import { conversation, tempDir } from '../../test/fixtures';
import { hashOf } from '../../audit/audit-chain';
import { ManualClock, dateOf } from '../../time/clock';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations';
import { DATABASE_FILE, openDatabase } from './sqlite';
import { SqliteStore } from './sqlite-store';

const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function openStore(): Promise<{ store: SqliteStore; dir: string }> {
  const { dir, cleanup } = await tempDir();
  const store = SqliteStore.open(dir, { clock });
  cleanups.push(async () => {
    await store.close();
    await cleanup();
  });
  return { store, dir };
}

const fact = (
  conversationId: string | null,
  action: AuditFact['action'] = 'conversation.status',
): AuditFact => ({
  actor: 'rita',
  client: 'browser',
  action,
  conversationId,
  details: { note: 'é ✓' },
});

describe('SqliteStore', () => {
  it('makes a change and its audit entries durable together, chained as before', async () => {
    const { store, dir } = await openStore();
    const c = conversation({ id: 'x:1' });
    const [first] = await store.commit(
      [fact('x:1')],
      [{ kind: 'conversations.put', conversations: [c] }],
    );
    clock.advance(1000);
    const [second] = await store.commit([fact('x:1')], []);
    expect(first).toMatchObject({ seq: 1, prev: '0'.repeat(64), at: '2026-11-20T09:00:00.000Z' });
    expect(second).toMatchObject({ seq: 2, prev: first!.hash, at: '2026-11-20T09:00:01.000Z' });
    expect(await store.audit.ofConversation('x:1')).toEqual([first, second]);
    // The hash is the one the file trail always used: a trail moved between them checks out.
    expect(hashOf(second!)).toBe(second!.hash);
    await store.close();

    // Opened again, the same chain goes on.
    const again = SqliteStore.open(dir, { clock });
    cleanups.push(() => again.close());
    expect(await again.conversations.get('x:1')).toEqual(c);
    const [third] = await again.commit([fact(null, 'rule.changed')], []);
    expect(third).toMatchObject({ seq: 3, prev: second!.hash });
    expect(await again.audit.verify(dateOf(clock))).toMatchObject({ intact: true, entries: 3 });
    // Only its owner reads the store, as every file of the data folder.
    for (const file of ['inbox.db', 'inbox.db-wal'])
      expect((await stat(join(dir, file))).mode & 0o777).toBe(0o600);
  });

  it('says the data folder is full, naming it, and works again once there is room', async () => {
    const { store, dir } = await openStore();
    const pages = Number(
      (store.db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count,
    );
    store.db.exec(`PRAGMA max_page_count = ${pages + 2}`);
    const big = Array.from({ length: 200 }, (_, i) =>
      conversation({ id: `x:${i}`, excerpt: 'x'.repeat(2000) }),
    );
    const refused = store.commit(
      [fact(null, 'rule.changed')],
      [{ kind: 'conversations.put', conversations: big }],
    );
    await expect(refused).rejects.toMatchObject({ code: 'storage_full' });
    await expect(refused).rejects.toThrow(dir);
    expect(await store.conversations.count()).toBe(0);
    expect(await store.audit.headSeq()).toBe(0);
    store.db.exec('PRAGMA max_page_count = 1073741823');
    await store.commit(
      [fact(null, 'rule.changed')],
      [{ kind: 'conversations.put', conversations: big }],
    );
    expect(await store.conversations.count()).toBe(200);
  });
});

describe('migrate', () => {
  it('brings a new file to the current schema once, and refuses a file from a newer inbox', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(join(dir, DATABASE_FILE));
    try {
      expect(migrate(db)).toBe(SCHEMA_VERSION);
      expect(migrate(db)).toBe(SCHEMA_VERSION);
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'conversations'")
        .all();
      expect(tables).toHaveLength(1);
      const later = [
        ...MIGRATIONS,
        { version: SCHEMA_VERSION + 1, name: 'later', sql: 'CREATE TABLE later (a);' },
      ];
      expect(migrate(db, later)).toBe(SCHEMA_VERSION + 1);
      expect(() => migrate(db)).toThrow(/newer version of the inbox/);
    } finally {
      db.close();
    }
  });

  it('leaves the file at the step before when a step fails', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(join(dir, DATABASE_FILE));
    try {
      migrate(db);
      const broken = [
        ...MIGRATIONS,
        { version: SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half (a); NOT SQL;' },
      ];
      expect(() => migrate(db, broken)).toThrow();
      expect(db.prepare('PRAGMA user_version').get()).toMatchObject({
        user_version: SCHEMA_VERSION,
      });
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all()).toEqual([]);
    } finally {
      db.close();
    }
  });
});
