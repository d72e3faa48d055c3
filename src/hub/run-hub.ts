import { hostname } from 'node:os';
import { InboxService } from '../core/service';
import { TRANSLATION_DEFAULTS } from '../core/translation/translation-settings';
import { IdempotencyGuard } from '../core/idempotency/idempotency-guard';
import type { SecretStore } from '../core/secrets/secret-store';
import { SecretSealer } from '../core/secrets/secret-sealer';
import { PgSecretStore } from '../core/store/pg/pg-secrets';
import type { InboxStore } from '../core/store/port';
import type { FileSystem } from '../core/store/file-system';
import { systemClock } from '../core/time/clock';
import type { Clock } from '../core/time/clock';
import { PostgresStore } from '../core/store/pg/postgres-store';
import { lockDownDataDir } from '../core/store/private-files';
import { importProgressLine } from './import-progress';
import { startOpeningServer } from './opening-server';
import type { OpeningServer } from './opening-server';
import type { Agent, ApiInput } from '../shared';

type CreateAgentInput = ApiInput<'createAgent'>;
import type { HubConfig } from './config';
import { allowedHostNames } from './host-check';
import { hubUrl, loadTls, networkNotices } from './network';
import { createHubServer } from './server';
import { HubState, hubHealth, postgresProbe, replicaName, sqliteProbe } from './health';
import { configuredSecrets, scrubbingStream } from './log';
import { facebookWebhookSetup } from './webhooks';

export interface RunningHub {
  /** Where to reach it: https:// when it serves TLS; a loopback name when it binds every interface. */
  url: string;
  /** What the operator must read (plain HTTP on the network; the host names it answers for). */
  notices: string[];
  service: InboxService;
  /**
   * When the team had nobody yet: the first manager's personal token, to show this once (it
   * cannot be read back later; only its hash is kept).
   */
  firstManager: { name: string; token: string } | null;
  /** The agents created for a new team (`options.team`), with their tokens. */
  newAgents: { agent: Agent; token: string }[];
  /** This process among the replicas on one database (the holder of its sync leases). */
  replica: string;
  /** Whether it takes work (`/api/ready`). */
  state: HubState;
  /**
   * Drains and stops: not ready from now on, no new connection taken, requests under way
   * answered, event connections closed with 1012 (their clients connect again, to another
   * replica), the reply being sent finished (the queued ones stay for another replica), sync
   * leases given up, the store closed. Called again, answers the same stop.
   */
  close(): Promise<void>;
}

export interface RunHubOptions {
  secrets?: SecretStore;
  logger?: boolean;
  /** Where the log goes (standard output, with the configured secrets blanked, unless told). */
  logStream?: NodeJS.WritableStream;
  /** Agents to create when the team has nobody yet, instead of one "Manager". */
  team?: CreateAgentInput[];
  /** The hub's time (the system's clock unless a scenario is replayed at its own date). */
  clock?: Clock;
  /** What the settings file is written with (node:fs; a storage-fault test injects its own). */
  fileSystem?: FileSystem;
  /**
   * Opens the store (by default PostgreSQL when `config.database` names one, else the data
   * folder's embedded store; a storage-fault test's own).
   */
  openStore?: (dataDir: string) => InboxStore | Promise<InboxStore>;
  /** Told the hub's address as soon as it answers there, while its store still opens. */
  onOpening?: (url: string) => void;
}

/**
 * Opens the store, starts the HTTP + WebSocket server. Sync starts when the caller says so. While
 * the store opens, the hub's address answers 503 with how far it is (`opening-server.ts`).
 */
export async function runHub(config: HubConfig, options: RunHubOptions = {}): Promise<RunningHub> {
  const tls = await loadTls(config);
  // Note texts, the audit trail and token hashes: the data folder is the hub user's alone.
  await lockDownDataDir(config.dataDir);
  const opening = await startOpeningServer({ host: config.host, port: config.port, tls });
  options.onOpening?.(hubUrl(config, opening.port));
  try {
    return await openAndServe(config, options, tls, opening);
  } catch (err) {
    await opening.close();
    throw err;
  }
}

