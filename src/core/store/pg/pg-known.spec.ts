import { afterEach, describe, expect, it } from 'vitest';
import type { AuditFact, Conversation, InboxError } from '../../../shared';
import { conversation } from '../../test/fixtures';
import { ManualClock, dateOf } from '../../time/clock';
import { KeyTaken, withCommitClaim } from '../commit-claim';
import type { CommitClaim } from '../commit-claim';
import type { StoreChange } from '../port';
import { openReplicas } from '../test/pg-replicas';
import { poolSocketWrites } from '../test/pg-socket-writes';
import { NO_TEST_SERVER, testServerUrl } from '../test/pg-test-database';
import { KnownRows } from './pg-known';
import type { PostgresStore } from './postgres-store';

const server = testServerUrl();
const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('The rows a process saw last', () => {
  it('finds the latest of a listed page and a row read or committed, and lets the oldest go', () => {
    const known = new KnownRows({ pages: 2, rows: 2 });
    known.keepPage([
      ['one', 1, 'x:1'],
      ['two', 2, 'x:2'],
    ]);
    expect(known.find('x:2')).toEqual({ rowid: 2, body: 'two' });
    // A row committed since the page was listed is newer than it, and a page listed since newer.
    known.set('x:1', { rowid: 1, body: 'one, committed' });
    expect(known.find('x:1')).toEqual({ rowid: 1, body: 'one, committed' });
    known.keepPage([['one, listed', 1, 'x:1']]);
    expect(known.find('x:1')).toEqual({ rowid: 1, body: 'one, listed' });
    // Past two pages the oldest goes: x:2 was only in it.
    known.keepPage([['three', 3, 'x:3']]);
    expect(known.find('x:2')).toBeUndefined();
    expect(known.find('x:3')).toEqual({ rowid: 3, body: 'three' });
    // Past two rows the one seen longest ago goes; a row seen again is the latest.
    known.set('x:4', { rowid: 4, body: 'four' });
    known.set('x:5', { rowid: 5, body: 'five' });
    known.set('x:4', { rowid: 4, body: 'four, again' });
    known.set('x:6', { rowid: 6, body: 'six' });
    expect(known.find('x:5')).toBeUndefined();
    expect(known.find('x:4')).toEqual({ rowid: 4, body: 'four, again' });
    expect(known.find('x:6')).toEqual({ rowid: 6, body: 'six' });
    expect(known.find('x:7')).toBeUndefined();
  });
});

const triage = (id: string): AuditFact => ({
  actor: 'agent:1',
  client: 'test',
  action: 'conversation.status',
  conversationId: id,
  details: {},
});

/** A triage change of one conversation, made for `version`, moving it to the next one. */
const change = (
  id: string,
  version: number,
  edit: Partial<Conversation>,
): Extract<StoreChange, { kind: 'conversations.change' }> => ({
  kind: 'conversations.change',
  id,
  version,
  change: (current) => ({ ...current, ...edit, version: current.version + 1 }),
});

const newest = { sort: 'newest' as const, limit: 50 };

/** Stores x:1 through `store` and lists it there: the conversation is then known to it. */
async function listed(store: PostgresStore): Promise<void> {
  await store.commit(
    [],
    [{ kind: 'conversations.put', conversations: [conversation({ id: 'x:1' })] }],
  );
  await store.conversations.listJson(newest);
}

async function totals(store: PostgresStore) {
  const of = async (status: 'new' | 'open') =>
    (await store.conversations.list({ ...newest, status })).total;
  return {
    new: await of('new'),
    open: await of('open'),
    tags: await store.conversations.tagCounts(),
  };
}

