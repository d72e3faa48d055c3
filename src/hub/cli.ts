import { ConfigError, HUB_USAGE, parseHubConfig } from './config';
import { KeychainSecretStore } from '../core/secrets/keychain-store';
import { closeOnSignals, runHub } from './run-hub';

/** `npm run hub`: the team hub against the configured platforms. */
async function main(): Promise<void> {
  const { config, help } = parseHubConfig(process.argv.slice(2), process.env);
  if (help) {
    console.log(HUB_USAGE);
    return;
  }
  // Platform credentials live in the OS keychain of the machine running the hub.
  const hub = await runHub(config, { logger: true, secrets: new KeychainSecretStore() });
  closeOnSignals(hub.close);
  hub.service.startSync();
  console.log(`Social Inbox hub listening on ${hub.url} (data in ${config.dataDir})`);
  for (const notice of hub.notices) console.warn(notice);
  if (hub.firstManager) {
    // Shown this once: the hub keeps only its hash.
    console.log(
      `A new team: sign in as "${hub.firstManager.name}" with this personal token, shown only now:\n  ${hub.firstManager.token}\n` +
        'Then create the other agents from the Team screen.',
    );
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`${err.message}\n\n${HUB_USAGE}`);
  else console.error(`The hub could not start: ${(err as Error).message}`);
  process.exit(1);
});
