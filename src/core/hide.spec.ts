import { describe, expect, it } from 'vitest';
import type { InboxEvent } from '../shared';
import { inboxOnEmulator, useCleanups } from './test/inbox-harness';
import { PAGE, smallScenario } from './test/scenario';

const cleanup = useCleanups();

async function setUp() {
  const base = smallScenario();
  // One comment already hidden on the Page, as a moderator left it.
  const comments = base.facebook.comments.map((c) =>
    c.id === '5001_9003' ? { ...c, is_hidden: true } : c,
  );
  return inboxOnEmulator(cleanup, {
    scenario: { ...base, facebook: { ...base.facebook, comments } },
    // Dates near now: a comment takes a private reply within 7 days.
    emulator: { shiftToNow: true },
  });
}

async function isHiddenOnFacebook(graphBaseUrl: string, commentId: string) {
  const response = await fetch(`${graphBaseUrl}/v21.0/${commentId}?fields=is_hidden`, {
    headers: { authorization: `Bearer ${PAGE.token}` },
  });
  return ((await response.json()) as { is_hidden: boolean }).is_hidden;
}

describe('hiding a Facebook comment', () => {
  it('hides it on the Page, records it on the post, and shows it again', async () => {
    const { emulator, service } = await setUp();
    const events: InboxEvent[] = [];
    service.onEvent((e) => events.push(e));

    const hidden = await service.hidePost({ postId: 'facebook:5001_9004' });
    expect(hidden).toMatchObject({ id: 'facebook:5001_9004', hidden: true });
    expect(await isHiddenOnFacebook(emulator.graphBaseUrl, '5001_9004')).toBe(true);
    const detail = await service.getConversation({ id: hidden.conversationId });
    expect(detail.posts.find((p) => p.id === hidden.id)?.hidden).toBe(true);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'conversation.changed',
        conversation: expect.objectContaining({ id: hidden.conversationId }),
      }),
    );

    await service.hidePost({ postId: 'facebook:5001_9004', hidden: false });
    expect(await isHiddenOnFacebook(emulator.graphBaseUrl, '5001_9004')).toBe(false);
    expect(emulator.writes().map((w) => [w.action, w.id])).toEqual([
      ['hide', '5001_9004'],
      ['unhide', '5001_9004'],
    ]);
  });

  it('reads the hidden flag Facebook serves', async () => {
    const { service } = await setUp();
    // Klaus's thread: his comment, the Page's answer, and his hidden follow-up.
    const { posts } = await service.getConversation({ id: 'facebook:5001_9001' });
    expect(posts.find((p) => p.id === 'facebook:5001_9003')?.hidden).toBe(true);
    expect(posts.find((p) => p.id === 'facebook:5001_9001')?.hidden).toBe(false);
  });

  it('refuses what cannot be hidden, and asks nothing of the platform', async () => {
    const { emulator, service } = await setUp();
    const { items } = await service.listConversations({ platform: 'x' });
    await expect(service.hidePost({ postId: items[0]!.rootPostId })).rejects.toMatchObject({
      code: 'bad_request',
    });
    // The Page's own reply, made with Hootsuite.
    await expect(service.hidePost({ postId: 'facebook:5001_9002' })).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(service.hidePost({ postId: 'facebook:404' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(emulator.writes()).toEqual([]);
  });
});

describe('spam on Facebook', () => {
  it('hides the customer’s comments on the Page with the spam status, and shows them again after', async () => {
    const { emulator, service } = await setUp();
    const { conversation } = await service.getConversation({ id: 'facebook:5001_9004' });
    const spam = await service.updateConversation({
      id: conversation.id,
      version: conversation.version,
      status: 'spam',
      hideOnPlatform: true,
    });
    expect(spam.status).toBe('spam');
    expect(await isHiddenOnFacebook(emulator.graphBaseUrl, '5001_9004')).toBe(true);
    const detail = await service.getConversation({ id: conversation.id });
    expect(detail.posts.filter((p) => p.direction === 'inbound').every((p) => p.hidden)).toBe(true);

    await service.updateConversation({
      id: conversation.id,
      version: detail.conversation.version,
      status: 'open',
      hideOnPlatform: true,
    });
    expect(await isHiddenOnFacebook(emulator.graphBaseUrl, '5001_9004')).toBe(false);
  });

  it('changes the status alone without the flag, and on X there is nothing to hide', async () => {
    const { emulator, service } = await setUp();
    const { conversation } = await service.getConversation({ id: 'facebook:5001_9004' });
    await service.updateConversation({
      id: conversation.id,
      version: conversation.version,
      status: 'spam',
    });
    expect(await isHiddenOnFacebook(emulator.graphBaseUrl, '5001_9004')).toBe(false);
    const [x] = (await service.listConversations({ platform: 'x' })).items;
    const updated = await service.updateConversation({
      id: x!.id,
      version: x!.version,
      status: 'spam',
      hideOnPlatform: true,
    });
    expect(updated.status).toBe('spam');
    expect(emulator.writes()).toEqual([]);
  });
});

describe('private replies on Facebook', () => {
  it('says a comment can be answered privately once, then no more', async () => {
    const { service } = await setUp();
    const id = 'facebook:5001_9004';
    const before = await service.getConversation({ id });
    const window = before.privateReplies.find((w) => w.postId === id);
    expect(window).toMatchObject({ allowed: true, reason: null });
    await service.sendReply({
      conversationId: id,
      replyTo: id,
      kind: 'private',
      text: 'Bonjour, en privé',
    });
    await service.replies().idle();
    const after = await service.getConversation({ id });
    expect(after.privateReplies.find((w) => w.postId === id)).toMatchObject({
      allowed: false,
      reason: 'already-sent',
    });
  });
});
