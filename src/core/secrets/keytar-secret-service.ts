import type { EventEmitter } from 'node:events';
import type * as DBusNext from '@jellybrick/dbus-next';
import type { Message as DBusMessage, MessageBus, Variant } from '@jellybrick/dbus-next';

/**
 * Secrets that keytar (this app's keychain module before @napi-rs/keyring) left in the Secret
 * Service on Linux. keytar stored each one through libsecret with the attributes
 * `xdg:schema=org.freedesktop.Secret.Generic`, `service` and `account`; @napi-rs/keyring stores
 * and looks up `service` and `username` instead, so it never finds them. This reads, and deletes,
 * those items over the Secret Service's D-Bus API (a pure JavaScript client: nothing to compile).
 */
export interface LegacyKeychain {
  /** The secret keytar stored for this service and account, or null when there is none. */
  read(service: string, account: string): Promise<string | null>;
  /** Deletes what keytar stored for this service and account; true when something was deleted. */
  remove(service: string, account: string): Promise<boolean>;
}

const SECRETS = 'org.freedesktop.secrets';
const SERVICE_PATH = '/org/freedesktop/secrets';
const SERVICE = 'org.freedesktop.Secret.Service';
const ITEM = 'org.freedesktop.Secret.Item';
const PROMPT = 'org.freedesktop.Secret.Prompt';
/** The Secret Service's "no prompt needed" object path. */
const NO_PROMPT = '/';

/** The attributes libsecret gave an item that keytar stored (keytar's schema, and its name). */
export function keytarAttributes(service: string, account: string): Record<string, string> {
  return { 'xdg:schema': 'org.freedesktop.Secret.Generic', service, account };
}

/** An unlock prompt the user (or a session without any UI to show it) dismissed. */
export class PromptDismissedError extends Error {
  override readonly name = 'PromptDismissedError';
  constructor() {
    super('Secret Service: unlock prompt was dismissed');
  }
}

type DBus = typeof DBusNext;

/**
 * One connection to the session bus (at `busAddress`, or the session's own), closed when `run` is
 * done, whatever happens.
 */
async function withSecretService<T>(
  busAddress: string | undefined,
  run: (client: Client) => Promise<T>,
): Promise<T> {
  const dbus: DBus = await import('@jellybrick/dbus-next');
  const bus = dbus.sessionBus(busAddress === undefined ? {} : { busAddress });
  // A connection that fails (no bus at that address) is reported as an 'error' event.
  const failed = new Promise<never>((_, reject) => (bus as EventEmitter).on('error', reject));
  // Handled here too, so a failure after `run` is done is no unhandled rejection.
  failed.catch(() => undefined);
  try {
    return await Promise.race([run(new Client(dbus, bus)), failed]);
  } finally {
    bus.disconnect();
  }
}

class Client {
  constructor(
    private readonly dbus: DBus,
    private readonly bus: MessageBus,
  ) {}

  async call(
    path: string,
    iface: string,
    member: string,
    signature = '',
    body: unknown[] = [],
  ): Promise<unknown[]> {
    const reply = await this.bus.call(
      new this.dbus.Message({
        destination: SECRETS,
        path,
        interface: iface,
        member,
        signature,
        body,
      }),
    );
    return reply?.body ?? [];
  }

  /** A session that carries secrets as they are ("plain"): the bus is local to this user. */
  async openSession(): Promise<string> {
    const [, session] = await this.call(SERVICE_PATH, SERVICE, 'OpenSession', 'sv', [
      'plain',
      new this.dbus.Variant('s', ''),
    ]);
    return session as string;
  }

  /** The items with these attributes, unlocking locked ones (which may ask the user). */
  async unlockedItems(attributes: Record<string, string>): Promise<string[]> {
    const [unlocked, locked] = (await this.call(SERVICE_PATH, SERVICE, 'SearchItems', 'a{ss}', [
      attributes,
    ])) as [string[], string[]];
    if (locked.length === 0) return unlocked;
    const [nowUnlocked, prompt] = (await this.call(SERVICE_PATH, SERVICE, 'Unlock', 'ao', [
      locked,
    ])) as [string[], string];
    const promptUnlocked =
      prompt === NO_PROMPT ? [] : ((await this.prompt(prompt)).value as string[]);
    return [...unlocked, ...nowUnlocked, ...promptUnlocked];
  }

  /** Shows a prompt and waits for its answer; rejects when it is dismissed. */
  async prompt(path: string): Promise<Variant> {
    const rule = `type='signal',sender='${SECRETS}',interface='${PROMPT}',member='Completed',path='${path}'`;
    await this.bus.call(
      new this.dbus.Message({
        destination: 'org.freedesktop.DBus',
        path: '/org/freedesktop/DBus',
        interface: 'org.freedesktop.DBus',
        member: 'AddMatch',
        signature: 's',
        body: [rule],
      }),
    );
    const completed = new Promise<DBusMessage>((resolve) => {
      const listen = (message: DBusMessage) => {
        if (message.path !== path || message.interface !== PROMPT) return;
        if (message.member !== 'Completed') return;
        this.bus.off('message', listen);
        resolve(message);
      };
      this.bus.on('message', listen);
    });
    await this.call(path, PROMPT, 'Prompt', 's', ['']);
    const [dismissed, result] = (await completed).body as [boolean, Variant];
    if (dismissed) throw new PromptDismissedError();
    return result;
  }
}

/** keytar's items in the session's Secret Service (Linux and the BSDs). */
export class KeytarSecretService implements LegacyKeychain {
  /** `busAddress`: a D-Bus address; the session's (DBUS_SESSION_BUS_ADDRESS) by default. */
  constructor(private readonly busAddress?: string) {}

  read(service: string, account: string): Promise<string | null> {
    return withSecretService(this.busAddress, async (client) => {
      const [item] = await client.unlockedItems(keytarAttributes(service, account));
      if (item === undefined) return null;
      const session = await client.openSession();
      try {
        // (session, parameters, value, content type): the value is the secret's bytes, UTF-8.
        const [secret] = (await client.call(item, ITEM, 'GetSecret', 'o', [session])) as [
          [string, Buffer, Buffer, string],
        ];
        return Buffer.from(secret[2]).toString('utf8');
      } finally {
        await client.call(session, 'org.freedesktop.Secret.Session', 'Close');
      }
    });
  }

  remove(service: string, account: string): Promise<boolean> {
    return withSecretService(this.busAddress, async (client) => {
      const items = await client.unlockedItems(keytarAttributes(service, account));
      for (const item of items) {
        const [prompt] = (await client.call(item, ITEM, 'Delete')) as [string];
        if (prompt !== NO_PROMPT) await client.prompt(prompt);
      }
      return items.length > 0;
    });
  }
}
