import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { NEWEST_GRAPH_VERSION } from '../src/shared/graph-versions';

/** Whether the app runs against the built-in emulator: forced on, forced off, or when nothing is set up. */
export type DemoChoice = 'on' | 'off' | 'auto';

export interface DesktopConfig {
  demo: DemoChoice;
  xBaseUrl: string;
  graphBaseUrl: string;
  graphVersion: string;
  pollIntervalMs: number;
  /** Sign-in pages and the platform apps the account connections go through. */
  xWebBaseUrl: string;
  facebookWebBaseUrl: string;
  xClientId: string | null;
  facebookAppId: string | null;
  /** The Facebook app's secret; only main reads it, never the window. */
  graphAppSecret: string | null;
  /** Overrides Electron's userData folder (the store, the single-instance lock), e.g. for tests. */
  userDataDir: string | null;
}

export const DESKTOP_DEFAULTS = {
  xBaseUrl: 'https://api.x.com',
  graphBaseUrl: 'https://graph.facebook.com',
  graphVersion: NEWEST_GRAPH_VERSION,
  pollIntervalMs: 60_000,
  xWebBaseUrl: 'https://x.com',
  facebookWebBaseUrl: 'https://www.facebook.com',
} as const;

/** How often demo mode polls the emulator, at most: its scenario keeps comments arriving. */
export const DEMO_POLL_MS = 15_000;

export const DESKTOP_ENVIRONMENT = `Environment:
  SOCIAL_INBOX_DEMO=1|0          demo mode on or off (default: on while no account is connected)
  SOCIAL_INBOX_X_BASE_URL        X API             (default ${DESKTOP_DEFAULTS.xBaseUrl})
  SOCIAL_INBOX_GRAPH_BASE_URL    Graph API         (default ${DESKTOP_DEFAULTS.graphBaseUrl})
  SOCIAL_INBOX_GRAPH_VERSION     Graph API version (default ${DESKTOP_DEFAULTS.graphVersion})
  SOCIAL_INBOX_POLL_MS           poll interval     (default ${DESKTOP_DEFAULTS.pollIntervalMs})
  SOCIAL_INBOX_X_CLIENT_ID       X app OAuth 2.0 client id, to connect X accounts
  SOCIAL_INBOX_FACEBOOK_APP_ID   Facebook app id, to connect Pages (with SOCIAL_INBOX_GRAPH_APP_SECRET)
  SOCIAL_INBOX_GRAPH_APP_SECRET  Facebook app secret (Facebook Login, appsecret_proof)
  SOCIAL_INBOX_X_WEB_URL         X sign-in pages   (default ${DESKTOP_DEFAULTS.xWebBaseUrl})
  SOCIAL_INBOX_FACEBOOK_WEB_URL  Facebook login    (default ${DESKTOP_DEFAULTS.facebookWebBaseUrl})
  SOCIAL_INBOX_USER_DATA         folder of the app's data (default: the OS's per-user app folder)
Flags: --demo forces demo mode, --solo turns it off.`;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const ConfigSchema = z.object({
  xBaseUrl: z.url({ protocol: /^https?$/ }),
  graphBaseUrl: z.url({ protocol: /^https?$/ }),
  graphVersion: z.string().regex(/^v\d+\.\d+$/, 'expected a Graph version such as v26.0'),
  pollIntervalMs: z.coerce.number().int().min(1000),
  xWebBaseUrl: z.url({ protocol: /^https?$/ }),
  facebookWebBaseUrl: z.url({ protocol: /^https?$/ }),
});

const envNames: Record<keyof z.input<typeof ConfigSchema>, string> = {
  xBaseUrl: 'SOCIAL_INBOX_X_BASE_URL',
  graphBaseUrl: 'SOCIAL_INBOX_GRAPH_BASE_URL',
  graphVersion: 'SOCIAL_INBOX_GRAPH_VERSION',
  pollIntervalMs: 'SOCIAL_INBOX_POLL_MS',
  xWebBaseUrl: 'SOCIAL_INBOX_X_WEB_URL',
  facebookWebBaseUrl: 'SOCIAL_INBOX_FACEBOOK_WEB_URL',
};

function demoChoice(argv: readonly string[], value: string | undefined): DemoChoice {
  const demoFlag = argv.includes('--demo');
  const soloFlag = argv.includes('--solo');
  if (demoFlag && soloFlag) throw new ConfigError('--demo and --solo cannot be used together');
  if (demoFlag) return 'on';
  if (soloFlag) return 'off';
  const setting = value?.trim().toLowerCase();
  if (setting == null || setting === '') return 'auto';
  if (['1', 'true', 'yes', 'on'].includes(setting)) return 'on';
  if (['0', 'false', 'no', 'off'].includes(setting)) return 'off';
  throw new ConfigError(`SOCIAL_INBOX_DEMO: expected 1 or 0, got "${value}"`);
}

/**
 * The desktop app's settings from its command line and environment. Electron and Chromium add
 * their own switches to argv, so only our two flags are looked at. Throws ConfigError.
 */
export function parseDesktopConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): DesktopConfig {
  const demo = demoChoice(argv, env.SOCIAL_INBOX_DEMO);
  const pick = (key: keyof typeof envNames) => {
    const value = env[envNames[key]]?.trim();
    return value ? value : String(DESKTOP_DEFAULTS[key]);
  };
  const parsed = ConfigSchema.safeParse({
    xBaseUrl: pick('xBaseUrl'),
    graphBaseUrl: pick('graphBaseUrl'),
    graphVersion: pick('graphVersion'),
    pollIntervalMs: pick('pollIntervalMs'),
    xWebBaseUrl: pick('xWebBaseUrl'),
    facebookWebBaseUrl: pick('facebookWebBaseUrl'),
  });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues
        .map((issue) => {
          const key = issue.path[0] as keyof typeof envNames | undefined;
          return `${key ? envNames[key] : 'configuration'}: ${issue.message}`;
        })
        .join('\n'),
    );
  }
  const facebookAppId = env.SOCIAL_INBOX_FACEBOOK_APP_ID?.trim() || null;
  if (facebookAppId != null && !/^[0-9]{1,30}$/.test(facebookAppId)) {
    throw new ConfigError(`SOCIAL_INBOX_FACEBOOK_APP_ID: expected digits, got "${facebookAppId}"`);
  }
  const userDataDir = env.SOCIAL_INBOX_USER_DATA?.trim();
  if (userDataDir && !isAbsolute(userDataDir)) {
    throw new ConfigError(
      `SOCIAL_INBOX_USER_DATA: expected an absolute path, got "${userDataDir}"`,
    );
  }
  return {
    demo,
    ...parsed.data,
    userDataDir: userDataDir || null,
    xClientId: env.SOCIAL_INBOX_X_CLIENT_ID?.trim() || null,
    facebookAppId,
    graphAppSecret: env.SOCIAL_INBOX_GRAPH_APP_SECRET?.trim() || null,
    xBaseUrl: parsed.data.xBaseUrl.replace(/\/+$/, ''),
    graphBaseUrl: parsed.data.graphBaseUrl.replace(/\/+$/, ''),
  };
}

/** Demo mode when asked for, or by default while no account is connected. */
export function chooseMode(demo: DemoChoice, connectedAccounts: number): 'demo' | 'solo' {
  if (demo === 'on') return 'demo';
  if (demo === 'off') return 'solo';
  return connectedAccounts === 0 ? 'demo' : 'solo';
}
