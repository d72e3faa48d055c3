import { MemorySecretStore } from '../../core/secrets/secret-store';
import { parseHubConfig } from '../config';
import { closeOnSignals, runHub } from '../run-hub';

// A hub for the operations tests, started like `npm run hub` (the same flags, log and signals),
// with its credentials in memory instead of the keychain, and the X accounts whose tokens
// SOCIAL_INBOX_TEST_X_TOKENS lists (comma-separated) connected. Only this test entry reads it.
const { config } = parseHubConfig(process.argv.slice(2), process.env);
const hub = await runHub(config, { logger: true, secrets: new MemorySecretStore() });
closeOnSignals(hub.close, config.shutdownTimeoutMs);
for (const token of (process.env.SOCIAL_INBOX_TEST_X_TOKENS ?? '').split(',').filter(Boolean))
  await hub.service.connectAccount({ platform: 'x', token });
hub.service.startSync();
console.log(`listening on ${hub.url} as ${hub.replica}`);
if (hub.firstManager) console.log(`  ${hub.firstManager.token}`);