describe.skipIf(server == null)(
  `Changes made from the rows a replica saw last${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('commit in one write to the server when made from a listed row, in two when the row is read first', async () => {
      const [a] = await openReplicas(server!, clock, cleanups);
      await listed(a);
      // Stored after the list: this process has not seen it since.
      await a.commit(
        [],
        [{ kind: 'conversations.put', conversations: [conversation({ id: 'x:2' })] }],
      );
      const writes = poolSocketWrites(a.writer);

      await a.commit([triage('x:1')], [change('x:1', 1, { status: 'open' })]);
      expect(writes()).toBe(1);
      await a.commit([triage('x:2')], [change('x:2', 1, { status: 'open' })]);
      expect(writes()).toBe(3);
      // What a commit wrote is known as it committed it: the next change goes in one write too.
      await a.commit([triage('x:1')], [change('x:1', 2, { tags: ['vip'] })]);
      expect(writes()).toBe(4);

      expect(await a.conversations.get('x:1')).toMatchObject({
        status: 'open',
        tags: ['vip'],
        version: 3,
      });
      expect(await a.conversations.get('x:2')).toMatchObject({ status: 'open', version: 2 });
      expect(await totals(a)).toEqual({ new: 0, open: 2, tags: new Map([['vip', 1]]) });
      expect((await a.audit.verify(dateOf(clock))).intact).toBe(true);
      expect(await a.audit.headSeq()).toBe(3);
    });

    it('make the change again from the row as it is when another replica changed it since it was listed', async () => {
      const [a, b] = await openReplicas(server!, clock, cleanups);
      await listed(a);
      // B writes the row without moving its version: what A listed is no longer the row.
      const [stored] = await b.conversations.getMany(['x:1']);
      await b.commit(
        [],
        [{ kind: 'conversations.put', conversations: [{ ...stored!, tags: ['vip'] }] }],
      );

      await a.commit([triage('x:1')], [change('x:1', 1, { status: 'open' })]);
      expect(await b.conversations.get('x:1')).toMatchObject({
        status: 'open',
        tags: ['vip'],
        version: 2,
      });
      expect(await totals(b)).toEqual({ new: 0, open: 1, tags: new Map([['vip', 1]]) });
      expect(await b.audit.headSeq()).toBe(1);

      // What the second try committed is known to A: its next change goes in one write.
      const writes = poolSocketWrites(a.writer);
      await a.commit([triage('x:1')], [change('x:1', 2, { status: 'pending' })]);
      expect(writes()).toBe(1);
      expect(await b.conversations.get('x:1')).toMatchObject({
        status: 'pending',
        tags: ['vip'],
        version: 3,
      });
    });

    it('refuse a change made for a version another replica moved on from since it was listed', async () => {
      const [a, b] = await openReplicas(server!, clock, cleanups);
      await listed(a);
      await b.commit([triage('x:1')], [change('x:1', 1, { status: 'pending' })]);

      const refused = await a
        .commit([triage('x:1')], [change('x:1', 1, { status: 'open' })])
        .catch((err: unknown) => err as InboxError);
      expect(refused).toMatchObject({ code: 'conflict' });
      expect((refused as InboxError).details).toMatchObject({
        current: { status: 'pending', version: 2 },
      });
      expect(await a.conversations.get('x:1')).toMatchObject({ status: 'pending', version: 2 });
      expect(await a.audit.headSeq()).toBe(1);
    });

    it("refuse a change made from a listed row when another replica holds the call's key", async () => {
      const [a, b] = await openReplicas(server!, clock, cleanups);
      await listed(a);
      const record = {
        at: clock.now(),
        agent: 'agent:1',
        key: 'key-1',
        method: 'update',
        fingerprint: 'f1',
        state: 'in-doubt' as const,
        answer: null,
      };
      const claimOf = (): CommitClaim => ({
        record,
        since: record.at - 1000,
        outcome: { state: 'pending' },
      });
      expect(await b.keys.claim(record, record.at - 1000)).toBeNull();

      const claim = claimOf();
      await expect(
        withCommitClaim(claim, () =>
          a.commit([triage('x:1')], [change('x:1', 1, { status: 'open' })]),
        ),
      ).rejects.toBeInstanceOf(KeyTaken);
      expect(claim.outcome).toEqual({ state: 'taken', record });
      expect(await a.conversations.get('x:1')).toMatchObject({ status: 'new', version: 1 });
      expect(await a.audit.headSeq()).toBe(0);
    });
  },
);
