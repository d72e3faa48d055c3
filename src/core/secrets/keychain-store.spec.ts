import { describe, expect, it } from 'vitest';
import { classifyKeychainError, KeychainError, KeychainSecretStore } from './keychain-store';
import type { Keychain } from './keychain-store';
import type { LegacyKeychain } from './keytar-secret-service';

describe('classifyKeychainError', () => {
  it.each([
    ['Could not connect: No such file or directory', 'absent'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'absent'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'absent'],
    [
      'Platform failure: DBus error: Failed to connect to socket /run/user/1000/bus: No such file or directory',
      'absent',
    ],
    [
      'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead',
      'absent',
    ],
    ['Cannot create an item in a locked collection', 'locked'],
    ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'locked'],
    ['User canceled the operation.', 'denied'],
    ['The user name or passphrase you entered is not correct.', 'failed'],
  ])('sorts "%s" as %s', (message, kind) => {
    expect(classifyKeychainError(message)).toBe(kind);
  });
});

/** A keychain in memory, keyed by service and account. */
function memoryKeychain(entries = new Map<string, string>()): Keychain & {
  entries: Map<string, string>;
} {
  const k = (service: string, account: string) => `${service}\u0000${account}`;
  return {
    entries,
    get: async (service, account) => entries.get(k(service, account)) ?? null,
    set: async (service, account, secret) => void entries.set(k(service, account), secret),
    delete: async (service, account) => entries.delete(k(service, account)),
  };
}

describe('KeychainSecretStore errors', () => {
  it('wraps a keychain failure with advice and without the secret', async () => {
    const failing: Keychain = {
      get: () => Promise.reject(new Error('Could not connect: No such file or directory')),
      set: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      delete: () => Promise.resolve(false),
    };
    const store = new KeychainSecretStore('Social Inbox', failing, null);
    const error = await store.set('x:1', 'super-secret-token').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeychainError);
    expect(error).toMatchObject({ kind: 'locked' });
    expect(String((error as Error).message)).not.toContain('super-secret-token');
    await expect(store.get('x:1')).rejects.toMatchObject({ kind: 'absent' });
  });

  it('keeps the copy of an old secret when the old item cannot be deleted', async () => {
    const keychain = memoryKeychain();
    const legacy: LegacyKeychain = {
      read: async () => 'old-token',
      remove: () => Promise.reject(new Error('Cannot delete an item in a locked collection')),
    };
    const store = new KeychainSecretStore('Social Inbox', keychain, legacy);
    await expect(store.get('x:1')).rejects.toMatchObject({ kind: 'locked' });
    expect(await keychain.get('Social Inbox', 'x:1')).toBe('old-token');
  });
});
