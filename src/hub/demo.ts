import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemorySecretStore } from '../core/secrets/secret-store';
import type { SecretStore } from '../core/secrets/secret-store';
import { writePrivateFile } from '../core/store/private-files';
import { TRANSLATION_KEY_REFS } from '../core/translation/translation-provider';
import { loadScenario } from '../emulator/scenario';
import type { Scenario } from '../emulator/scenario';
import { signInSettings, startEmulator } from '../emulator/server';
import { ConfigError, HUB_USAGE, parseHubConfig } from './config';
import { hubUrl } from './network';
import { closeOnSignals, runHub } from './run-hub';
import { facebookWebhookSetup } from './webhooks';

/** A few of the team's saved replies, in the scenario's languages. */
const DEMO_SAVED_REPLIES = [
  {
    title: 'Excuses et remboursement',
    language: 'fr',
    text: 'Bonjour {author.name}, nous sommes désolés. Écrivez-nous en privé avec votre numéro de commande et nous vous remboursons aujourd’hui. {agent.name}, {brand}',
  },
  {
    title: 'Apology and refund',
    language: 'en',
    text: 'Hi {author.name}, we are sorry about this. Send us your order number privately and we will refund you today. {agent.name}, {brand}',
  },
  {
    title: 'Excuses en terugbetaling',
    language: 'nl',
    text: 'Hallo {author.name}, het spijt ons. Stuur ons je bestelnummer in een privébericht en we betalen je vandaag terug. {agent.name}, {brand}',
  },
  {
    title: 'Entschuldigung und Erstattung',
    language: 'de',
    text: 'Hallo {author.name}, das tut uns leid. Schick uns deine Bestellnummer per Direktnachricht, wir erstatten dir heute den Betrag. {agent.name}, {brand}',
  },
];

/** The demo's brand team: a manager and two agents, who between them speak the scenario's languages. */
const DEMO_TEAM = [
  { name: 'Camille Laurent', role: 'manager' as const, languages: ['fr', 'en'] },
  { name: 'Jan de Wit', role: 'agent' as const, languages: ['nl', 'en', 'de'] },
  { name: 'Lucía Ortega', role: 'agent' as const, languages: ['es', 'it', 'en'] },
];

const DEMO_USAGE = `Usage: npm run web -- [options]

Starts the platform emulator with the demo scenario, a hub connected to it, and serves the UI.
Takes the hub's options (below) plus:
  --scenario <file>        scenario to serve (default resources/demo-scenario.json)
  --emulator-port <n>      emulator port (default any free one)
  --agents-file <file>     also write the demo agents' sign-in tokens to this JSON file (for tests)

${HUB_USAGE}`;

/** `npm run web`: the whole demo stack, from one command. */
async function main(): Promise<void> {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const { config, help, flags } = parseHubConfig(process.argv.slice(2), process.env, {
    scenario: { type: 'string' },
    'emulator-port': { type: 'string' },
    'agents-file': { type: 'string' },
  });
  if (help) {
    console.log(DEMO_USAGE);
    return;
  }
  const scenarioPath = resolve(
    (flags.scenario as string | undefined) ?? join(root, 'resources/demo-scenario.json'),
  );
  const scenario = await loadScenario(scenarioPath);
  const emulator = await startEmulator({
    scenario,
    port: Number(flags['emulator-port'] ?? 0),
    shiftToNow: true,
  });
  // Without --data, the demo's data lives in a fresh temp folder, removed when the demo stops.
  const dataDir = flags.data ? config.dataDir : await mkdtemp(join(tmpdir(), 'social-inbox-demo-'));
  const removeData = async () => {
    if (!flags.data) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await serve();
  } catch (err) {
    await emulator.close();
    await removeData();
    throw err;
  }

  /** The hub on the emulator, with the demo's accounts, saved replies and team. */
  async function serve(): Promise<void> {
    // The emulator reaches the hub on this machine: its Page webhooks go straight to it (on a
    // port chosen by the system, the hub's address is not known ahead: polling alone).
    const webhooks = {
      publicUrl: config.publicUrl ?? (config.port === 0 ? null : hubUrl(config, config.port)),
      facebookVerifyToken: config.facebookVerifyToken ?? randomBytes(18).toString('base64url'),
    };
    const settings = { ...signInSettings(emulator), ...webhooks };
    const hub = await runHub(
      {
        ...config,
        dataDir,
        xBaseUrl: emulator.xBaseUrl,
        graphBaseUrl: emulator.graphBaseUrl,
        ...settings,
        pollIntervalMs: Math.min(config.pollIntervalMs, 15_000),
        webRoot: config.webRoot ?? join(root, 'out/web'),
        // The emulator plays DeepL too, with the scenario's key and phrases in six languages.
        translationProvider: config.translationProvider ?? 'deepl',
        deeplUrl: emulator.deeplBaseUrl,
        libreTranslateUrl: emulator.libreTranslateBaseUrl,
      },
      { logger: false, team: DEMO_TEAM, secrets: await demoSecrets(scenario) },
    );
    closeOnSignals(async () => {
      await hub.close();
      await emulator.close();
      await removeData();
    });
    const { callbackUrl } = facebookWebhookSetup(settings);
    if (callbackUrl)
      await emulator.webhooks.subscribe({
        callbackUrl,
        verifyToken: webhooks.facebookVerifyToken,
      });
    for (const account of scenario.x.accounts) {
      await hub.service.connectAccount({ platform: 'x', token: account.access_token });
    }
    for (const page of scenario.facebook.pages) {
      await hub.service.connectAccount({ platform: 'facebook', token: page.access_token });
    }
    if ((await hub.service.listSavedReplies({})).length === 0)
      for (const reply of DEMO_SAVED_REPLIES) await hub.service.saveSavedReply(reply);
    hub.service.startSync();
    console.log(`Social Inbox demo: open ${hub.url} and sign in as one of the team (links below)`);
    console.log(`  emulator ${emulator.url} · scenario "${scenario.name}" · data in ${dataDir}`);
    for (const notice of hub.notices) console.warn(notice);
    // Demo tokens only: the links sign a browser in at once (the token leaves the address bar).
    for (const { agent, token } of hub.newAgents)
      console.log(
        `  ${agent.name} (${agent.role}, ${agent.languages.join(' ')}): ${hub.url}/#token=${token}`,
      );
    const agentsFile = flags['agents-file'] as string | undefined;
    if (agentsFile) {
      const tokens = Object.fromEntries(
        hub.newAgents.map(({ agent, token }) => [agent.name, token]),
      );
      // Sign-in tokens: readable by this user only.
      await writePrivateFile(resolve(agentsFile), JSON.stringify(tokens, null, 2));
    }
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`${err.message}\n\n${DEMO_USAGE}`);
  else console.error(`The demo could not start: ${(err as Error).message}`);
  process.exit(1);
});

/** The demo's secrets, in memory: the emulated translation services' keys of the scenario. */
async function demoSecrets(scenario: Scenario): Promise<SecretStore> {
  const secrets = new MemorySecretStore();
  const deepl = scenario.translation?.deepl.auth_keys[0]?.key;
  const libre = scenario.translation?.libretranslate.api_keys[0];
  if (deepl) await secrets.set(TRANSLATION_KEY_REFS.deepl, deepl);
  if (libre) await secrets.set(TRANSLATION_KEY_REFS.libretranslate, libre);
  return secrets;
}
