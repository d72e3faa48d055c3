import { afterEach, describe, expect, it } from 'vitest';
import { InboxError } from '../shared';
import type { CallContext } from '../shared';
import { parseScenario } from '../emulator/scenario';
import { startEmulator } from '../emulator/server';
import { InboxService } from './service';
import { tempDir } from './test/fixtures';
import { connectAll, smallScenario } from './test/scenario';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** A synced inbox on the emulator, X conversations to answer, and two agents. */
async function setUp() {
  const emulator = await startEmulator({ scenario: parseScenario(smallScenario(6)), port: 0 });
  cleanups.push(() => emulator.close());
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  const service = await InboxService.open({
    dataDir: dir,
    xBaseUrl: emulator.xBaseUrl,
    graphBaseUrl: emulator.graphBaseUrl,
  });
  cleanups.push(() => service.close());
  const { x } = await connectAll(service);
  await service.syncAccountOnce(x.id);
  const as = async (name: string): Promise<CallContext> => ({
    agent: (await service.createAgent({ name })).agent,
    client: 'browser',
  });
  const { items } = await service.listConversations({ platform: 'x', status: 'new' });
  return { emulator, service, items, jan: await as('Jan'), lucia: await as('Lucía') };
}

const reply = (c: { id: string; rootPostId: string }, text: string, extra: object = {}) => ({
  conversationId: c.id,
  replyTo: c.rootPostId,
  text,
  ...extra,
});

describe('replying', () => {
  it('claims the conversation for the agent who answers', async () => {
    const { service, items, jan } = await setUp();
    await service.sendReply(reply(items[0]!, 'Merci, on regarde ça.'), jan);
    const [claimed] = (await service.listConversations({ q: items[0]!.excerpt.slice(0, 20) }))
      .items;
    expect(claimed).toMatchObject({ assignee: jan.agent.id, status: 'open' });
  });

  it('needs an explicit take-over on a conversation someone else handles, and records it', async () => {
    const { service, items, jan, lucia } = await setUp();
    const target = items[1]!;
    await service.updateConversation(
      { id: target.id, version: target.version, assignee: jan.agent.id },
      jan,
    );
    const refused = await service
      .sendReply(reply(target, 'Gracias, lo vemos.'), lucia)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InboxError);
    expect(refused).toMatchObject({
      code: 'conflict',
      message: 'Jan handles this conversation: take it over to reply',
      details: { reason: 'assigned', assignee: jan.agent.id },
    });
    await service.sendReply(reply(target, 'Gracias, lo vemos.', { takeOver: true }), lucia);
    const item = service
      .replies()
      .list()
      .find((r) => r.text === 'Gracias, lo vemos.');
    expect(item).toMatchObject({ agentId: lucia.agent.id, tookOverFrom: jan.agent.id });
    const { conversation: now } = await service.getConversation({ id: target.id });
    expect(now.assignee).toBe(lucia.agent.id);
  });

  it('warns before the fourth identical public reply of the day, and offers a private one', async () => {
    const { emulator, service, items, jan } = await setUp();
    const apology = 'We are deeply sorry about the oat milk mix-up. We are looking into it.';
    // Each to another customer (X itself refuses a tweet identical to an earlier one).
    for (const [i, c] of items.slice(0, 3).entries())
      await service.sendReply(reply(c, `@customer${i} ${apology}`), jan);
    const fourth = items[3]!;
    const warned = await service
      .sendReply(reply(fourth, `@y ${apology}`), jan)
      .catch((e: unknown) => e);
    expect(warned).toMatchObject({ code: 'conflict', details: { reason: 'repeat', repeats: 3 } });
    expect((warned as Error).message).toContain('already sent this reply publicly 3 times');

    await service.sendReply(reply(fourth, apology, { kind: 'private' }), jan);
    await service.sendReply(reply(items[4]!, apology, { confirmRepeat: true }), jan);
    await service.replies().idle();
    expect(
      service
        .replies()
        .list()
        .map((r) => r.state),
    ).toEqual(Array(5).fill('sent'));
    expect(emulator.writes().filter((w) => w.action === 'tweet')).toHaveLength(4);
    expect(emulator.writes().filter((w) => w.action === 'direct_message')).toHaveLength(1);
  });

  it('lets no more than the limit of one public reply through when it is sent six times at once', async () => {
    const { service, items, jan, lucia } = await setUp();
    const text = 'We are sorry for the wait: an adviser writes to you privately.';
    // Each send reads its conversation and its post before queueing: unless the count is read in
    // the commit that queues the reply, all six pass it.
    const tries = await Promise.allSettled(
      items
        .slice(0, 6)
        .map((c, i) => service.sendReply(reply(c, `@client${i} ${text}`), i % 2 ? jan : lucia)),
    );
    const refused = tries.flatMap((t) => (t.status === 'rejected' ? [t.reason] : []));
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(3);
    expect(refused).toHaveLength(3);
    for (const err of refused)
      expect(err).toMatchObject({ code: 'conflict', details: { reason: 'repeat', repeats: 3 } });
    expect(service.replies().list()).toHaveLength(3);
  });
});