async function openAndServe(
  config: HubConfig,
  options: RunHubOptions,
  tls: Awaited<ReturnType<typeof loadTls>>,
  opening: OpeningServer,
): Promise<RunningHub> {
  const webhooks = facebookWebhookSetup(config);
  const clock = options.clock ?? systemClock;
  const replica = replicaName();
  const state = new HubState();
  // Read first: a key that is missing or wrong stops the hub before anything opens.
  const sealer = config.secretsKeyFile ? await SecretSealer.fromFile(config.secretsKeyFile) : null;
  const store = options.openStore
    ? await options.openStore(config.dataDir)
    : config.database
      ? await PostgresStore.open({ url: config.database, caFile: config.databaseCa, clock })
      : null;
  // Replicas share the secrets, sealed, in the database; this replica's keychain still answers
  // for what it kept before the key was given (moved in as it is read).
  const secrets =
    sealer && store instanceof PostgresStore
      ? new PgSecretStore(store.pool, sealer, options.secrets ?? null)
      : options.secrets;
  const toConsole = importProgressLine((line) => console.log(line));
  const service = await InboxService.open({
    dataDir: config.dataDir,
    xBaseUrl: config.xBaseUrl,
    graphBaseUrl: config.graphBaseUrl,
    graphVersion: config.graphVersion,
    graphAppSecret: config.graphAppSecret,
    xWebBaseUrl: config.xWebBaseUrl,
    facebookWebBaseUrl: config.facebookWebBaseUrl,
    xClientId: config.xClientId,
    xClientSecret: config.xClientSecret,
    facebookAppId: config.facebookAppId,
    pollIntervalMs: config.pollIntervalMs,
    presenceTtlMs: config.presenceTtlMs,
    facebookWebhookUrl: webhooks.callbackUrl,
    clientName: `hub:${hostname()}`,
    replicaName: replica,
    translation: {
      ...TRANSLATION_DEFAULTS,
      provider: config.translationProvider,
      deeplServerUrl: config.deeplUrl,
      libreTranslateUrl: config.libreTranslateUrl,
    },
    ...(secrets ? { secrets } : {}),
    clock,
    ...(options.fileSystem ? { fileSystem: options.fileSystem } : {}),
    ...(store ? { store } : {}),
    onOpenProgress: (progress) => {
      opening.progress(progress);
      toConsole(progress);
    },
    // The embedded store lists and reports on threads of their own; PostgreSQL lists on its pool
    // and reports on a thread. A store a caller opened is read as it is.
    readThreads: options.openStore == null,
  });
  // A new hub gets one manager, who signs in and creates the rest of the team. Of several hubs
  // opening one empty database at once, one creates it (checked in its commit), the others none.
  const newAgents: { agent: Agent; token: string }[] =
    (await service.listAgents()).length === 0
      ? await service.createFirstAgents(options.team ?? [{ name: 'Manager', role: 'manager' }])
      : [];
  // Idempotency-Keys of writes, kept a day in the store, so a retry is answered once.
  let idempotency: IdempotencyGuard;
  try {
    idempotency = await IdempotencyGuard.open(service.keyStore, service.clock, config.dataDir);
  } catch (err) {
    await service.close();
    throw err;
  }
  const probe =
    store instanceof PostgresStore
      ? postgresProbe(store, clock)
      : sqliteProbe(config.dataDir, replica);
  const manager = newAgents.find((a) => a.agent.role === 'manager');
  const firstManager = manager ? { name: manager.agent.name, token: manager.token } : null;
  const server = await createHubServer({
    api: service,
    authenticate: (token) => service.authenticate(token),
    ...(store?.sharedSettings ? { refreshTeam: () => service.refreshSettings() } : {}),
    ...(store?.attempts
      ? {
          sharedAttempts: (key: string, windowMs: number) =>
            store.attempts!.count(key, clock.now(), windowMs),
        }
      : {}),
    onSignIn: (agent, client) => service.recordSignIn(agent, client),
    webRoot: config.webRoot,
    logger: options.logger ?? false,
    logStream: options.logStream ?? scrubbingStream(configuredSecrets(config)),
    health: async () =>
      hubHealth(
        probe,
        state,
        replica,
        (await service.listAccounts()).map((a) => a.id),
      ),
    readiness: () => state.readiness,
    onAgentLeft: (agentId) => service.agentLeft(agentId),
    onAgentChanged: (listener) => service.onAgentChanged(listener),
    // Facebook names the public address in the deliveries' Host.
    allowedHosts: allowedHostNames(config.host, [
      ...config.allowedHosts,
      ...(webhooks.callbackUrl ? [new URL(webhooks.callbackUrl).hostname] : []),
    ]),
    tls,
    signInLimit: config.signInLimit,
    trustedProxies: config.trustedProxies,
    idempotency,
    facebookWebhooks: {
      verifyToken: webhooks.callbackUrl ? config.facebookVerifyToken : null,
      appSecret: webhooks.callbackUrl ? config.graphAppSecret : null,
      receive: (payload) => service.receiveFacebookWebhook(payload),
    },
  });
  try {
    // The opening answers give the port to the hub's own.
    await opening.close();
    await server.listen({ host: config.host, port: opening.port });
  } catch (err) {
    await idempotency.close();
    await service.close();
    await probe.close();
    throw err;
  }
  // The store is open and at its schema, the routes listen: the load balancer may send work.
  state.ready();
  let closing: Promise<void> | null = null;
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: hubUrl(config, port),
    notices: [
      ...networkNotices(config),
      ...webhooks.notices,
      ...(config.database && sealer == null
        ? [
            "Platform credentials stay in this replica's keychain: another replica cannot sync these accounts if this one stops. Give every replica the same --secrets-key-file to share them, sealed, in the database.",
          ]
        : []),
    ],
    service,
    firstManager,
    newAgents,
    replica,
    state,
    close() {
      closing ??= (async () => {
        state.drain();
        server.log.info({ replica }, 'draining: not ready, answering what is under way');
        // The proxy's health check sees 503 and sends new work to another replica meanwhile.
        if (config.drainDelayMs > 0)
          await new Promise((resolve) => setTimeout(resolve, config.drainDelayMs));
        await server.close();
        await idempotency.close();
        await service.close();
        await probe.close();
        server.log.info({ replica }, 'stopped: sync leases given up, the store closed');
      })();
      return closing;
    },
  };
}

/**
 * Drains and closes the hub on SIGINT/SIGTERM, then exits (0); one that takes longer than
 * `timeoutMs` exits anyway (1), saying so.
 */
export function closeOnSignals(close: () => Promise<void>, timeoutMs = 25_000): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: draining (at most ${timeoutMs} ms), then stopping`);
    const late = setTimeout(() => {
      console.error(`The hub did not finish draining within ${timeoutMs} ms: stopping now`);
      process.exit(1);
    }, timeoutMs);
    close().then(
      () => {
        clearTimeout(late);
        console.log('Stopped: every request answered, the store closed');
        process.exit(0);
      },
      (err: unknown) => {
        console.error('Error while closing:', (err as Error).message);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
