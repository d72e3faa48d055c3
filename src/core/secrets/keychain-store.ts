import { createRequire } from 'node:module';
import type * as NapiKeyring from '@napi-rs/keyring';
import type { AsyncEntry, EntryOptions } from '@napi-rs/keyring';
import { KeytarSecretService } from './keytar-secret-service';
import type { LegacyKeychain } from './keytar-secret-service';
import type { SecretStore } from './secret-store';

/** The OS keychain's calls, as this store uses them: one secret per service and account. */
export interface Keychain {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  delete(service: string, account: string): Promise<boolean>;
}

export type KeychainFailure = 'absent' | 'locked' | 'denied' | 'failed';

const advice: Record<KeychainFailure, string> = {
  absent:
    'No OS keychain is reachable. On Linux, start a Secret Service (GNOME Keyring or KWallet) in your session; Social Inbox never falls back to keeping credentials in a file.',
  locked: 'The OS keychain is locked. Unlock it, then try again.',
  denied: 'The OS keychain refused access to Social Inbox. Allow access, then try again.',
  failed: 'The OS keychain could not be used.',
};

/** A keychain failure with what the user should do about it. Never carries a secret. */
export class KeychainError extends Error {
  override readonly name = 'KeychainError';
  constructor(
    readonly kind: KeychainFailure,
    readonly detail: string,
  ) {
    super(`${advice[kind]} (${detail})`);
  }
}

/** Sorts the platform keychains' error messages into what the user can act on. */
export function classifyKeychainError(message: string): KeychainFailure {
  if (
    /could not connect|not provided by any \.service|autolaunch|dbus_session_bus_address|cannot load @napi-rs\/keyring|failed to connect to socket|no such interface|serviceunknown/i.test(
      message,
    )
  ) {
    return 'absent';
  }
  if (/locked|cannot unlock|unlock/i.test(message)) return 'locked';
  if (/denied|not authori[sz]ed|cancel|dismissed|user interaction/i.test(message)) return 'denied';
  return 'failed';
}

type Keyring = typeof NapiKeyring;

/**
 * On Linux, only ever the Secret Service: without this, @napi-rs/keyring falls back to the kernel's
 * keyring, which forgets everything at reboot and is no place for credentials.
 */
const options: EntryOptions = { linux: { store: 'secret-service' } };

/** The OS keychain through @napi-rs/keyring (prebuilt N-API binaries: nothing to compile). */
export class NapiKeychain implements Keychain {
  private keyring: Keyring | null = null;

  get(service: string, account: string): Promise<string | null> {
    return this.entry(service, account).getPassword();
  }

  set(service: string, account: string, secret: string): Promise<void> {
    return this.entry(service, account).setPassword(secret);
  }

  delete(service: string, account: string): Promise<boolean> {
    return this.entry(service, account).deletePassword();
  }

  private entry(service: string, account: string): AsyncEntry {
    this.keyring ??= loadKeyring();
    return new this.keyring.AsyncEntry(service, account, options);
  }
}

function loadKeyring(): Keyring {
  try {
    return createRequire(import.meta.url)('@napi-rs/keyring') as Keyring;
  } catch (err) {
    throw new KeychainError('absent', `cannot load @napi-rs/keyring: ${(err as Error).message}`);
  }
}

/**
 * What keytar stored before this store moved to @napi-rs/keyring, where the two differ: on Linux
 * (and the BSDs) keytar's Secret Service items carry an `account` attribute where @napi-rs/keyring
 * uses `username`. On macOS both use the same Keychain item (service and account), so there is
 * nothing to move.
 */
function legacyKeychain(): LegacyKeychain | null {
  return ['linux', 'freebsd', 'openbsd'].includes(process.platform)
    ? new KeytarSecretService()
    : null;
}

/**
 * Credentials in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on
 * Linux) through @napi-rs/keyring, under one service name. Only the Electron main process and the
 * hub use it. On Linux, a secret still in the form keytar stored it is found too and moved to the
 * new form on first read; writing or deleting a key removes any such old copy, so it can never
 * come back. (keytar's Windows credentials, named `service/account` and holding UTF-8, are not
 * read: @napi-rs/keyring names them `account.service` and reads UTF-16.)
 */
export class KeychainSecretStore implements SecretStore {
  constructor(
    readonly service = 'Social Inbox',
    private readonly keychain: Keychain = new NapiKeychain(),
    private readonly legacy: LegacyKeychain | null = legacyKeychain(),
  ) {}

  /** The secret, or null when the keychain holds none for this key. */
  get(key: string): Promise<string | null> {
    return this.call(async () => {
      const secret = await this.keychain.get(this.service, key);
      if (secret !== null || this.legacy === null) return secret;
      const old = await this.legacy.read(this.service, key);
      if (old === null) return null;
      // Copied before the old item goes: a crash in between leaves both, never neither.
      await this.keychain.set(this.service, key, old);
      await this.legacy.remove(this.service, key);
      return old;
    });
  }

  /** Stores or replaces the secret; the keychain swaps it in one operation. */
  set(key: string, secret: string): Promise<void> {
    return this.call(async () => {
      await this.keychain.set(this.service, key, secret);
      await this.legacy?.remove(this.service, key);
    });
  }

  delete(key: string): Promise<boolean> {
    return this.call(async () => {
      const deleted = await this.keychain.delete(this.service, key);
      const old = (await this.legacy?.remove(this.service, key)) ?? false;
      return deleted || old;
    });
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof KeychainError) throw err;
      const message = String((err as Error)?.message ?? err);
      throw new KeychainError(classifyKeychainError(message), message);
    }
  }
}
