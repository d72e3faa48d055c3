import { describe, expect, it } from 'vitest';
import { PAGE } from '../test/scenario';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';
import { auditEntries } from '../test/data-folder';

const cleanup = useCleanups();
const setUp = () => inboxOnEmulator(cleanup);

const statement =
  'About the oat milk mix-up: every affected customer gets a refund, in every shop, from today.';

describe('one public statement instead of the same reply to each', () => {
  it('posts it on X as a post of the brand, and marks the cluster it answers done and tagged', async () => {
    const { dir, emulator, service, x } = await setUp();
    const { items } = await service.listConversations({ platform: 'x' });
    const ids = items.slice(0, 2).map((c) => c.id);

    const result = await service.postStatement({
      accountId: x.id,
      text: statement,
      conversationIds: ids,
    });
    expect(result).toMatchObject({ platform: 'x', conversations: 2 });
    expect(result.permalink).toBe(`https://x.com/${x.handle}/status/${result.externalId}`);
    const write = emulator.writes().find((w) => w.action === 'tweet' && w.id === result.externalId);
    expect(write).toMatchObject({ text: statement });
    expect(write?.targetId).toBeUndefined();

    for (const id of ids) {
      const { conversation } = await service.getConversation({ id });
      expect(conversation.status).toBe('done');
      expect(conversation.tags).toContain('statement');
    }
    const trail = await auditEntries(dir);
    expect(trail.find((e) => e.action === 'statement.posted')?.details).toMatchObject({
      platform: 'x',
      externalId: result.externalId,
      text: statement,
      conversations: ids,
    });
    expect(
      trail.filter(
        (e) => e.action === 'conversation.status' && ids.includes(e.conversationId ?? ''),
      ),
    ).toHaveLength(2);
  });

  it('posts it on the Facebook Page feed', async () => {
    const { emulator, service, fb } = await setUp();
    const result = await service.postStatement({
      accountId: fb.id,
      text: statement,
      markDone: false,
    });
    expect(result).toMatchObject({ platform: 'facebook', conversations: 0 });
    expect(result.externalId.startsWith(`${PAGE.id}_`)).toBe(true);
    expect(emulator.writes()).toContainEqual(
      expect.objectContaining({ action: 'publish', id: result.externalId, text: statement }),
    );
    // The Page's feed serves it like any of its posts.
    const feed = (await (
      await fetch(`${emulator.graphBaseUrl}/v21.0/${PAGE.id}/feed?fields=id,message`, {
        headers: { authorization: `Bearer ${PAGE.token}` },
      })
    ).json()) as { data: { id: string; message: string }[] };
    expect(feed.data).toContainEqual({ id: result.externalId, message: statement });
  });

  it('refuses what X would refuse, an unknown conversation, and touches nothing then', async () => {
    const { emulator, service, x } = await setUp();
    await expect(
      service.postStatement({ accountId: x.id, text: 'a'.repeat(281) }),
    ).rejects.toMatchObject({ code: 'bad_request', message: expect.stringMatching(/at most 280/) });
    await expect(
      service.postStatement({ accountId: x.id, text: statement, conversationIds: ['x:nope'] }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      service.postStatement({ accountId: 'x:none', text: statement }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(emulator.writes()).toEqual([]);
  });
});
