import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import WebSocket from 'ws';
import { AgentSchema, InboxError } from '../src/shared';
import type { Agent, InboxClient } from '../src/shared';
import { createHttpInboxApi } from '../src/shared/client/http-client';
import type { ConnectionState, WebSocketConstructor } from '../src/shared/client/event-stream';
import type { SecretStore } from '../src/core/secrets/secret-store';

/** Where the desktop app remembers which hub it works in (the token is in the keychain). */
export function hubSettingsFile(userData: string): string {
  return join(userData, 'team-hub.json');
}

/** The keychain key of the personal token for a hub. */
export const hubTokenKey = (origin: string) => `hub:${origin}`;

export async function readHubUrl(file: string): Promise<string | null> {
  try {
    const { url } = JSON.parse(await readFile(file, 'utf8')) as { url?: unknown };
    return typeof url === 'string' && /^https?:\/\//.test(url) ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

async function writeHubUrl(file: string, origin: string | null): Promise<void> {
  if (origin == null) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify({ url: origin }));
  await rename(`${file}.tmp`, file);
}

/**
 * The InboxApi of a team hub, as the desktop's main process calls it: every request carries the
 * agent's personal token and says it comes from this desktop, and each write the Idempotency-Key
 * the window gave it (one per user action; the client makes one when none is given), kept through
 * the client's automatic retries. The token stays in main; the window only ever talks to main.
 */
export function hubApi(
  origin: string,
  token: string,
  options: { client: string; onConnectionChange?: (state: ConnectionState) => void },
): InboxClient {
  const headers = { authorization: `Bearer ${token}`, 'x-inbox-client': options.client };
  const authFetch: typeof fetch = (input, init) =>
    fetch(input, {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), ...headers },
    });
  class SignedInWebSocket extends WebSocket {
    constructor(url: string) {
      super(url, { headers });
    }
  }
  return createHttpInboxApi(origin, {
    fetch: authFetch,
    // The `ws` package's socket has the browser WebSocket's handlers, typed for its own events.
    WebSocket: SignedInWebSocket as unknown as WebSocketConstructor,
    ...(options.onConnectionChange ? { onConnectionChange: options.onConnectionChange } : {}),
  });
}

/** Checks a hub address and token by asking the hub who they belong to. */
export async function verifyHub(
  url: string,
  token: string,
  client: string,
): Promise<{ origin: string; agent: Agent }> {
  const origin = new URL(url).origin;
  try {
    const agent = AgentSchema.parse(await hubApi(origin, token, { client }).whoAmI({}));
    return { origin, agent };
  } catch (err) {
    if (err instanceof InboxError && err.code === 'unauthorized')
      throw new InboxError(
        'unauthorized',
        'The hub does not know this token: check it with your manager',
      );
    if (err instanceof InboxError && err.code === 'unavailable')
      throw new InboxError('unavailable', `No team hub answers at ${origin}: check the address`);
    throw err;
  }
}

/** The desktop's link to a team hub: the address in a settings file, the token in the keychain. */
export class TeamHubLink {
  constructor(
    private readonly settingsFile: string,
    private readonly secrets: SecretStore,
  ) {}

  /** The hub and token to work with, if the app was connected to one and the token is still there. */
  async current(): Promise<{ origin: string; token: string } | null> {
    const origin = await readHubUrl(this.settingsFile);
    if (!origin) return null;
    const token = await this.secrets.get(hubTokenKey(origin));
    return token ? { origin, token } : null;
  }

  async save(origin: string, token: string): Promise<void> {
    await this.secrets.set(hubTokenKey(origin), token);
    await writeHubUrl(this.settingsFile, origin);
  }

  async forget(): Promise<void> {
    const origin = await readHubUrl(this.settingsFile);
    if (origin) await this.secrets.delete(hubTokenKey(origin));
    await writeHubUrl(this.settingsFile, null);
  }
}

/**
 * The inbox with the desktop's hub calls answered here: connecting checks the hub and the token,
 * keeps them, then `restart` reopens the app in the hub's queue; leaving forgets them.
 */
export function withTeamHub(
  api: InboxClient,
  link: TeamHubLink,
  options: { client: string; restart: () => void },
): InboxClient {
  return new Proxy(api, {
    get(target, property, receiver) {
      if (property === 'connectHub') {
        const connectHub: InboxClient['connectHub'] = async (input) => {
          const { origin, agent } = await verifyHub(input.url, input.token.trim(), options.client);
          await link.save(origin, input.token.trim());
          options.restart();
          return agent;
        };
        return connectHub;
      }
      if (property === 'leaveHub') {
        const leaveHub: InboxClient['leaveHub'] = async () => {
          await link.forget();
          options.restart();
          return { done: true };
        };
        return leaveHub;
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
