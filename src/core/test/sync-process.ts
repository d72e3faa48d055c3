import { InboxService } from '../service';
import { PostgresStore } from '../store/pg/postgres-store';
import { shiftedClock } from '../time/clock';

// A sync process for crash tests: opens the store in SOCIAL_INBOX_DATA, connects the accounts whose
// tokens are in X_TOKEN / PAGE_TOKEN against the given base URLs, with the clock moved by CLOCK_OFFSET_MS, syncs, and prints one line per
// stored batch so the test knows when to kill it. With REPLIES=n, once X is synced it queues a
// public reply to each of the n newest X conversations and prints `sent <count>` as they leave.
// With SOCIAL_INBOX_DATABASE_URL it is one replica of several on that PostgreSQL database: it syncs
// the accounts whose lease it holds (SYNC_LEASE_MS), takes up the replies others left every
// OUTBOX_ADOPT_MS, and with REPLIES=n queues its replies once the
// store holds n X conversations, whichever replica synced them, and prints `queued <n>`.
// The scenario's date, whatever today's date is.
const clock = shiftedClock(Number(process.env.CLOCK_OFFSET_MS ?? 0));
const database = process.env.SOCIAL_INBOX_DATABASE_URL;
const service = await InboxService.open({
  clock,
  ...(database ? { store: await PostgresStore.open({ url: database, clock }) } : {}),
  ...(process.env.SYNC_LEASE_MS ? { syncLeaseMs: Number(process.env.SYNC_LEASE_MS) } : {}),
  ...(process.env.OUTBOX_ADOPT_MS ? { outboxAdoptMs: Number(process.env.OUTBOX_ADOPT_MS) } : {}),
  dataDir: process.env.SOCIAL_INBOX_DATA!,
  xBaseUrl: process.env.X_BASE_URL!,
  graphBaseUrl: process.env.GRAPH_BASE_URL!,
  pollIntervalMs: 60_000,
  retryBaseMs: 50,
});
const replies = Number(process.env.REPLIES ?? 0);
let queued = false;
service.onEvent((event) => {
  if (event.type === 'sync.progress') {
    console.log(`progress ${event.progress.stream} ${event.progress.fetched}`);
  }
  if (
    event.type === 'account.status' &&
    event.account.sync.lastSyncAt &&
    event.account.sync.state === 'connected'
  ) {
    console.log(`synced ${event.account.id}`);
    if (
      replies > 0 &&
      !database &&
      !queued &&
      event.account.platform === 'x' &&
      service.replies().list().length === 0
    ) {
      queued = true;
      void queueReplies();
    }
  }
});

async function queueReplies(): Promise<void> {
  const { items } = await service.listConversations({ platform: 'x', limit: replies });
  for (const [i, c] of items.entries()) {
    await service.queueReply({
      conversationId: c.id,
      replyTo: c.rootPostId,
      kind: 'public',
      text: `Merci pour votre message, nous revenons vers vous (réf. ${i + 1}).`,
      agentId: 'agent-crash',
      client: 'test',
    });
  }
  console.log(`queued ${items.length}`);
  setInterval(() => {
    console.log(
      `sent ${
        service
          .replies()
          .list()
          .filter((r) => r.state === 'sent').length
      }`,
    );
  }, 20).unref();
}

await service.connectAccount({ platform: 'x', token: process.env.X_TOKEN! });
await service.connectAccount({ platform: 'facebook', token: process.env.PAGE_TOKEN! });
service.startSync();
console.log('started');
if (database && replies > 0) {
  const waiting = setInterval(() => {
    void service.listConversations({ platform: 'x', limit: replies }).then(({ items }) => {
      if (queued || items.length < replies) return;
      queued = true;
      clearInterval(waiting);
      void queueReplies();
    });
  }, 100);
}
