import { ConfigError, HUB_USAGE, parseHubConfig } from './config';
import { KeychainSecretStore } from '../core/secrets/keychain-store';
import { closeOnSignals, runHub } from './run-hub';
import { databaseName, redact } from '../core/store/pg/pg-client';

/** `npm run hub`: the team hub against the configured platforms. */
async function main(): Promise<void> {
  const { config, help } = parseHubConfig(process.argv.slice(2), process.env);
  if (help) {
    console.log(HUB_USAGE);
    return;
  }
  // Platform credentials live in the OS keychain of the machine running the hub.
  const hub = await runHub(config, {
    logger: true,
    secrets: new KeychainSecretStore(),
    onOpening: (url) =>
      console.log(`Social Inbox hub opening its store (${url} answers 503 meanwhile)`),
  });
  closeOnSignals(hub.close, config.shutdownTimeoutMs);
  hub.service.startSync();
  const store = config.database
    ? `store and settings in PostgreSQL at ${databaseName(config.database)}`
    : `data in ${config.dataDir}`;
  console.log(`Social Inbox hub listening on ${hub.url} (${store})`);
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
  // Whatever failed, the database's password is not repeated (from the flag or the environment).
  const message = redactDatabase((err as Error).message ?? String(err));
  if (err instanceof ConfigError) console.error(`${message}\n\n${HUB_USAGE}`);
  else console.error(`The hub could not start: ${message}`);
  process.exit(1);
});

function redactDatabase(text: string): string {
  const flag = process.argv.findIndex((a) => a === '--database' || a.startsWith('--database='));
  const urls = [
    process.env.SOCIAL_INBOX_DATABASE_URL,
    flag < 0
      ? undefined
      : process.argv[flag]!.includes('=')
        ? process.argv[flag]!.slice('--database='.length)
        : process.argv[flag + 1],
  ];
  return urls.reduce<string>((out, url) => (url ? redact(out, url) : out), text);
}
