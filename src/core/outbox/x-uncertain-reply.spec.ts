import { describe, expect, it } from 'vitest';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';
import { readStore } from '../test/store-contents';
import { smallScenario } from '../test/scenario';

const cleanup = useCleanups();
const journalistQuestion = `x:${smallScenario().x!.tweets![4]!.id}`;
const TWEETS = /^\/2\/tweets$/;

async function reply(
  service: Awaited<ReturnType<typeof inboxOnEmulator>>['service'],
  text: string,
) {
  const receipt = await service.sendReply({
    conversationId: journalistQuestion,
    replyTo: journalistQuestion,
    kind: 'public',
    text,
  });
  const item = () =>
    service
      .replies()
      .list()
      .find((i) => i.key === receipt.key);
  await expect.poll(() => item()?.state, { timeout: 10_000 }).toBe('sent');
  await service.replies().idle();
  return { key: receipt.key, item: item()! };
}

describe('an X reply whose answer was lost', () => {
  it('is found by its structure although X serves its text escaped with its link as t.co', async () => {
    const { emulator, service, dir } = await inboxOnEmulator(cleanup, {
      service: { retryBaseMs: 50, requestTimeoutMs: 1000 },
      sync: ['x'],
    });
    const text = 'Dag Jan, koffie & thee <3 > alles: https://example.com/faq?lang=nl&q=fabriek';
    emulator.injectFault({ platform: 'x', kind: 'reset', when: 'after', path: TWEETS });
    const { key, item } = await reply(service, text);

    const writes = emulator.writes().filter((w) => w.action === 'tweet');
    expect(writes).toHaveLength(1);
    expect(item).toMatchObject({ externalId: writes[0]!.id, error: null });
    // Looked for after the lost answer and found: never sent twice, never refused as a duplicate.
    expect(await readStore(dir, (s) => s.outbox.statesOf(key))).toEqual([
      'pending',
      'sending',
      'sent',
    ]);
    const { posts } = await service.getConversation({ id: journalistQuestion });
    expect(posts.filter((p) => p.direction === 'outbound')).toEqual([
      expect.objectContaining({
        text,
        outside: false,
        sentBy: expect.any(String),
        sourceApp: { name: 'Social Inbox', id: null, link: null },
      }),
    ]);
  });

  it('is not mistaken for another reply of the account to the same post', async () => {
    const { emulator, service } = await inboxOnEmulator(cleanup, {
      service: { retryBaseMs: 50, requestTimeoutMs: 1000 },
      sync: ['x'],
    });
    await reply(service, 'Dag Jan, we kijken het na: https://example.com/faq');
    // The second reply's request is lost before X sees it: the first one is there, to the same post,
    // by the same account, just now, with a link in the same place, but other words.
    emulator.injectFault({ platform: 'x', kind: 'reset', when: 'before', path: TWEETS });
    const { item } = await reply(service, 'Dag Jan, we kijken het na: https://example.com/faq-nl');
    const writes = emulator.writes().filter((w) => w.action === 'tweet');
    expect(writes.map((w) => w.text)).toEqual([
      'Dag Jan, we kijken het na: https://example.com/faq',
      'Dag Jan, we kijken het na: https://example.com/faq-nl',
    ]);
    expect(item.externalId).toBe(writes[1]!.id);
  });
});
