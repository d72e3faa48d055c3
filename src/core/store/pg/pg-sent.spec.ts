import { afterEach, describe, expect, it } from 'vitest';
import type { AuditFact } from '../../../shared';
import { conversation } from '../../test/fixtures';
import { ManualClock, dateOf } from '../../time/clock';
import { socketWrites } from '../test/pg-socket-writes';
import { NO_TEST_SERVER, createTestDatabase, testServerUrl } from '../test/pg-test-database';
import { openPool } from './pg-client';
import { SentWrites } from './pg-sent';
import { PostgresStore } from './postgres-store';

// A commit sends its writes without waiting for each answer: a write that fails on the server must
// still fail the whole commit, with its own error, and leave nothing of it behind.
const server = testServerUrl();
const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const fact = (conversationId: string, action: AuditFact['action']): AuditFact => ({
  actor: 'agent:1',
  client: 'test',
  action,
  conversationId,
  details: {},
});

describe.skipIf(server == null)(
  `Writes sent without waiting${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('refuse the commit with the first failure, and every statement after it is undone', async () => {
      const db = await createTestDatabase(server!);
      cleanups.push(db.drop);
      const pool = openPool({ url: db.url }, 1, { pipeline: true });
      cleanups.unshift(() => pool.end());
      await pool.query('CREATE TABLE t (n integer PRIMARY KEY)');
      const client = await pool.connect();
      try {
        const sent = new SentWrites(client);
        sent.send('BEGIN');
        sent.send('INSERT INTO t VALUES (1)');
        sent.send('INSERT INTO t VALUES (1 / $1::integer)', [0]);
        sent.send('INSERT INTO t VALUES (2)');
        await expect(sent.commit()).rejects.toMatchObject({ code: '22012' });
        await client.query('ROLLBACK').catch(() => undefined);
      } finally {
        client.release();
      }
      expect((await pool.query('SELECT count(*)::int AS n FROM t')).rows[0]).toEqual({ n: 0 });
    });

    it('leave for the server in one write when given in one tick, each answered in turn', async () => {
      const db = await createTestDatabase(server!);
      cleanups.push(db.drop);
      const pool = openPool({ url: db.url }, 1, { pipeline: true });
      cleanups.unshift(() => pool.end());
      const client = await pool.connect();
      try {
        const writes = socketWrites(client);
        const sent = new SentWrites(client);
        sent.send('BEGIN');
        const one = sent.ask('SELECT $1::int AS n', [1]);
        const two = client.query<{ n: number }>({ text: 'SELECT $1::int AS n', values: [2] });
        const commit = sent.commit();
        expect(writes()).toBe(0);
        await commit;
        expect(await one).toEqual([{ n: 1 }]);
        expect((await two).rows).toEqual([{ n: 2 }]);
        expect(writes()).toBe(1);
        // A statement given once those were answered leaves in a write of its own.
        expect((await client.query('SELECT 3 AS n')).rows).toEqual([{ n: 3 }]);
        expect(writes()).toBe(2);
      } finally {
        client.release();
      }
    });

    it('leave the conversation, its counts, its tags and the audit trail as they were when one fails', async () => {
      const db = await createTestDatabase(server!);
      cleanups.push(db.drop);
      const store = await PostgresStore.open({ url: db.url, clock });
      cleanups.unshift(() => store.close());
      const before = conversation({ id: 'x:1' });
      await store.commit(
        [fact('x:1', 'post.arrived')],
        [{ kind: 'conversations.put', conversations: [before] }],
      );
      // The server refuses one of the writes the change sends (a tag it will not take).
      await store.pool.query(`
        CREATE FUNCTION refuse_tag() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'tag refused: %', NEW.tag USING ERRCODE = 'P0001'; END $$;
        CREATE TRIGGER refuse_tag BEFORE INSERT ON conversation_tags FOR EACH ROW
          WHEN (NEW.tag = 'refused') EXECUTE FUNCTION refuse_tag();`);
      const head = await store.audit.headSeq();
      const after = { ...before, status: 'open' as const, tags: ['refused'], version: 2 };
      await expect(
        store.commit(
          [fact('x:1', 'conversation.status')],
          [{ kind: 'conversations.put', conversations: [after], expect: { 'x:1': 1 } }],
        ),
      ).rejects.toThrow(/tag refused: refused/);
      expect(await store.conversations.get('x:1')).toEqual(before);
      expect(await store.audit.headSeq()).toBe(head);
      expect((await store.conversations.list(query('open'))).total).toBe(0);
      expect((await store.conversations.list(query('new'))).total).toBe(1);
      expect(await store.conversations.tagCounts()).toEqual(new Map());
      expect((await store.audit.verify(dateOf(clock))).intact).toBe(true);
      // The next commit goes through on the same connection.
      const open = { ...before, status: 'open' as const, version: 2 };
      await store.commit(
        [fact('x:1', 'conversation.status')],
        [{ kind: 'conversations.put', conversations: [open], expect: { 'x:1': 1 } }],
      );
      expect((await store.conversations.list(query('open'))).total).toBe(1);
      expect(await store.audit.headSeq()).toBe(head + 1);
    });
  },
);

function query(status: 'new' | 'open') {
  return { status, sort: 'newest' as const, limit: 50 };
}
