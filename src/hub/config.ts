import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LIBRETRANSLATE_DEFAULT_URL } from '../core/translation/libretranslate-provider';
import { NEWEST_GRAPH_VERSION } from '../shared/graph-versions';
import { isPostgresUrl } from '../core/store/pg/pg-client';

export const HUB_DEFAULT_PORT = 8787;
export const HUB_DEFAULT_SIGN_IN_LIMIT = 30;

/** A DNS name or an IP address (IPv6 in brackets or not), as clients write it in the address. */
const HostNameSchema = z
  .string()
  .regex(
    /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$|^\[?[0-9a-f:.]+\]?$/i,
    'expected host names separated by commas, e.g. inbox.example.com,10.0.0.5',
  );

/** An address, a CIDR range, or one of proxy-addr's names for a kind of private network. */
const TrustedProxySchema = z.string().refine(
  (entry) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || rest.length > 0) return false;
    if (bits == null) return true;
    const n = Number(bits);
    return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
  },
  {
    message:
      'expected addresses or CIDR ranges separated by commas (e.g. 10.0.0.2,172.16.0.0/12), or loopback, linklocal, uniquelocal',
  },
);

const ConfigSchema = z
  .object({
    host: z.string().min(1),
    port: z.coerce.number().int().min(0).max(65535),
    dataDir: z.string().min(1),
    xBaseUrl: z.url({ protocol: /^https?$/ }),
    graphBaseUrl: z.url({ protocol: /^https?$/ }),
    graphVersion: z.string().regex(/^v\d+\.\d+$/, 'expected a Graph version such as v26.0'),
    graphAppSecret: z.string().min(8).nullable(),
    xWebBaseUrl: z.url({ protocol: /^https?$/ }),
    facebookWebBaseUrl: z.url({ protocol: /^https?$/ }),
    xClientId: z.string().min(1).max(200).nullable(),
    xClientSecret: z.string().min(1).max(200).nullable(),
    facebookAppId: z
      .string()
      .regex(/^[0-9]{1,30}$/, 'expected a Facebook app id (digits)')
      .nullable(),
    /** Where Facebook reaches the hub (its webhooks go to `<publicUrl>/webhooks/facebook`). */
    publicUrl: z.url({ protocol: /^https?$/ }).nullable(),
    /** The token Facebook's webhook verification carries (the app's webhook settings). */
    facebookVerifyToken: z.string().min(8).max(500).nullable(),
    pollIntervalMs: z.coerce.number().int().min(1000),
    webRoot: z.string().nullable(),
    /** PEM certificate (with its chain) and private key: the hub then serves HTTPS and WSS only. */
    tlsCert: z.string().min(1).nullable(),
    tlsKey: z.string().min(1).nullable(),
    /** Names clients use to reach the hub, besides the loopback names and the bound address. */
    allowedHosts: z.array(HostNameSchema).max(100),
    /** Sign-in attempts per client address and minute. */
    signInLimit: z.coerce.number().int().min(1).max(100_000),
    /**
     * The reverse proxies in front of the hub (addresses, CIDR ranges, or proxy-addr's names
     * loopback, linklocal, uniquelocal): a request from one of them is from the client its
     * X-Forwarded-For names, for the sign-in limit and the logs. Empty: the header is ignored.
     */
    trustedProxies: z.array(TrustedProxySchema).max(100),
    /** How long an agent's presence lasts without a new report (ms). */
    presenceTtlMs: z.coerce.number().int().min(1000).max(3_600_000),
    /** A PostgreSQL database for the store (null: the data folder's embedded SQLite store). */
    database: z
      .string()
      .refine(
        isPostgresUrl,
        'expected a postgres:// URL, e.g. postgres://inbox@db.example.com/inbox',
      )
      .nullable(),
    /** PEM file of the authorities the database server's certificate is checked against. */
    databaseCa: z.string().min(1).nullable(),
    /**
     * The file of the key that seals the secrets the replicas share in the database (platform
     * credentials, service keys); null: each replica keeps them in its own keychain.
     */
    secretsKeyFile: z.string().min(1).nullable(),
    /** The service that translates posts (its key lives in the secret store); none: off. */
    translationProvider: z.enum(['deepl', 'libretranslate']).nullable(),
    /** DeepL's API address; null: deepl-node's choice by the key (api-free or api.deepl.com). */
    deeplUrl: z.url({ protocol: /^https?$/ }).nullable(),
    /** The LibreTranslate server (self-hosted, or https://libretranslate.com). */
    libreTranslateUrl: z.url({ protocol: /^https?$/ }),
    /** How long a stop (SIGTERM, SIGINT) may drain before the hub exits anyway. */
    shutdownTimeoutMs: z.coerce.number().int().min(1000).max(600_000),
    /** How long a stopping hub still answers (not ready) before it closes, for the proxy to notice. */
    drainDelayMs: z.coerce.number().int().min(0).max(60_000),
  })
  .refine((c) => (c.tlsCert == null) === (c.tlsKey == null), {
    message: 'give both --tls-cert and --tls-key, or neither',
    path: ['tlsKey'],
  })
  // Sealed secrets are kept in the database only: the embedded store is a data file.
  .refine((c) => c.secretsKeyFile == null || c.database != null, {
    message: '--secrets-key-file goes with --database (without one, secrets stay in the keychain)',
    path: ['secretsKeyFile'],
  });
