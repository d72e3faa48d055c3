import { createRequire } from 'node:module';
import type { SecretStore } from './secret-store';

/** keytar's calls, as this store uses them. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
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
    /could not connect|not provided by any \.service|autolaunch|dbus_session_bus_address|cannot load keytar|no such interface|serviceunknown/i.test(
      message,
    )
  ) {
    return 'absent';
  }
  if (/locked|cannot unlock|unlock/i.test(message)) return 'locked';
  if (/denied|not authori[sz]ed|cancel|dismissed|user interaction/i.test(message)) return 'denied';
  return 'failed';
}

function loadKeytar(): KeytarLike {
  try {
    return createRequire(import.meta.url)('keytar') as KeytarLike;
  } catch (err) {
    throw new KeychainError('absent', `cannot load keytar: ${(err as Error).message}`);
  }
}

/**
 * Credentials in the OS keychain (macOS Keychain, Windows Credential Vault, Secret Service on
 * Linux) through keytar, under one service name. Only the Electron main process and the hub use it.
 */
export class KeychainSecretStore implements SecretStore {
  private keytar: KeytarLike | null;

  constructor(
    readonly service = 'Social Inbox',
    keytar: KeytarLike | null = null,
  ) {
    this.keytar = keytar;
  }

  /** The secret, or null when the keychain holds none for this key (or hides it while locked). */
  get(key: string): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, key));
  }

  /** Stores or replaces the secret; the keychain swaps it in one operation. */
  set(key: string, secret: string): Promise<void> {
    return this.call((k) => k.setPassword(this.service, key, secret));
  }

  delete(key: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, key));
  }

  private async call<T>(run: (keytar: KeytarLike) => Promise<T>): Promise<T> {
    this.keytar ??= loadKeytar();
    try {
      return await run(this.keytar);
    } catch (err) {
      if (err instanceof KeychainError) throw err;
      const message = String((err as Error)?.message ?? err);
      throw new KeychainError(classifyKeychainError(message), message);
    }
  }
}
