import { FacebookWebhookSchema } from '../../shared';
import type { FacebookWebhook } from '../../shared';
import { parseScenario } from '../../emulator/scenario';
import { startEmulator } from '../../emulator/server';
import type { Emulator } from '../../emulator/server';
import { MemorySecretStore } from '../secrets/secret-store';
import { InboxService } from '../service';
import { PostgresStore } from '../store/pg/postgres-store';
import { createTestDatabase } from '../store/test/pg-test-database';
import { clockStartingAt } from '../time/clock';
import type { Clock } from '../time/clock';
import { tempDir } from './fixtures';
import { PAGE, smallScenario } from './scenario';

/** Two inboxes on one PostgreSQL database, as two hub replicas run them, and their platforms. */
export interface ReplicaPair {
  emulator: Emulator;
  clock: Clock;
  /** The database both keep their store in. */
  url: string;
  a: InboxService;
  b: InboxService;
  storeA: PostgresStore;
  storeB: PostgresStore;
}

/**
 * Two inboxes on a fresh database of the test server (each its own data folder and keychain), on
 * one emulator and one clock; `cleanup` is given what closes and removes them.
 */
export async function openReplicaPair(
  server: string,
  cleanup: (clean: () => Promise<void>) => void,
  presenceTtlMs = 60_000,
): Promise<ReplicaPair> {
  const db = await createTestDatabase(server);
  cleanup(db.drop);
  const scenario = parseScenario(smallScenario(6));
  const clock = clockStartingAt(scenario.anchor);
  const emulator = await startEmulator({ scenario, port: 0, now: () => clock.now() });
  cleanup(() => emulator.close());
  const open = async () => {
    const { dir, cleanup: remove } = await tempDir();
    cleanup(remove);
    const store = await PostgresStore.open({ url: db.url, clock, poolSize: 4 });
    const service = await InboxService.open({
      dataDir: dir,
      xBaseUrl: emulator.xBaseUrl,
      graphBaseUrl: emulator.graphBaseUrl,
      secrets: new MemorySecretStore(),
      clock,
      store,
      presenceTtlMs,
    });
    cleanup(() => service.close().catch(() => undefined));
    await store.events.ready();
    return { service, store };
  };
  const first = await open();
  const second = await open();
  return {
    emulator,
    clock,
    url: db.url,
    a: first.service,
    b: second.service,
    storeA: first.store,
    storeB: second.store,
  };
}

/** The scenario's Page connected through both inboxes, each syncing it once. */
export async function connectPageToBoth({ a, b }: ReplicaPair): Promise<void> {
  for (const service of [a, b]) {
    const page = await service.connectAccount({ platform: 'facebook', token: PAGE.token });
    await service.syncAccountOnce(page.id);
  }
}

/** A customer comments the Page's latest post on the emulator: the post's and comment's ids. */
export async function commentOnPage(
  emulator: Emulator,
  message: string,
): Promise<{ postId: string; commentId: string }> {
  const feed = await fetch(
    `${emulator.graphBaseUrl}/v21.0/${PAGE.id}/feed?access_token=${PAGE.token}`,
  );
  const postId = ((await feed.json()) as { data: { id: string }[] }).data[0]!.id;
  const added = await fetch(`${emulator.url}/__emulator/facebook/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ post_id: postId, from: CUSTOMER, message }),
  });
  return { postId, commentId: ((await added.json()) as { data: { id: string } }).data.id };
}

/** The webhook Facebook delivers for one change of that customer's comment on the Page. */
export function commentChange(
  verb: 'add' | 'edited',
  commentId: string,
  postId: string,
  time: number,
): FacebookWebhook {
  return FacebookWebhookSchema.parse({
    object: 'page',
    entry: [
      {
        id: PAGE.id,
        time,
        changes: [
          {
            field: 'feed',
            value: {
              item: 'comment',
              verb,
              comment_id: commentId,
              post_id: postId,
              from: CUSTOMER,
            },
          },
        ],
      },
    ],
  });
}

/** The customer who comments in these specs. */
const CUSTOMER = { id: '4000000001', name: 'Klaus Becker' };
