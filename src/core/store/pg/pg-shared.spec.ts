import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/clock';
import { NO_TEST_SERVER, testServerUrl } from '../test/pg-test-database';
import type { KeyRecord } from '../port';
import { openReplicas } from '../test/pg-replicas';
import { withCommitClaim } from '../commit-claim';
import type { CommitClaim } from '../commit-claim';

const server = testServerUrl();
const clock = new ManualClock(Date.UTC(2026, 10, 20, 9));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Two replicas' stores on one fresh database. */
const replicas = () => openReplicas(server!, clock, cleanups);

/** A commit that adds one name to a list in the document, as a settings change does. */
const adding = (name: string) => (current: { text: string }) => {
  const doc = JSON.parse(current.text) as { names?: string[] };
  return JSON.stringify({ ...doc, names: [...(doc.names ?? []), name] });
};

describe.skipIf(server == null)(
  `What replicas share on PostgreSQL${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('keeps the first document given, once, and loses no change made by two replicas at once', async () => {
      const [a, b] = await replicas();
      expect(await a.sharedSettings.read()).toBeNull();
      const first = await a.sharedSettings.seed('{"names":[]}');
      expect(first).toEqual({ version: 1, text: '{"names":[]}' });
      expect(await b.sharedSettings.seed('{"names":["other"]}')).toEqual(first);

      const told: string[] = [];
      b.sharedSettings.onChange(() => told.push('b'));
      await b.events.ready();
      told.length = 0;
      const names = Array.from({ length: 20 }, (_, i) => `n${i}`);
      const results = await Promise.all(
        names.map((name, i) => (i % 2 ? a : b).sharedSettings.commit([], [], adding(name))),
      );
      const doc = (await a.sharedSettings.read())!;
      expect(doc.version).toBe(21);
      expect((JSON.parse(doc.text) as { names: string[] }).names.sort()).toEqual(names.sort());
      // Each commit answers the version it made, one each.
      expect(results.map((r) => r.settings.version).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 2),
      );
      // Every change is told to the other replica (several may be told as one read).
      await expect.poll(() => told.length).toBeGreaterThan(0);
    });

    it('rolls the document back with a commit that fails', async () => {
      const [a] = await replicas();
      await a.sharedSettings.seed('{"names":[]}');
      await expect(
        a.sharedSettings.commit([], [{ kind: 'cursors.set', accountId: 'x', cursors: {} }], () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await a.sharedSettings.read()).toEqual({ version: 1, text: '{"names":[]}' });
    });

    it('counts attempts of one key across replicas, in windows', async () => {
      const [a, b] = await replicas();
      const now = clock.now();
      expect(await a.attempts.count('ip', now, 60_000)).toEqual({ current: 1, ttlMs: 60_000 });
      expect(await b.attempts.count('ip', now + 1000, 60_000)).toEqual({
        current: 2,
        ttlMs: 59_000,
      });
      expect((await a.attempts.count('other', now, 60_000)).current).toBe(1);
      expect(await b.attempts.count('ip', now + 60_000, 60_000)).toEqual({
        current: 1,
        ttlMs: 60_000,
      });
    });

    it('gives work to one replica, again only when it failed or its replica died', async () => {
      const [a, b] = await replicas();
      const now = clock.now();
      const taken = await Promise.all([a.once.take('d1', now), b.once.take('d1', now)]);
      expect(taken.sort()).toEqual([false, true]);
      await a.once.release('d1');
      expect(await b.once.take('d1', now)).toBe(true);
      await b.once.done('d1');
      expect(await a.once.take('d1', now + 3_600_000)).toBe(false);
      // Taken and never done (its replica died): free again after a minute.
      expect(await a.once.take('d2', now)).toBe(true);
      expect(await b.once.take('d2', now + 30_000)).toBe(false);
      expect(await b.once.take('d2', now + 61_000)).toBe(true);
    });

    it('lists every replica’s presence until it runs out, and drops a closing replica’s', async () => {
      const [a, b] = await replicas();
      const now = clock.now();
      await a.presence.put('agent:1', '{"at":"1"}', now + 1000);
      await b.presence.put('agent:2', '{"at":"2"}', now + 5000);
      expect((await b.presence.live(now)).map((p) => p.agentId)).toEqual(['agent:1', 'agent:2']);
      expect((await b.presence.live(now + 1000)).map((p) => p.agentId)).toEqual(['agent:2']);
      await b.presence.put('agent:2', null, 0);
      expect(await a.presence.live(now)).toHaveLength(1);
      await a.close();
      expect(await b.presence.live(now)).toEqual([]);
    });

    it('lets one replica claim an Idempotency-Key; the other reads its record', async () => {
      const [a, b] = await replicas();
      const record: KeyRecord = {
        at: clock.now(),
        agent: 'agent:1',
        key: 'key-0001',
        method: 'saveRule',
        fingerprint: 'f1',
        state: 'in-doubt',
        answer: null,
      };
      const claims = await Promise.all([
        a.keys.claim(record, record.at - 1000),
        b.keys.claim(record, record.at - 1000),
      ]);
      expect(claims.filter((c) => c === null)).toHaveLength(1);
      expect(claims.find((c) => c !== null)).toMatchObject({ key: 'key-0001', state: 'in-doubt' });
      a.keys.write({ ...record, state: 'answered', answer: '{"ok":true,"result":1}' });
      await a.durable();
      expect(await b.keys.read('agent:1', 'key-0001')).toMatchObject({ state: 'answered' });
      // A record older than the day kept is taken over.
      expect(await b.keys.claim({ ...record, at: record.at + 2000 }, record.at + 1000)).toBeNull();
    });

    it("claims a call's key in its first commit, with its change, or refuses the commit when another replica holds the key", async () => {
      const [a, b] = await replicas();
      const record: KeyRecord = {
        at: clock.now(),
        agent: 'agent:1',
        key: 'key-in-commit',
        method: 'addNote',
        fingerprint: 'f1',
        state: 'in-doubt',
        answer: null,
      };
      const note = (id: string) => ({
        kind: 'notes.add' as const,
        note: {
          id,
          conversationId: 'x:1',
          author: 'agent:1',
          text: id,
          mentions: [],
          createdAt: '2026-11-20T09:00:00.000Z',
        },
      });
      const claimOf = (): CommitClaim => ({
        record,
        since: record.at - 1000,
        outcome: { state: 'pending' },
      });

      // A commit that fails leaves the key unclaimed.
      const failed = claimOf();
      await expect(
        withCommitClaim(failed, () =>
          a.commit(() => {
            throw new Error('refused');
          }, [note('note:0')]),
        ),
      ).rejects.toThrow('refused');
      expect(failed.outcome).toEqual({ state: 'pending' });
      expect(await a.keys.read('agent:1', 'key-in-commit')).toBeNull();

      const first = claimOf();
      await withCommitClaim(first, async () => {
        await a.commit([], [note('note:1')]);
        // The call's later commits do not claim it again.
        await a.commit([], [note('note:2')]);
      });
      expect(first.outcome).toEqual({ state: 'claimed' });
      expect(await b.keys.read('agent:1', 'key-in-commit')).toEqual(record);

      const second = claimOf();
      await expect(withCommitClaim(second, () => b.commit([], [note('note:3')]))).rejects.toThrow();
      expect(second.outcome).toEqual({ state: 'taken', record });
      expect((await b.notes.ofConversation('x:1')).map((n) => n.id)).toEqual(['note:1', 'note:2']);
    });
  },
);