export type HubConfig = z.infer<typeof ConfigSchema>;

export const HUB_USAGE = `Usage: npm run hub -- [options]

  --host <addr>            address to bind            (SOCIAL_INBOX_HOST, default 127.0.0.1)
  --port <n>               port, 0 for any free one   (SOCIAL_INBOX_PORT, default ${HUB_DEFAULT_PORT})
  --data <dir>             folder of the store        (SOCIAL_INBOX_DATA, default ./.data/hub)
  --x-base-url <url>       X API                      (SOCIAL_INBOX_X_BASE_URL, default https://api.x.com)
  --graph-base-url <url>   Graph API                  (SOCIAL_INBOX_GRAPH_BASE_URL, default https://graph.facebook.com)
  --graph-version <v>      Graph API version          (SOCIAL_INBOX_GRAPH_VERSION, default ${NEWEST_GRAPH_VERSION})
  --x-web-url <url>        X sign-in pages            (SOCIAL_INBOX_X_WEB_URL, default https://x.com)
  --facebook-web-url <url> Facebook login dialog      (SOCIAL_INBOX_FACEBOOK_WEB_URL, default https://www.facebook.com)
  --x-client-id <id>       X app OAuth 2.0 client id  (SOCIAL_INBOX_X_CLIENT_ID), to connect X accounts
                           confidential X apps only: SOCIAL_INBOX_X_CLIENT_SECRET (environment only)
  --facebook-app-id <id>   Facebook app id            (SOCIAL_INBOX_FACEBOOK_APP_ID), to connect Pages
                           Facebook app secret (Login, appsecret_proof): SOCIAL_INBOX_GRAPH_APP_SECRET
                           (environment only)
  --public-url <url>       the hub's address as Facebook reaches it (SOCIAL_INBOX_PUBLIC_URL), e.g.
                           https://inbox.example.com: Page webhooks go to <url>/webhooks/facebook,
                           with the verify token in SOCIAL_INBOX_FACEBOOK_VERIFY_TOKEN (environment
                           only); without it, polling alone
  --poll <ms>              poll interval              (SOCIAL_INBOX_POLL_MS, default 60000)
  --web-root <dir>         built UI to serve          (SOCIAL_INBOX_WEB_ROOT, default ./out/web)
  --tls-cert <file>        certificate (PEM, with its chain) to serve HTTPS and WSS (SOCIAL_INBOX_TLS_CERT)
  --tls-key <file>         its private key (PEM)      (SOCIAL_INBOX_TLS_KEY)
  --allowed-hosts <names>  the names clients use to reach the hub, comma-separated
                           (SOCIAL_INBOX_ALLOWED_HOSTS); loopback names and --host are always allowed,
                           a request naming another host gets 421
  --sign-in-limit <n>      sign-in attempts per client address and minute
                           (SOCIAL_INBOX_SIGN_IN_LIMIT, default ${HUB_DEFAULT_SIGN_IN_LIMIT})
  --trusted-proxies <list> the reverse proxies in front of the hub, comma-separated addresses or
                           CIDR ranges, or loopback, linklocal, uniquelocal
                           (SOCIAL_INBOX_TRUSTED_PROXIES); a request from one of them counts as
                           from the client its X-Forwarded-For names. Default none: the header
                           is ignored, so a client cannot choose its own address
  --presence-ttl <ms>      how long an agent's presence lasts without a new report, and so how long
                           a dead replica's lasts (SOCIAL_INBOX_PRESENCE_TTL_MS, default 60000)
  --database <url>         keep the store in PostgreSQL: postgres://user@host:port/db?sslmode=verify-full
                           (SOCIAL_INBOX_DATABASE_URL); without it, the embedded store in --data.
                           Give the password in SOCIAL_INBOX_DATABASE_URL, PGPASSWORD or ~/.pgpass
                           rather than on the command line; it is never logged
  --database-ca <file>     CA certificates (PEM) the database's certificate is checked against
                           (SOCIAL_INBOX_DATABASE_CA); alone, it means sslmode=verify-full
  --secrets-key-file <file> with --database: the key (32 random bytes in base64, the same file on
                           every replica, mode 600) that seals the platform credentials and service
                           keys the replicas share in the database (SOCIAL_INBOX_SECRETS_KEY_FILE);
                           without it, each replica keeps them in its own keychain
  --translation <name>     translation service: deepl or libretranslate (SOCIAL_INBOX_TRANSLATION),
                           default none; its key is read from the secret store (translation:deepl,
                           translation:libretranslate), never from a flag or a file
  --deepl-url <url>        DeepL API                  (SOCIAL_INBOX_DEEPL_URL, default by the key:
                           https://api-free.deepl.com for a key ending in :fx, else https://api.deepl.com)
  --libretranslate-url <url> LibreTranslate server    (SOCIAL_INBOX_LIBRETRANSLATE_URL,
                           default https://libretranslate.com)
  --shutdown-timeout <ms>  how long SIGTERM/SIGINT may drain requests, event connections and the
                           reply being sent before the hub exits anyway
                           (SOCIAL_INBOX_SHUTDOWN_TIMEOUT_MS, default 25000)
  --drain-delay <ms>       how long a stopping hub keeps answering, /api/ready saying 503, before it
                           closes, so the proxy sends new work elsewhere (SOCIAL_INBOX_DRAIN_DELAY_MS,
                           default 0; about the proxy's health-check interval behind one)
  --help                   show this help`;

