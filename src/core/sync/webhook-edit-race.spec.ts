import { describe, expect, it } from 'vitest';
import { holdWriteLock } from '../store/test/pg-held';
import { NO_TEST_SERVER, testServerUrl } from '../store/test/pg-test-database';
import { useCleanups } from '../test/inbox-harness';
import {
  commentChange,
  commentOnPage,
  connectPageToBoth,
  openReplicaPair,
} from '../test/replica-pair';

// A comment's "add" reaches one replica and its edit the other, at once: the first read the
// comment before the edit, the second after it, and neither had stored it when it looked. Both
// work the arrival out; the first stores it, the second is refused and finds it stored, with the
// text read before the edit. The edit must not be lost.
const server = testServerUrl();
const cleanup = useCleanups();
const FIRST = 'Is the café open on Sunday?';
const EDITED = 'Is the café open on Sunday morning?';

describe.skipIf(server == null)(
  `A comment added and edited at two replicas at once${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('keeps the edited text, whichever replica stored the comment first', async () => {
      const replicas = await openReplicaPair(server!, cleanup);
      const { a, b, emulator, url } = replicas;
      await connectPageToBoth(replicas);
      const { postId, commentId } = await commentOnPage(emulator, FIRST);

      // A third replica's commit holds the write lock meanwhile: what A and B commit waits.
      const holder = await holdWriteLock(url, cleanup);

      // A reads the comment as first written and waits to store it.
      const atA = a.receiveFacebookWebhook(commentChange('add', commentId, postId, 1_780_000_000));
      await expect.poll(holder.waitingForLocks, { timeout: 5000 }).toBe(1);
      const edit = await fetch(`${emulator.url}/__emulator/facebook/comments/${commentId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: EDITED }),
      });
      expect(edit.ok).toBe(true);
      // B reads it edited, finds it not stored yet, and waits behind A's rows.
      const atB = b.receiveFacebookWebhook(
        commentChange('edited', commentId, postId, 1_780_000_060),
      );
      await expect.poll(holder.waitingForLocks, { timeout: 5000 }).toBe(2);
      await holder.release();
      await Promise.all([atA, atB]);

      const id = `facebook:${commentId}`;
      for (const service of [a, b]) {
        const detail = await service.getConversation({ id });
        expect(detail.posts.map((p) => [p.id, p.text])).toEqual([[id, EDITED]]);
        expect(detail.conversation.excerpt).toContain('Sunday morning');
        expect(detail.actions.map((x) => x.action)).toEqual(['post.arrived']);
      }
      expect(await a.verifyAudit()).toMatchObject({ intact: true });
    });
  },
);
