import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Post } from '../../../shared';
import { author, conversation, post, tempDir } from '../../test/fixtures';
import { ManualClock } from '../../time/clock';
import { factsOf } from '../port';
import { MIGRATIONS, migrate } from './migrations';
import { DATABASE_FILE, inTimeOrder, openDatabase } from './sqlite';
import { SqliteStore } from './sqlite-store';

const clock = new ManualClock('2026-11-20T09:00:00.000Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function folder(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  return dir;
}

function open(dir: string): SqliteStore {
  const store = SqliteStore.open(dir, { clock });
  cleanups.unshift(() => store.close());
  return store;
}

/** The brand's account, the author of its replies. */
const BRAND = author({ id: 'brand', handle: 'cafe_aurore', name: 'Café Aurore' });

/** A customer post, an agent's private reply, a reply from another app, at the same instant. */
function thread(n: number, at = '2026-11-20T10:00:00.000Z'): Post[] {
  const conversationId = `x:${n}`;
  return [
    post({ externalId: `${n}`, conversationId, createdAt: at, sentiment: 'negative' }),
    post({
      externalId: `${n}.2`,
      conversationId,
      createdAt: '2026-11-20T10:05:00.000Z',
      direction: 'outbound',
      sentBy: 'jan',
      private: true,
      author: BRAND,
    }),
    post({
      externalId: `${n}.1`,
      conversationId,
      createdAt: '2026-11-20T10:05:00.000Z',
      direction: 'outbound',
      author: BRAND,
      outside: true,
      sourceApp: { name: 'Hootsuite', id: null, link: null },
    }),
  ];
}

describe('post facts', () => {
  it('are filled in for the posts a store held before schema 4, their authors too', async () => {
    const dir = await folder();
    const db = openDatabase(join(dir, DATABASE_FILE));
    const posts = thread(7);
    try {
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 3),
      );
      const insert = db.prepare(
        `INSERT INTO posts (id, conversation_id, account_id, created_ms, in_reply_to, body)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (const p of posts)
        insert.run(
          p.id,
          p.conversationId,
          p.accountId,
          Date.parse(p.createdAt),
          null,
          JSON.stringify(p),
        );
    } finally {
      db.close();
    }
    const store = open(dir);
    expect((await store.posts.factsOf(['x:7'])).get('x:7')).toEqual([
      factsOf(posts[0]!),
      factsOf(posts[2]!),
      factsOf(posts[1]!),
    ]);
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT created_ms, id, outbound, sent_by, private, outside,
           sentiment, language, author_id
         FROM posts WHERE conversation_id = ? ORDER BY created_ms, id`,
      )
      .all('x:7') as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual([
      expect.stringContaining('USING COVERING INDEX posts_facts'),
    ]);
  });
});

describe('a store from before schema 8', () => {
  it('fills in the statement that answered each conversation and whether another app did', async () => {
    const dir = await folder();
    const db = openDatabase(join(dir, DATABASE_FILE));
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
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 7),
      );
      const insert = db.prepare(
        `INSERT INTO conversations (id, platform, account_id, status, priority, reach,
           last_post_ms, created_ms, body) VALUES (?, 'x', 'x:brand', 'new', 1, 0, 0, ?, ?)`,
      );
      for (const c of old) insert.run(c.id, Date.parse(c.createdAt), JSON.stringify(c));
    } finally {
      db.close();
    }
    const store = open(dir);
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
    const plan = store.db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT c.body FROM conversations c WHERE c.answered_outside = 1 ORDER BY c.last_post_ms DESC, c.id DESC',
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('conversations_outside');
  });
});

describe('a store from before schema 9', () => {
  it('fills in the tone of each conversation that had one, lists each tone by its index, and keeps translations', async () => {
    const dir = await folder();
    const db = openDatabase(join(dir, DATABASE_FILE));
    const old = [
      conversation({ id: 'x:1', lastPostAt: '2026-11-20T10:00:00.000Z', sentiment: 'negative' }),
      conversation({ id: 'x:2', lastPostAt: '2026-11-20T10:01:00.000Z', sentiment: 'positive' }),
      conversation({ id: 'x:3', lastPostAt: '2026-11-20T10:02:00.000Z' }),
      conversation({ id: 'x:4', lastPostAt: '2026-11-20T10:03:00.000Z', sentiment: 'negative' }),
    ];
    try {
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 8),
      );
      const insert = db.prepare(
        `INSERT INTO conversations (id, platform, account_id, status, priority, reach,
           last_post_ms, created_ms, body) VALUES (?, 'x', 'x:brand', 'new', 1, 0, ?, 0, ?)`,
      );
      for (const c of old) insert.run(c.id, Date.parse(c.lastPostAt), JSON.stringify(c));
    } finally {
      db.close();
    }
    const store = open(dir);
    const negative = await store.conversations.list({
      sentiment: 'negative',
      sort: 'newest',
      limit: 10,
    });
    expect(negative).toMatchObject({ total: 2, items: [{ id: 'x:4' }, { id: 'x:1' }] });
    const plan = store.db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT c.body FROM conversations c WHERE c.sentiment = 'negative' ORDER BY c.last_post_ms DESC, c.id DESC",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('conversations_sentiment');

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
});

describe('rows read as tuples', () => {
  it('are put in (time, id) order when SQLite gave them otherwise, and left as they are if not', () => {
    const ordered = [
      [1, 'a', 'x'],
      [1, 'b', 'y'],
      [2, 'a', 'z'],
    ];
    expect(inTimeOrder([...ordered])).toEqual(ordered);
    expect(inTimeOrder([ordered[2]!, ordered[1]!, ordered[0]!])).toEqual(ordered);
    expect(inTimeOrder([ordered[1]!, ordered[0]!, ordered[2]!])).toEqual(ordered);
    const same = [...ordered];
    expect(inTimeOrder(same)).toBe(same);
  });
});
