import { afterEach, describe, expect, it } from 'vitest';
import { InboxError } from '../../../shared';
import type { AuditFact, Conversation } from '../../../shared';
import { sealEntries } from '../../audit/audit-chain';
import { conversation } from '../../test/fixtures';
import { ManualClock, dateOf } from '../../time/clock';
import { holdInTransaction, holdWriteLock } from '../test/pg-held';
import { NO_TEST_SERVER, createTestDatabase, testServerUrl } from '../test/pg-test-database';
import { PostgresStore } from './postgres-store';

// A commit writes its rows first and takes the write lock last, with its entries sealed by the
// database and the shared counts moved at COMMIT: the trail must hash as the chain code does,
// the counts must stay true however commits interleave, and two commits storing one new
// conversation at once must end with one of them refused.
const server = testServerUrl();
const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function open(url?: string): Promise<PostgresStore> {
  const target = url ?? (await database());
  const store = await PostgresStore.open({ url: target, clock });
  cleanups.unshift(() => store.close());
  return store;
}

async function database(): Promise<string> {
  const db = await createTestDatabase(server!);
  cleanups.push(db.drop);
  return db.url;
}

const fact = (conversationId: string | null, details: AuditFact['details']): AuditFact => ({
  action: 'note.added',
  actor: 'agent-1',
  client: 'browser',
  conversationId,
  details,
});

/** Facts whose text takes every path of the canonical form: escapes, scripts, emoji, a Date. */
const awkward: AuditFact[] = [
  fact(null, {}),
  fact('x:1', {
    text: 'Désolé 😔 "quoted" \\ back\nslash\t\u0001 日本語 עברית',
    n: [1, 2.5, 1e21],
  }),
  fact('facebook:9_8', { when: new Date('2026-01-02T03:04:05.000Z'), keys: { b: 1, B: 2 } }),
  fact('x:2', { text: 'broken \ud800 pair' }),
];

/** The kept counts as the rows give them, and as the count tables hold them. */
async function counts(store: PostgresStore) {
  const read = async (sql: string) => (await store.pool.query<{ k: string; n: number }>(sql)).rows;
  return {
    facets: await read(
      `SELECT concat_ws('|', status, assignee, platform, account_id, language, priority) AS k,
         n::int AS n FROM conversation_facets WHERE n <> 0 ORDER BY k`,
    ),
    facetsFromRows: await read(
      `SELECT concat_ws('|', status, coalesce(assignee, ''), platform, account_id,
         coalesce(language, ''), priority) AS k, count(*)::int AS n
       FROM conversations GROUP BY 1 ORDER BY k`,
    ),
    tags: await read('SELECT tag AS k, n::int AS n FROM tag_counts WHERE n <> 0 ORDER BY k'),
    tagsFromRows: await read(
      'SELECT tag AS k, count(*)::int AS n FROM conversation_tags GROUP BY tag ORDER BY k',
    ),
  };
}

