import { afterEach, describe, expect, it } from 'vitest';
import { InboxError } from '../../../shared';
import { arrivalFact } from '../../audit/audit-facts';
import { stageIngest } from '../../ingest';
import { draft } from '../../test/fixtures';
import { ManualClock, dateOf } from '../../time/clock';
import { NO_TEST_SERVER, testServerUrl } from '../test/pg-test-database';
import { openReplicas } from '../test/pg-replicas';

const server = testServerUrl();
const clock = new ManualClock(Date.UTC(2026, 10, 20, 12));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe.skipIf(server == null)(
  `One post arriving at two replicas at once${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('is stored with its arrival once: the replica that found it new after the other stored it is refused, and finds nothing new again', async () => {
      const [a, b] = await openReplicas(server!, clock, cleanups);
      const comment = draft({ externalId: '9001_42', platform: 'facebook' });
      // Both work the arrival out before either commits (a webhook at one, polling at the other).
      const [atA, atB] = await Promise.all([
        stageIngest(a, [comment], dateOf(clock)),
        stageIngest(b, [comment], dateOf(clock)),
      ]);
      for (const staged of [atA, atB]) expect(staged.fresh.map((p) => p.id)).toEqual([comment.id]);
      await a.commit(atA.fresh.map(arrivalFact), atA.changes);
      const refused = await b.commit(atB.fresh.map(arrivalFact), atB.changes).then(
        () => null,
        (err: unknown) => err,
      );
      expect(refused).toBeInstanceOf(InboxError);
      expect((refused as InboxError).code).toBe('conflict');
      // Worked out again from the store as it now is: nothing new, nothing to record.
      const again = await stageIngest(b, [comment], dateOf(clock));
      expect(again.fresh).toEqual([]);
      expect(again.changed).toEqual([]);

      const conversation = await b.conversations.get(comment.id);
      expect(conversation).toMatchObject({ version: 1, postCount: 1 });
      expect((await b.posts.ofConversation(comment.id)).map((p) => p.id)).toEqual([comment.id]);
      const { rows } = await b.pool.query<{ canonical: string }>(
        'SELECT canonical FROM audit WHERE conversation_id = $1',
        [comment.id],
      );
      expect(rows.map((r) => (JSON.parse(r.canonical) as { action: string }).action)).toEqual([
        'post.arrived',
      ]);
      expect((await b.audit.verify(dateOf(clock))).intact).toBe(true);
    });
  },
);
