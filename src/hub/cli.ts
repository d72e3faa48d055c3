import { ConfigError, HUB_USAGE, parseHubConfig } from './config';
import { closeOnSignals, runHub } from './run-hub';

/** `npm run hub`: the team hub against the configured platforms. */
async function main(): Promise<void> {
  const { config, help } = parseHubConfig(process.argv.slice(2), process.env);
  if (help) {
    console.log(HUB_USAGE);
    return;
  }
  const hub = await runHub(config, { logger: true });
  closeOnSignals(hub.close);
  hub.service.startSync();
  console.log(`Social Inbox hub listening on ${hub.url} (data in ${config.dataDir})`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`${err.message}\n\n${HUB_USAGE}`);
  else console.error(`The hub could not start: ${(err as Error).message}`);
  process.exit(1);
});