describe.skipIf(server == null)(
  `A commit's write lock, taken last${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('seals the entries in the database as the chain code seals them, byte for byte', async () => {
      const store = await open();
      const [first] = await store.commit([fact('x:0', { n: 0 })], []);
      const head = { seq: first!.seq, hash: first!.hash };
      const entries = await store.commit(awkward, []);
      const expected = sealEntries(head, awkward, dateOf(clock)).sealed;
      expect(entries).toEqual(expected.map((s) => s.entry));
      const { rows } = await store.pool.query<{ canonical: string; hash: string }>(
        'SELECT canonical, hash FROM audit WHERE seq > 1 ORDER BY seq',
      );
      expect(rows).toEqual(expected.map((s) => ({ canonical: s.canonical, hash: s.entry.hash })));
      expect(await store.audit.head()).toEqual({ seq: 5, hash: expected.at(-1)!.entry.hash });
      expect(await store.audit.verify(dateOf(clock))).toMatchObject({ intact: true, entries: 5 });
    });

    it('keeps the counts true when many commits move the same ones at once', async () => {
      const store = await open();
      const ids = Array.from({ length: 30 }, (_, i) => `x:${i}`);
      const start = ids.map((id, i) =>
        conversation({ id, tags: i % 2 === 0 ? ['a', 'b'] : ['c', 'b'], status: 'new' }),
      );
      await store.commit([], [{ kind: 'conversations.put', conversations: start }]);
      // Every commit moves the same facets and tags: half of them take a tag from 'a' to 'c',
      // the other half from 'c' to 'a', which counted as they are written would be a circle.
      const next = start.map((c, i): Conversation => ({
        ...c,
        version: c.version + 1,
        status: i % 3 === 0 ? 'open' : 'done',
        assignee: `agent-${i % 2}`,
        tags: i % 2 === 0 ? ['c', 'b'] : ['a', 'b'],
      }));
      const done = await Promise.allSettled(
        next.map((c, i) =>
          store.commit(
            [fact(c.id, { i })],
            [{ kind: 'conversations.put', conversations: [c], expect: { [c.id]: c.version - 1 } }],
          ),
        ),
      );
      expect(done.filter((d) => d.status === 'rejected')).toEqual([]);
      const kept = await counts(store);
      expect(kept.facets).toEqual(kept.facetsFromRows);
      expect(kept.tags).toEqual(kept.tagsFromRows);
      expect(kept.tags).toEqual([
        { k: 'a', n: 15 },
        { k: 'b', n: 30 },
        { k: 'c', n: 15 },
      ]);
      expect(await store.conversations.count()).toBe(30);
      expect(await store.audit.verify(dateOf(clock))).toMatchObject({ intact: true, entries: 30 });
    });

    it('runs a commit again when PostgreSQL ends it to break a deadlock', async () => {
      const url = await database();
      const store = await open(url);
      const [one, two] = [conversation({ id: 'x:1' }), conversation({ id: 'x:2' })];
      await store.commit([], [{ kind: 'conversations.put', conversations: [one, two] }]);
      // Another transaction holds the second row; the commit takes the first, then waits for the
      // second; the other then asks for the first: a circle, which the server breaks by ending
      // the commit (the other waits longer before it looks for one).
      const other = await holdInTransaction(
        url,
        "SELECT 1 FROM conversations WHERE id = 'x:2' FOR UPDATE",
        [],
        (release) => cleanups.unshift(release),
        "SET deadlock_timeout = '20s'",
      );
      const put = (c: Conversation) => ({
        kind: 'conversations.put' as const,
        conversations: [{ ...c, status: 'open' as const, version: 2 }],
      });
      const commit = store.commit([fact('x:1', {})], [put(one), put(two)]);
      await expect.poll(other.waitingForLocks, { timeout: 5000 }).toBe(1);
      await other.client.query("SELECT 1 FROM conversations WHERE id = 'x:1' FOR UPDATE");
      await other.release();
      const [entry] = await commit;
      expect(entry).toMatchObject({ seq: 1, conversationId: 'x:1' });
      for (const id of ['x:1', 'x:2'])
        expect(await store.conversations.get(id)).toMatchObject({ status: 'open', version: 2 });
      const kept = await counts(store);
      expect(kept.facets).toEqual(kept.facetsFromRows);
    });

    it('refuses the second of two replicas storing one new conversation at once', async () => {
      const url = await database();
      const [a, b] = [await open(url), await open(url)];
      // The write lock is held meanwhile, as a third replica's commit would: the first commit
      // has written the new row and waits for the lock, the second waits for that row.
      const holder = await holdWriteLock(url, (release) => cleanups.unshift(release));
      const fresh = conversation({ id: 'x:new' });
      const put = (version: number) => ({
        kind: 'conversations.put' as const,
        conversations: [{ ...fresh, version }],
        expect: { [fresh.id]: 0 },
      });
      const first = a.commit([fact(fresh.id, { by: 'a' })], [put(1)]);
      await expect.poll(holder.waitingForLocks, { timeout: 5000 }).toBe(1);
      const second = b.commit([fact(fresh.id, { by: 'b' })], [put(1)]).then(
        () => null,
        (err: unknown) => err,
      );
      await expect.poll(holder.waitingForLocks, { timeout: 5000 }).toBe(2);
      await holder.release();
      await first;
      const refused = await second;
      expect(refused).toBeInstanceOf(InboxError);
      expect((refused as InboxError).code).toBe('conflict');
      expect((refused as InboxError).details).toMatchObject({ current: { id: fresh.id } });
      expect(await b.conversations.count()).toBe(1);
      const kept = await counts(b);
      expect(kept.facets).toEqual(kept.facetsFromRows);
      expect(await b.audit.verify(dateOf(clock))).toMatchObject({ intact: true, entries: 1 });
    });
  },
);
