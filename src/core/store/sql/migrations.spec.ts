import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpeningProgress } from '../../../shared';
import { tempDir } from '../../test/fixtures';
import { ManualClock } from '../../time/clock';
import { openMigrated } from './import-files';
import { MIGRATIONS, SCHEMA_VERSION, migrate, schemaOf, upgrade } from './migrations';
import type { Migration } from './migrations';
import { DATABASE_FILE, openDatabase } from './sqlite';
import type { Database } from './sqlite';

const clock = new ManualClock('2026-11-20T12:00:00.000Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** More posts than two batches of a backfill hold. */
const POSTS = 12_345;

/** A store file at schema 10, holding `POSTS` posts, a third of them scored negative. */
async function storeAtSchema10(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  const db = openDatabase(join(dir, DATABASE_FILE));
  try {
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 10),
    );
    const insert = db.prepare(
      'INSERT INTO posts (id, conversation_id, account_id, created_ms, body) VALUES (?, ?, ?, ?, ?)',
    );
    db.exec('BEGIN');
    for (let i = 0; i < POSTS; i++) {
      const body = {
        id: `x:${i}`,
        language: i % 2 === 0 ? 'fr' : 'nl',
        ...(i % 3 === 0 ? { sentiment: 'negative' } : {}),
      };
      insert.run(`x:${i}`, `x:${i - (i % 5)}`, 'x:brand', i * 1000, JSON.stringify(body));
    }
    db.exec('COMMIT');
  } finally {
    db.close();
  }
  return dir;
}

function tones(db: Database): { sentiment: string | null; language: string | null; n: number }[] {
  return db
    .prepare(
      'SELECT sentiment, language, count(*) AS n FROM posts GROUP BY sentiment, language ORDER BY sentiment, language',
    )
    .all() as { sentiment: string | null; language: string | null; n: number }[];
}

describe('a store whose schema is behind', () => {
  it('is brought up to date at open in batches, saying how far it is, with other work let in between', async () => {
    const dir = await storeAtSchema10();
    const progress: OpeningProgress[] = [];
    let ticks = 0;
    let ticksAtEnd = 0;
    const ticker = setInterval(() => ticks++, 0);
    try {
      const opened = await openMigrated(dir, {
        clock,
        onProgress: (p) => {
          progress.push(p);
          if (p.total != null && p.done === p.total) ticksAtEnd = ticks;
        },
      });
      cleanups.unshift(() => opened.store.close());
      expect(schemaOf(opened.store.db)).toBe(SCHEMA_VERSION);
      // Every post's tone and language filled in, as one statement over the whole table would.
      const third = Math.ceil(POSTS / 3);
      const negativeFr = Math.ceil(POSTS / 6);
      expect(tones(opened.store.db)).toEqual([
        { sentiment: null, language: 'fr', n: Math.ceil(POSTS / 2) - negativeFr },
        { sentiment: null, language: 'nl', n: Math.floor(POSTS / 2) - (third - negativeFr) },
        { sentiment: 'negative', language: 'fr', n: negativeFr },
        { sentiment: 'negative', language: 'nl', n: third - negativeFr },
      ]);
    } finally {
      clearInterval(ticker);
    }
    expect(progress.every((p) => p.phase === 'upgrading' && p.unit === 'items')).toBe(true);
    // Each pending step that fills the posts in counts them once.
    const filled =
      MIGRATIONS.filter((m) => m.version > 10 && m.backfill?.table === 'posts').length * POSTS;
    expect(filled).toBeGreaterThanOrEqual(POSTS);
    expect(progress[0]).toMatchObject({ done: 0, total: filled });
    expect(progress.at(-1)).toMatchObject({ done: filled, total: filled });
    expect(progress.length).toBeGreaterThanOrEqual(4);
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    // Timers ran while the rows were filled in: the process was not held for the whole upgrade.
    expect(ticksAtEnd).toBeGreaterThanOrEqual(2);
  });

  it('leaves a step that fails undone, rows and version, and the steps before it done', async () => {
    const dir = await storeAtSchema10();
    const broken: Migration = {
      version: SCHEMA_VERSION + 1,
      name: 'a step that fails on its last batch',
      sql: 'ALTER TABLE posts ADD COLUMN doomed TEXT;',
      backfill: {
        table: 'posts',
        set: `doomed = CASE WHEN json_extract(body, '$.id') = 'x:${POSTS - 1}'
          THEN json('{') ELSE 'filled' END`,
      },
    };
    const db = openDatabase(join(dir, DATABASE_FILE));
    try {
      const seen: number[] = [];
      await expect(upgrade(db, (done) => seen.push(done), [...MIGRATIONS, broken])).rejects.toThrow(
        /malformed JSON/i,
      );
      expect(seen.at(-1)).toBeGreaterThan(POSTS);
      expect(schemaOf(db)).toBe(SCHEMA_VERSION);
      expect(db.isTransaction).toBe(false);
      const columns = db.prepare("SELECT name FROM pragma_table_info('posts')").all() as {
        name: string;
      }[];
      expect(columns.map((c) => c.name)).not.toContain('doomed');
      expect(columns.map((c) => c.name)).toContain('sentiment');
    } finally {
      db.close();
    }
  });

  it('is refused when a newer inbox wrote it, before anything is changed', async () => {
    const dir = await storeAtSchema10();
    const db = openDatabase(join(dir, DATABASE_FILE));
    try {
      await expect(
        upgrade(
          db,
          undefined,
          MIGRATIONS.filter((m) => m.version <= 9),
        ),
      ).rejects.toThrow(/newer version of the inbox/);
      expect(schemaOf(db)).toBe(10);
    } finally {
      db.close();
    }
  });
});
