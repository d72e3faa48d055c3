import { describe, expect, it } from 'vitest';
import { InboxError } from '../../shared';
import type { Conversation } from '../../shared';
import { MemorySecretStore } from '../secrets/secret-store';
import { InboxService } from '../service';
import { CONCURRENT_CHANGES, PostgresStore } from '../store/pg/postgres-store';
import { holdInTransaction, holdWriteLock } from '../store/test/pg-held';
import { NO_TEST_SERVER, createTestDatabase, testServerUrl } from '../store/test/pg-test-database';
import { conversation, tempDir } from '../test/fixtures';
import { useCleanups } from '../test/inbox-harness';
import { ManualClock } from '../time/clock';

// Triage on PostgreSQL: the changes of different conversations run at once in one inbox (each
// reads its conversation and writes its rows while the others' commits wait for the write lock),
// those of one conversation in turn, and a change made on a version that another replica moved
// meanwhile answers `conflict`.
const server = testServerUrl();
const cleanup = useCleanups();
const clock = new ManualClock('2026-11-20T12:00:00Z');
const ids = Array.from({ length: CONCURRENT_CHANGES + 2 }, (_, i) => `x:${100 + i}`);

async function database(): Promise<string> {
  const db = await createTestDatabase(server!);
  cleanup(db.drop);
  const store = await PostgresStore.open({ url: db.url, clock, poolSize: 2 });
  try {
    await store.commit(
      [],
      [{ kind: 'conversations.put', conversations: ids.map((id) => conversation({ id })) }],
    );
  } finally {
    await store.close();
  }
  return db.url;
}

async function inbox(url: string): Promise<{ service: InboxService; store: PostgresStore }> {
  const { dir, cleanup: remove } = await tempDir();
  cleanup(remove);
  const store = await PostgresStore.open({ url, clock, poolSize: 2 });
  const service = await InboxService.open({
    dataDir: dir,
    secrets: new MemorySecretStore(),
    clock,
    store,
  });
  cleanup(() => service.close());
  return { service, store };
}

