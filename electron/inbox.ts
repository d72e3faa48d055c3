import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InboxService } from '../src/core/service';
import { LOCAL_AGENT } from '../src/core/team/callers';
import { IdempotencyGuard } from '../src/core/idempotency/idempotency-guard';
import { idempotentClient } from '../src/core/idempotency/idempotent-client';
import { KeychainSecretStore } from '../src/core/secrets/keychain-store';
import type { SecretStore } from '../src/core/secrets/secret-store';
import type { InboxClient, OpeningProgress } from '../src/shared';
import { hubApi } from './team-hub';
import type { TeamHubLink } from './team-hub';
import { DEMO_POLL_MS, chooseMode } from './config';
import type { DesktopConfig } from './config';

export interface OpenInboxOptions {
  config: DesktopConfig;
  /** The solo store: `<userData>/data`. */
  dataDir: string;
  /** The demo scenario: `<app>/resources/demo-scenario.json`. */
  scenarioPath: string;
  /** Provenance of replies sent from here, e.g. `desktop:<host>`. */
  clientName: string;
  /** Where solo mode keeps credentials; the OS keychain unless told otherwise. */
  secrets?: SecretStore;
  /** The team hub this desktop was connected to, if any: then the app works in its queue. */
  teamHub?: TeamHubLink;
  /** Told how far the one-time move of the solo data folder into the store is. */
  onOpenProgress?: (progress: OpeningProgress) => void;
}

export interface OpenInbox {
  mode: 'solo' | 'demo' | 'team';
  /**
   * The inbox as the window calls it: the service in this process (a write sent again with its
   * Idempotency-Key answered from the data folder's journal), or (team mode) the team hub's, which
   * gets the key with each write.
   */
  service: InboxClient;
  /** The store's folder (a temporary one in demo mode); none in team mode, the hub holds it. */
  dataDir: string | null;
  /** Where the inbox reaches the platforms: the real APIs, or the emulator in demo mode. */
  xBaseUrl: string | null;
  graphBaseUrl: string | null;
  /** One line for the log. */
  description: string;
  close(): Promise<void>;
}

/**
 * The InboxService this app runs in-process. Solo: the user's own store and accounts, credentials
 * in the OS keychain. Demo (asked for, or while no account is connected): the emulator, with a
 * throw-away store in a temporary folder that is removed on close. The emulator's code is loaded
 * only then.
 */
export async function openInbox(options: OpenInboxOptions): Promise<OpenInbox> {
  const { config } = options;
  const hub = await options.teamHub?.current();
  if (hub) {
    return {
      mode: 'team',
      service: hubApi(hub.origin, hub.token, { client: options.clientName }),
      dataDir: null,
      xBaseUrl: null,
      graphBaseUrl: null,
      description: `team mode, hub ${hub.origin}`,
      close: async () => undefined,
    };
  }
  if (config.demo !== 'on') {
    const service = await InboxService.open({
      dataDir: options.dataDir,
      xBaseUrl: config.xBaseUrl,
      graphBaseUrl: config.graphBaseUrl,
      graphVersion: config.graphVersion,
      graphAppSecret: config.graphAppSecret,
      xWebBaseUrl: config.xWebBaseUrl,
      facebookWebBaseUrl: config.facebookWebBaseUrl,
      xClientId: config.xClientId,
      facebookAppId: config.facebookAppId,
      pollIntervalMs: config.pollIntervalMs,
      clientName: options.clientName,
      secrets: options.secrets ?? new KeychainSecretStore(),
      readThreads: true,
      ...(options.onOpenProgress ? { onOpenProgress: options.onOpenProgress } : {}),
    });
    const accounts = await service.listAccounts();
    if (chooseMode(config.demo, accounts.length) === 'solo') {
      const local = await localClient(service, options.dataDir, () => service.close());
      service.startSync();
      return {
        mode: 'solo',
        service: local.client,
        dataDir: options.dataDir,
        xBaseUrl: config.xBaseUrl,
        graphBaseUrl: config.graphBaseUrl,
        description: `solo mode, ${accounts.length} account(s), data in ${options.dataDir}`,
        close: local.close,
      };
    }
    await service.close();
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'social-inbox-demo-'));
  try {
    const { startDemo } = await import('./demo');
    const demo = await startDemo({
      scenarioPath: options.scenarioPath,
      dataDir,
      pollIntervalMs: Math.min(config.pollIntervalMs, DEMO_POLL_MS),
      clientName: options.clientName,
    });
    const local = await localClient(demo.service, dataDir, () => demo.close());
    return {
      mode: 'demo',
      service: local.client,
      dataDir,
      xBaseUrl: demo.xBaseUrl,
      graphBaseUrl: demo.graphBaseUrl,
      description: `demo mode, scenario "${demo.scenarioName}", emulator ${demo.emulatorUrl}`,
      close: async () => {
        try {
          await local.close();
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * The service in this process as the window calls it, its writes' Idempotency-Keys kept in its
 * store; closing closes both.
 */
async function localClient(
  service: InboxService,
  dataDir: string,
  closeService: () => Promise<void>,
): Promise<{ client: InboxClient; close: () => Promise<void> }> {
  let guard: IdempotencyGuard;
  try {
    guard = await IdempotencyGuard.open(service.keyStore, service.clock, dataDir);
  } catch (err) {
    await closeService();
    throw err;
  }
  return {
    client: idempotentClient(service, guard, LOCAL_AGENT.id),
    close: async () => {
      try {
        await guard.close();
      } finally {
        await closeService();
      }
    },
  };
}
