import { FACEBOOK_DEFAULT_WEB_URL } from './auth/facebook-oauth';
import { X_DEFAULT_WEB_URL } from './auth/x-oauth';
import { GRAPH_DEFAULT_BASE_URL, GRAPH_DEFAULT_VERSION } from './connectors/facebook/graph-client';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './connectors/platform-error';
import { X_DEFAULT_BASE_URL } from './connectors/x/x-client';
import { MemorySecretStore } from './secrets/secret-store';
import type { SecretStore } from './secrets/secret-store';
import { nodeFileSystem } from './store/file-system';
import type { FileSystem } from './store/file-system';
import type { InboxStore } from './store/port';
import type { ImportProgress } from './store/sql/import-readers';
import { systemClock } from './time/clock';
import { TRANSLATION_DEFAULTS } from './translation/translation-settings';
import type { TranslationSettings } from './translation/translation-settings';
import type { Clock } from './time/clock';

export interface InboxServiceOptions {
  /** Folder of the lowdb store. */
  dataDir: string;
  /** X API base URL, e.g. https://api.x.com (the emulator: http://127.0.0.1:PORT/x). */
  xBaseUrl?: string;
  /** Graph API base URL, e.g. https://graph.facebook.com (the emulator: http://127.0.0.1:PORT/graph). */
  graphBaseUrl?: string;
  graphVersion?: string;
  /** Facebook app secret: when set, every Graph call carries `appsecret_proof`. */
  graphAppSecret?: string | null;
  /** The Facebook app's id, for Facebook Login (with `graphAppSecret`). */
  facebookAppId?: string | null;
  /** Where Facebook's login dialog lives: https://www.facebook.com (the emulator: …/facebook-web). */
  facebookWebBaseUrl?: string;
  /** The X app's OAuth 2.0 client id, for connecting X accounts. */
  xClientId?: string | null;
  /** Only for a confidential X app. */
  xClientSecret?: string | null;
  /** Where X's authorize page lives: https://x.com (the emulator: …/x-web). */
  xWebBaseUrl?: string;
  /**
   * The public URL at which Facebook reaches the hub's `/webhooks/facebook`; when set, connected
   * Pages are subscribed to the app's `feed` webhooks. Null: polling alone.
   */
  facebookWebhookUrl?: string | null;
  /** Poll interval in ms. */
  pollIntervalMs?: number;
  /** First wait after a platform server error; doubles with each failure in a row. */
  retryBaseMs?: number;
  /** How long one platform call may take before it is given up as transient (default 20 s). */
  requestTimeoutMs?: number;
  /** Name of the client host for provenance, e.g. "desktop:hostname" or "hub:hostname". */
  clientName?: string;
  /** Where credentials live; the OS keychain in the app, memory in demo mode. */
  secrets?: SecretStore;
  /**
   * Where several processes share the store (PostgreSQL): how long an account's sync lease lasts
   * unless its holder renews it, so how soon another process takes over a dead one (default 15 s).
   */
  syncLeaseMs?: number;
  /**
   * Where several processes share the store: this one's name as the holder of leases (unique to
   * each run; by default the client name and a random part).
   */
  replicaName?: string | null;
  /** Where several processes share the store: how often replies another one left are taken up (2 s). */
  outboxAdoptMs?: number;
  /** A presence not reported again for this long is dropped (default 60 s). */
  presenceTtlMs?: number;
  /** Where the inbox reads the time (the system's clock; tests pass their own). */
  clock?: Clock;
  /** What the settings file is written with (node:fs; tests inject storage faults). */
  fileSystem?: FileSystem;
  /**
   * The store, opened by the caller (its engine, or a test's handle on it); by default the data
   * folder's embedded store (`inbox.db`). The inbox closes it when it closes.
   */
  store?: InboxStore | null;
  /** Told how far the one-time move of a data folder of files into the store is. */
  onOpenProgress?: ((progress: ImportProgress) => void) | null;
  /**
   * Lists and searches the queue on a thread of its own, and makes reports on another, so that
   * writes never wait behind them (the hub and the desktop app; tests read on the event loop unless
   * they say so): for the embedded store the inbox opens itself. A PostgreSQL store given has its
   * reports made on a thread (its lists are the server's work).
   */
  readThreads?: boolean;
  /** Which translation service translates posts, and where; its key is read from `secrets`. */
  translation?: TranslationSettings;
}

/** The options with every default filled in: what the inbox's parts are configured with. */
export type InboxConfig = Required<InboxServiceOptions>;

export function withDefaults(options: InboxServiceOptions): InboxConfig {
  return {
    xBaseUrl: X_DEFAULT_BASE_URL,
    graphBaseUrl: GRAPH_DEFAULT_BASE_URL,
    graphVersion: GRAPH_DEFAULT_VERSION,
    graphAppSecret: null,
    facebookAppId: null,
    facebookWebBaseUrl: FACEBOOK_DEFAULT_WEB_URL,
    xClientId: null,
    xClientSecret: null,
    xWebBaseUrl: X_DEFAULT_WEB_URL,
    facebookWebhookUrl: null,
    pollIntervalMs: 60_000,
    retryBaseMs: 1000,
    requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
    clientName: 'inbox',
    secrets: new MemorySecretStore(),
    syncLeaseMs: 15_000,
    replicaName: null,
    outboxAdoptMs: 2000,
    presenceTtlMs: 60_000,
    clock: systemClock,
    fileSystem: nodeFileSystem,
    store: null,
    onOpenProgress: null,
    readThreads: false,
    translation: TRANSLATION_DEFAULTS,
    ...options,
  };
}
