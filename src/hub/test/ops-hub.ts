import { MemorySecretStore } from '../../core/secrets/secret-store';
import { parseHubConfig } from '../config';
import { closeOnSignals, runHub } from '../run-hub';

// A hub for the operations tests, started like `npm run hub` (the same flags, log and signals),
// with its credentials in memory instead of the keychain, and the X accounts and Facebook Pages
// whose tokens SOCIAL_INBOX_TEST_X_TOKENS and SOCIAL_INBOX_TEST_PAGE_TOKENS list (comma-separated)
// connected. Only this test entry reads them.
const { config } = parseHubConfig(process.argv.slice(2), process.env);
const hub = await runHub(config, { logger: true, secrets: new MemorySecretStore() });
closeOnSignals(hub.close, config.shutdownTimeoutMs);
for (const token of (process.env.SOCIAL_INBOX_TEST_X_TOKENS ?? '').split(',').filter(Boolean))
  await hub.service.connectAccount({ platform: 'x', token });
for (const token of (process.env.SOCIAL_INBOX_TEST_PAGE_TOKENS ?? '').split(',').filter(Boolean))
  await hub.service.connectAccount({ platform: 'facebook', token });
hub.service.startSync();
console.log(`listening on ${hub.url} as ${hub.replica}`);
if (hub.firstManager) console.log(`  ${hub.firstManager.token}`);
