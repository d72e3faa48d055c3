import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../emulator/scenario';
import { startEmulator } from '../../emulator/server';
import { XClient } from '../connectors/x/x-client';
import { InboxService } from '../service';
import { SqliteStore } from '../store/sql/sqlite-store';
import { tempDir } from '../test/fixtures';
import { clockStartingAt } from '../time/clock';
import type { Clock } from '../time/clock';
import { BRAND_X, connectAll, smallScenario } from '../test/scenario';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
let dir: string;
let cleanup: () => Promise<void>;
const scenario = smallScenario();
const journalistTweet = scenario.x.tweets[4]!.id;

let clock: Clock;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  clock = clockStartingAt(scenario.anchor);
  emulator = await startEmulator({
    scenario: parseScenario(scenario),
    port: 0,
    now: () => clock.now(),
  });
});
afterEach(async () => {
  await emulator.close();
  await cleanup();
});

async function openSynced() {
  const service = await InboxService.open({
    dataDir: dir,
    xBaseUrl: emulator.xBaseUrl,
    graphBaseUrl: emulator.graphBaseUrl,
    clock,
  });
  const { x, fb } = await connectAll(service);
  await service.syncAccountOnce(x.id);
  await service.syncAccountOnce(fb.id);
  return { service, x, fb };
}

const request = (over: Partial<Parameters<InboxService['sendReply']>[0]> = {}) => ({
  conversationId: `x:${journalistTweet}`,
  replyTo: `x:${journalistTweet}`,
  kind: 'public' as const,
  text: 'Bedankt Jan, we sturen je vandaag nog een reactie per e-mail.',
  agentId: 'agent-sanne',
  client: 'desktop:test-host',
  ...over,
});

describe('outbox', () => {
  it('sends a public X reply once and files it in its conversation with agent, app and client', async () => {
    const { service, x } = await openSynced();
    const queued = await service.queueReply(request());
    expect(queued.state).toBe('pending');
    await service.replies().idle();
    const [item] = service.replies().list();
    expect(item).toMatchObject({ state: 'sent', error: null });
    const writes = emulator.writes().filter((w) => w.action === 'tweet');
    expect(writes).toEqual([
      expect.objectContaining({ id: item!.externalId, targetId: journalistTweet }),
    ]);

    // The timeline now serves the reply too: it stays ours, once.
    await service.syncAccountOnce(x.id);
    const { posts, conversation } = await service.getConversation({ id: `x:${journalistTweet}` });
    expect(posts).toHaveLength(2);
    expect(posts[1]).toMatchObject({
      id: `x:${item!.externalId}`,
      direction: 'outbound',
      outside: false,
      sentBy: 'agent-sanne',
      client: 'desktop:test-host',
      sourceApp: { name: 'Social Inbox' },
    });
    expect(conversation.firstResponseMs).not.toBeNull();
    await service.close();
  });

  it('sends Facebook public and private replies, and refuses a second private reply to a comment', async () => {
    const { service } = await openSynced();
    const target = { conversationId: 'facebook:5001_9004', replyTo: 'facebook:5001_9004' };
    await service.queueReply(request({ ...target, text: 'Grazie Giulia, ci dispiace molto.' }));
    await service.queueReply(
      request({ ...target, kind: 'private', text: 'Giulia, le scriviamo in privato.' }),
    );
    await service.queueReply(
      request({ ...target, kind: 'private', text: 'Un secondo messaggio privato.' }),
    );
    await service.replies().idle();
    expect(
      service
        .replies()
        .list()
        .map((i) => [i.kind, i.state]),
    ).toEqual([
      ['public', 'sent'],
      ['private', 'sent'],
      ['private', 'failed'],
    ]);
    expect(emulator.writes().map((w) => w.action)).toEqual(['comment', 'private_reply']);
    const { posts } = await service.getConversation({ id: target.conversationId });
    expect(posts.map((p) => [p.direction, p.private])).toEqual([
      ['inbound', false],
      ['outbound', false],
      ['outbound', true],
    ]);
    await service.close();
  });

  it('refuses to answer a post outside the conversation', async () => {
    const { service } = await openSynced();
    await expect(
      service.queueReply(request({ replyTo: 'facebook:5001_9004' })),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await service.close();
  });

  it('after a crash, settles an uncertain reply by looking for it instead of sending it again', async () => {
    const { service } = await openSynced();
    await service.close();
    // What a crash right after the platform accepted the reply leaves: the tweet exists, our
    // record still says `sending`.
    const text = 'We are looking into it right now, Jan.';
    const tweetId = await new XClient(BRAND_X.token, emulator.xBaseUrl).reply(
      text,
      journalistTweet,
    );
    const sendingOnly = 'A reply the crash stopped before it left.';
    const base = {
      ...request(),
      platform: 'x' as const,
      accountId: `x:${BRAND_X.id}`,
      externalId: null,
      error: null,
    };
    const at = new Date(clock.now()).toISOString();
    const store = SqliteStore.open(dir, { clock });
    await store.commit(
      [],
      [
        {
          kind: 'outbox.put',
          items: [
            { ...base, key: 'k-landed', text, state: 'sending', createdAt: at, updatedAt: at },
            {
              ...base,
              key: 'k-lost',
              text: sendingOnly,
              state: 'sending',
              createdAt: at,
              updatedAt: at,
            },
          ],
        },
      ],
    );
    await store.close();

    const reopened = await InboxService.open({
      dataDir: dir,
      xBaseUrl: emulator.xBaseUrl,
      graphBaseUrl: emulator.graphBaseUrl,
      clock,
    });
    await reopened.connectAccount({ platform: 'x', token: BRAND_X.token });
    await reopened.replies().recover();
    const byKey = new Map(
      reopened
        .replies()
        .list()
        .map((i) => [i.key, i]),
    );
    expect(byKey.get('k-landed')).toMatchObject({ state: 'sent', externalId: tweetId });
    expect(byKey.get('k-lost')).toMatchObject({ state: 'sent' });
    const tweets = emulator.writes().filter((w) => w.action === 'tweet');
    expect(tweets.map((w) => w.text).sort()).toEqual([sendingOnly, text].sort());
    await reopened.close();
  });
});
