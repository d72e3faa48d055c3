import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures';
import { ManualClock } from '../../time/clock';
import { repliesOfBefore } from '../test/outbox-rows';
import { MIGRATIONS, migrate } from './migrations';
import { DATABASE_FILE, openDatabase } from './sqlite';
import { SqliteStore } from './sqlite-store';

const clock = new ManualClock('2026-11-20T12:00:00.000Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('a store from before schema 11', () => {
  it('marks the replies it holds that were sent translated, and lists them through their index', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(join(dir, DATABASE_FILE));
    const replies = repliesOfBefore();
    try {
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 10),
      );
      const insert = db.prepare(
        'INSERT INTO outbox (key, state, conversation_id, created_at, body) VALUES (?, ?, ?, ?, ?)',
      );
      for (const r of replies)
        insert.run(r.key, r.state, r.conversationId, r.createdAt, JSON.stringify(r));
    } finally {
      db.close();
    }
    const store = SqliteStore.open(dir, { clock });
    cleanups.unshift(() => store.close());
    const from = '2026-11-20T00:00:00.000Z';
    const to = '2026-11-21T00:00:00.000Z';
    expect(await store.outbox.translated(from, to)).toEqual([replies[0]]);
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT body FROM outbox WHERE translated = 1
         AND created_at >= ? AND created_at < ? ORDER BY created_at, rowid`,
      )
      .all(from, to) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('outbox_translated');
  });
});
