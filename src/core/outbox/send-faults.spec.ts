import { describe, expect, it } from 'vitest';
import type { Fault } from '../../emulator/faults';
import type { JournalEntry } from '../../emulator/journal';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';
import { readStore } from '../test/store-contents';
import { PAGE, smallScenario } from '../test/scenario';
import type { OutboxItem } from './outbox-item';

const cleanup = useCleanups();
const scenario = smallScenario();
const TIMEOUT_MS = 1000;

/** Each platform's conversation answered, and how its replies reach the platform. */
const TARGETS = {
  x: {
    conversation: `x:${scenario.x.tweets[4]!.id}`, // the journalist's question
    public: { path: /^\/2\/tweets$/, action: 'tweet' },
    private: { path: '/messages', action: 'direct_message' },
  },
  facebook: {
    conversation: 'facebook:5001_9004', // Giulia's comment on the Page's post
    public: { path: '/5001_9004/comments', action: 'comment' },
    private: { path: `/${PAGE.id}/messages`, action: 'private_reply' },
  },
} as const;

/** The states an outbox item went through, as the store recorded them. */
async function statesOnDisk(dir: string, key: string): Promise<OutboxItem['state'][]> {
  return (await readStore(dir, (store) => store.outbox.statesOf(key))) ?? [];
}

describe.each(['x', 'facebook'] as const)('replies on %s while the POST fails', (platform) => {
  const target = TARGETS[platform];

  it.each([
    ['reset', 'before'],
    ['timeout', 'before'],
    ['reset', 'after'],
    ['timeout', 'after'],
  ] as const)(
    'a %s %s the platform handled it: each reply ends sent and is on the platform once',
    async (kind, when) => {
      const { emulator, service, dir } = await inboxOnEmulator(cleanup, {
        service: { retryBaseMs: 50, requestTimeoutMs: TIMEOUT_MS },
      });
      const { rootPostId } = (await service.getConversation({ id: target.conversation }))
        .conversation;

      for (const replyKind of ['public', 'private'] as const) {
        const how = target[replyKind];
        const text = `${replyKind} answer through a ${kind} ${when} (${platform})`;
        const fault: Fault = { platform: platform === 'x' ? 'x' : 'graph', kind, when };
        emulator.injectFault({ ...fault, path: how.path });
        const started = performance.now();
        const receipt = await service.sendReply({
          conversationId: target.conversation,
          replyTo: rootPostId,
          kind: replyKind,
          text,
        });
        const item = () =>
          service
            .replies()
            .list()
            .find((i) => i.key === receipt.key);
        await expect.poll(() => item()?.state, { timeout: 10_000 }).toBe('sent');
        await service.replies().idle(); // filed in its conversation
        if (kind === 'timeout') expect(performance.now() - started).toBeGreaterThan(TIMEOUT_MS);

        const writes = emulator.writes().filter((w: JournalEntry) => w.text === text);
        expect(writes).toEqual([expect.objectContaining({ action: how.action })]);
        const states = await statesOnDisk(dir, receipt.key);
        if (when === 'before') {
          // Nothing reached the platform: looked for, not found, sent again.
          expect(states).toEqual(['pending', 'sending', 'sending', 'sent']);
        } else {
          // The platform made it: the retry finds it instead of sending it twice.
          expect(states).toEqual(['pending', 'sending', 'sent']);
        }
        const sent = item()!;
        const externalId =
          platform === 'facebook' && replyKind === 'private' && when === 'after'
            ? `private-reply:5001_9004` // how Graph tells a comment was answered privately
            : writes[0]!.id;
        expect(sent).toMatchObject({ state: 'sent', error: null, externalId });
      }

      const { posts } = await service.getConversation({ id: target.conversation });
      const outbound = posts.filter((p) => p.direction === 'outbound' && p.sentBy !== null);
      expect(outbound.map((p) => (p.private ? 'private' : 'public')).sort()).toEqual([
        'private',
        'public',
      ]);
      expect(emulator.writes()).toHaveLength(2);
    },
  );
});