const holdLock = (url: string) => holdWriteLock(url, cleanup);
const holdRow = (url: string, id: string) =>
  holdInTransaction(url, 'SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [id], cleanup);

/** Lets the inbox go on for a while: what waits then still waits. */
const aWhile = () => new Promise((resolve) => setTimeout(resolve, 300));

describe.skipIf(server == null)(
  `Triage changes at once on PostgreSQL${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('runs the changes of different conversations at once, as many as the store allows', async () => {
      const url = await database();
      const { service, store } = await inbox(url);
      const lock = await holdLock(url);
      const started = performance.now();
      const changes = ids.map((id) =>
        service.updateConversation({ id, version: 1, status: 'open' }),
      );
      // The bound's worth of changes read their conversation, wrote its rows and wait for the
      // write lock on the server, all of them (one at a time, the second would not start before
      // the first's commit answered); the changes past the bound wait for one of them.
      await expect.poll(() => store.commitsUnderWay, { timeout: 5000 }).toBe(CONCURRENT_CHANGES);
      await expect.poll(lock.waitingForWriteLock, { timeout: 5000 }).toBe(CONCURRENT_CHANGES);
      await aWhile();
      expect(store.commitsUnderWay).toBe(CONCURRENT_CHANGES);
      expect(await lock.waitingForWriteLock()).toBe(CONCURRENT_CHANGES);
      await lock.release();
      const done = await Promise.all(changes);
      expect(done.map((c) => [c.id, c.status, c.version])).toEqual(
        ids.map((id) => [id, 'open', 2]),
      );
      expect(performance.now() - started).toBeLessThan(10_000);
      const stored = await service.listConversations({ sort: 'newest', limit: 50 });
      expect(stored.items.every((c) => c.status === 'open' && c.version === 2)).toBe(true);
      expect(await service.verifyAudit()).toMatchObject({ intact: true, entries: ids.length });
    });

    it('keeps the changes of one conversation in the order they were asked for', async () => {
      const url = await database();
      const { service, store } = await inbox(url);
      const lock = await holdLock(url);
      const [a, b] = ids as [string, string];
      // The second change of `a` is made on the version the first leaves: it can only apply after it.
      const first = service.updateConversation({ id: a, version: 1, status: 'open' });
      const second = service.updateConversation({ id: a, version: 2, status: 'pending' });
      // Its refusal is taken at once, whenever it comes.
      const stale = service
        .updateConversation({ id: a, version: 1, status: 'spam' })
        .catch((err: unknown) => err);
      const other = service.updateConversation({ id: b, version: 1, status: 'done' });
      // `a`'s first change and `b`'s asked for their commits; `a`'s next ones wait for `a`'s first.
      await expect.poll(() => store.commitsUnderWay, { timeout: 5000 }).toBe(2);
      await aWhile();
      expect(store.commitsUnderWay).toBe(2);
      await lock.release();
      expect((await first).status).toBe('open');
      expect(await second).toMatchObject({ status: 'pending', version: 3 });
      const refused = await stale;
      expect(refused).toBeInstanceOf(InboxError);
      expect((refused as InboxError).code).toBe('conflict');
      expect((await other).status).toBe('done');
      const detail = await service.getConversation({ id: a });
      expect(detail.conversation).toMatchObject({ status: 'pending', version: 3 });
      expect(
        detail.actions
          .filter((e) => e.action === 'conversation.status')
          .map((e) => (e.details as { to?: string }).to),
      ).toEqual(['open', 'pending']);
    });

    it('goes on with the changes of other conversations while one waits for its row', async () => {
      const url = await database();
      const { service } = await inbox(url);
      const [held, other] = ids as [string, string];
      // Another replica's commit holds one conversation's row: this change waits for it, and
      // the write lock is not taken until it has it, so the change of another conversation goes
      // through meanwhile.
      const row = await holdRow(url, held);
      const waits = service.updateConversation({ id: held, version: 1, status: 'open' });
      await expect.poll(row.waitingForLocks, { timeout: 5000 }).toBe(1);
      expect(
        await service.updateConversation({ id: other, version: 1, status: 'done' }),
      ).toMatchObject({ status: 'done', version: 2 });
      expect(await row.waitingForLocks()).toBe(1);
      await row.release();
      expect(await waits).toMatchObject({ status: 'open', version: 2 });
      expect(await service.verifyAudit()).toMatchObject({ intact: true, entries: 2 });
    });

    it('answers conflict to the change of two replicas made second on one version, and keeps the first', async () => {
      const url = await database();
      const [a, b] = [(await inbox(url)).service, (await inbox(url)).service];
      const lock = await holdLock(url);
      const id = ids[0]!;
      // Their outcomes are taken at once: the refused one may be refused before the lock's
      // release has answered the test.
      const outcomes = Promise.allSettled([
        a.updateConversation({ id, version: 1, status: 'open' }),
        b.updateConversation({ id, version: 1, status: 'spam' }),
      ]);
      // Both read version 1: one commit locked the row and waits for the write lock, the other
      // waits for the row, and finds it moved once the first has committed.
      await expect.poll(lock.waitingForWriteLock, { timeout: 5000 }).toBe(1);
      await expect.poll(lock.waitingForLocks, { timeout: 5000 }).toBe(2);
      await lock.release();
      const settled = await outcomes;
      const applied = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      const refused = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
      expect(applied).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(InboxError);
      expect((refused[0] as InboxError).code).toBe('conflict');
      const winner = applied[0]!;
      expect(((refused[0] as InboxError).details as { current: Conversation }).current).toEqual(
        winner,
      );
      const detail = await a.getConversation({ id });
      expect(detail.conversation).toEqual(winner);
      expect(detail.actions.filter((e) => e.action === 'conversation.status')).toHaveLength(1);
      expect(await b.verifyAudit()).toMatchObject({ intact: true, entries: 1 });
    });
  },
);