export class ConfigError extends Error {}

/** Hub settings from flags, then environment variables, then defaults. Throws ConfigError. */
export function parseHubConfig(
  argv: string[],
  env: Record<string, string | undefined>,
  extra: Record<string, { type: 'string' | 'boolean' }> = {},
): { config: HubConfig; help: boolean; flags: Record<string, string | boolean | undefined> } {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        'x-base-url': { type: 'string' },
        'graph-base-url': { type: 'string' },
        'graph-version': { type: 'string' },
        'x-web-url': { type: 'string' },
        'facebook-web-url': { type: 'string' },
        'x-client-id': { type: 'string' },
        'facebook-app-id': { type: 'string' },
        poll: { type: 'string' },
        'public-url': { type: 'string' },
        'web-root': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'allowed-hosts': { type: 'string' },
        'sign-in-limit': { type: 'string' },
        'secrets-key-file': { type: 'string' },
        'trusted-proxies': { type: 'string' },
        'presence-ttl': { type: 'string' },
        database: { type: 'string' },
        'database-ca': { type: 'string' },
        translation: { type: 'string' },
        'deepl-url': { type: 'string' },
        'libretranslate-url': { type: 'string' },
        'shutdown-timeout': { type: 'string' },
        'drain-delay': { type: 'string' },
        help: { type: 'boolean' },
        ...extra,
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const pick = (flag: string, name: string, fallback: string) =>
    (values[flag] as string | undefined) ?? env[name] ?? fallback;
  const parsed = ConfigSchema.safeParse({
    host: pick('host', 'SOCIAL_INBOX_HOST', '127.0.0.1'),
    port: pick('port', 'SOCIAL_INBOX_PORT', String(HUB_DEFAULT_PORT)),
    dataDir: resolve(pick('data', 'SOCIAL_INBOX_DATA', '.data/hub')),
    xBaseUrl: pick('x-base-url', 'SOCIAL_INBOX_X_BASE_URL', 'https://api.x.com'),
    graphBaseUrl: pick(
      'graph-base-url',
      'SOCIAL_INBOX_GRAPH_BASE_URL',
      'https://graph.facebook.com',
    ),
    graphVersion: pick('graph-version', 'SOCIAL_INBOX_GRAPH_VERSION', NEWEST_GRAPH_VERSION),
    // A secret: read from the environment only, never from the command line.
    graphAppSecret: env.SOCIAL_INBOX_GRAPH_APP_SECRET || null,
    xWebBaseUrl: pick('x-web-url', 'SOCIAL_INBOX_X_WEB_URL', 'https://x.com'),
    facebookWebBaseUrl: pick(
      'facebook-web-url',
      'SOCIAL_INBOX_FACEBOOK_WEB_URL',
      'https://www.facebook.com',
    ),
    xClientId: pick('x-client-id', 'SOCIAL_INBOX_X_CLIENT_ID', '') || null,
    xClientSecret: env.SOCIAL_INBOX_X_CLIENT_SECRET || null,
    facebookAppId: pick('facebook-app-id', 'SOCIAL_INBOX_FACEBOOK_APP_ID', '') || null,
    publicUrl: pick('public-url', 'SOCIAL_INBOX_PUBLIC_URL', '') || null,
    // A secret: read from the environment only, never from the command line.
    facebookVerifyToken: env.SOCIAL_INBOX_FACEBOOK_VERIFY_TOKEN || null,
    pollIntervalMs: pick('poll', 'SOCIAL_INBOX_POLL_MS', '60000'),
    webRoot: resolve(pick('web-root', 'SOCIAL_INBOX_WEB_ROOT', 'out/web')),
    tlsCert: optionalPath(pick('tls-cert', 'SOCIAL_INBOX_TLS_CERT', '')),
    tlsKey: optionalPath(pick('tls-key', 'SOCIAL_INBOX_TLS_KEY', '')),
    allowedHosts: pick('allowed-hosts', 'SOCIAL_INBOX_ALLOWED_HOSTS', '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name.length > 0),
    signInLimit: pick(
      'sign-in-limit',
      'SOCIAL_INBOX_SIGN_IN_LIMIT',
      String(HUB_DEFAULT_SIGN_IN_LIMIT),
    ),
    trustedProxies: pick('trusted-proxies', 'SOCIAL_INBOX_TRUSTED_PROXIES', '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0),
    presenceTtlMs: pick('presence-ttl', 'SOCIAL_INBOX_PRESENCE_TTL_MS', '60000'),
    database: pick('database', 'SOCIAL_INBOX_DATABASE_URL', '') || null,
    databaseCa: optionalPath(pick('database-ca', 'SOCIAL_INBOX_DATABASE_CA', '')),
    secretsKeyFile: optionalPath(pick('secrets-key-file', 'SOCIAL_INBOX_SECRETS_KEY_FILE', '')),
    translationProvider: pick('translation', 'SOCIAL_INBOX_TRANSLATION', '') || null,
    deeplUrl: pick('deepl-url', 'SOCIAL_INBOX_DEEPL_URL', '') || null,
    libreTranslateUrl: pick(
      'libretranslate-url',
      'SOCIAL_INBOX_LIBRETRANSLATE_URL',
      LIBRETRANSLATE_DEFAULT_URL,
    ),
    shutdownTimeoutMs: pick('shutdown-timeout', 'SOCIAL_INBOX_SHUTDOWN_TIMEOUT_MS', '25000'),
    drainDelayMs: pick('drain-delay', 'SOCIAL_INBOX_DRAIN_DELAY_MS', '0'),
  });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  }
  return { config: parsed.data, help: values.help === true, flags: values };
}

const optionalPath = (value: string) => (value ? resolve(value) : null);
