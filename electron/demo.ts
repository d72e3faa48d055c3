import { InboxService } from '../src/core/service';
import { MemorySecretStore } from '../src/core/secrets/secret-store';
import { TRANSLATION_KEY_REFS } from '../src/core/translation/translation-provider';
import { TRANSLATION_DEFAULTS } from '../src/core/translation/translation-settings';
import { loadScenario } from '../src/emulator/scenario';
import { signInSettings, startEmulator } from '../src/emulator/server';

export interface DemoOptions {
  /** The scenario file (resources/demo-scenario.json in the app). */
  scenarioPath: string;
  /** A folder of its own: the demo's store is thrown away with it. */
  dataDir: string;
  pollIntervalMs: number;
  clientName: string;
}

export interface DemoInbox {
  service: InboxService;
  /** The emulator's address, for the log. */
  emulatorUrl: string;
  /** Where the inbox reaches the emulated platforms. */
  xBaseUrl: string;
  graphBaseUrl: string;
  scenarioName: string;
  close(): Promise<void>;
}

/**
 * Demo mode: the platform emulator in this process, serving the scenario with its dates moved to
 * now, and an inbox connected to each of its X accounts and Facebook Pages. Tokens stay in memory.
 * The only module of electron/ that may load the emulator.
 */
export async function startDemo(options: DemoOptions): Promise<DemoInbox> {
  const scenario = await loadScenario(options.scenarioPath);
  const emulator = await startEmulator({ scenario, port: 0, shiftToNow: true });
  let service: InboxService | null = null;
  try {
    // The emulator plays DeepL too: posts translate with the scenario's key and phrase book.
    const secrets = new MemorySecretStore();
    const deeplKey = scenario.translation?.deepl.auth_keys[0]?.key;
    if (deeplKey) await secrets.set(TRANSLATION_KEY_REFS.deepl, deeplKey);
    service = await InboxService.open({
      dataDir: options.dataDir,
      xBaseUrl: emulator.xBaseUrl,
      graphBaseUrl: emulator.graphBaseUrl,
      ...signInSettings(emulator),
      pollIntervalMs: options.pollIntervalMs,
      clientName: options.clientName,
      secrets,
      translation: {
        ...TRANSLATION_DEFAULTS,
        provider: 'deepl',
        deeplServerUrl: emulator.deeplBaseUrl,
      },
    });
    for (const account of scenario.x.accounts) {
      await service.connectAccount({ platform: 'x', token: account.access_token });
    }
    for (const page of scenario.facebook.pages) {
      await service.connectAccount({ platform: 'facebook', token: page.access_token });
    }
    service.startSync();
  } catch (err) {
    await service?.close();
    await emulator.close();
    throw err;
  }
  const running = service;
  return {
    service: running,
    emulatorUrl: emulator.url,
    xBaseUrl: emulator.xBaseUrl,
    graphBaseUrl: emulator.graphBaseUrl,
    scenarioName: scenario.name,
    close: async () => {
      try {
        await running.close();
      } finally {
        await emulator.close();
      }
    },
  };
}
