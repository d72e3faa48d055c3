import { InboxService } from '../service';

// A sync process for crash tests: opens the store in SOCIAL_INBOX_DATA, connects the accounts whose
// tokens are in X_TOKEN / PAGE_TOKEN against the given base URLs, syncs, and prints one line per
// stored batch so the test knows when to kill it.
const service = await InboxService.open({
  dataDir: process.env.SOCIAL_INBOX_DATA!,
  xBaseUrl: process.env.X_BASE_URL!,
  graphBaseUrl: process.env.GRAPH_BASE_URL!,
  pollIntervalMs: 60_000,
  retryBaseMs: 50,
});
service.onEvent((event) => {
  if (event.type === 'sync.progress')
    console.log(`progress ${event.progress.stream} ${event.progress.fetched}`);
  if (
    event.type === 'account.status' &&
    event.account.sync.lastSyncAt &&
    event.account.sync.state === 'connected'
  ) {
    console.log(`synced ${event.account.id}`);
  }
});
await service.connectAccount({ platform: 'x', token: process.env.X_TOKEN! });
await service.connectAccount({ platform: 'facebook', token: process.env.PAGE_TOKEN! });
service.startSync();
