import { describe, expect, it } from 'vitest';
import type { InboxEvent } from '../../shared';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';

const cleanup = useCleanups();

describe('replies the platform refused', () => {
  it('are shown with the reason, retried as they were, or discarded', async () => {
    const { service } = await inboxOnEmulator(cleanup, { sync: ['x'] });
    const [a, b] = (await service.listConversations({ platform: 'x' })).items;
    const events: InboxEvent[] = [];
    service.onEvent((e) => events.push(e));

    // X refuses a tweet whose text repeats an earlier one of the account.
    const text = 'Thanks for telling us, we are looking into it right now.';
    await service.sendReply({ conversationId: a!.id, replyTo: a!.rootPostId, text });
    await service.replies().idle();
    await service.sendReply({ conversationId: b!.id, replyTo: b!.rootPostId, text });
    await service.replies().idle();

    const detail = await service.getConversation({ id: b!.id });
    expect(detail.unsent).toHaveLength(1);
    const [refused] = detail.unsent;
    expect(refused).toMatchObject({ state: 'failed', text, kind: 'public' });
    expect(refused?.error).toMatch(/duplicate/i);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'reply.changed', conversationId: b!.id, state: 'failed' }),
    );

    // Retried as it was, X refuses it again; then it is given up.
    await service.retryReply({ key: refused!.key });
    await service.replies().idle();
    expect((await service.getConversation({ id: b!.id })).unsent).toHaveLength(1);
    expect(await service.discardReply({ key: refused!.key })).toMatchObject({ state: 'discarded' });
    expect((await service.getConversation({ id: b!.id })).unsent).toEqual([]);
    await expect(service.retryReply({ key: refused!.key })).rejects.toMatchObject({
      code: 'conflict',
    });
    const { actions } = await service.getConversation({ id: b!.id });
    expect(actions.map((e) => e.action)).toEqual(
      expect.arrayContaining(['reply.failed', 'reply.retried', 'reply.discarded']),
    );
  });
});
