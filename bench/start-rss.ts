import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MemorySecretStore } from '../src/core/secrets/secret-store';
import { languageOf } from '../src/core/triage/language';
import { parseHubConfig } from '../src/hub/config';
import { runHub } from '../src/hub/run-hub';

// Bundled into out/bench/start-rss.mjs and run by memory-bench.ts in a fresh process (with
// --expose-gc): starts a hub on an empty data folder, takes its resident memory, has one post's language detected, takes it again, and prints
// both as one JSON line.
const gc = (globalThis as { gc?: () => void }).gc;
const rss = () => {
  gc?.();
  return process.memoryUsage().rss;
};

const dir = await mkdtemp(join(tmpdir(), 'inbox-bench-rss-'));
try {
  const { config } = parseHubConfig(['--data', dir, '--port', '0'], {});
  const hub = await runHub(config, { secrets: new MemorySecretStore() });
  const started = rss();
  const language = await languageOf('Bonjour, je voudrais savoir où en est ma commande de café.');
  const detected = rss();
  await hub.close();
  console.log(JSON.stringify({ started, detected, language }));
} finally {
  await rm(dir, { recursive: true, force: true });
}
