import { describe, expect, it } from 'vitest';
import { classifyKeychainError, KeychainError, KeychainSecretStore } from './keychain-store';

describe('classifyKeychainError', () => {
  it.each([
    ['Could not connect: No such file or directory', 'absent'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'absent'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'absent'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['User canceled the operation.', 'denied'],
    ['The user name or passphrase you entered is not correct.', 'failed'],
  ])('sorts "%s" as %s', (message, kind) => {
    expect(classifyKeychainError(message)).toBe(kind);
  });
});

describe('KeychainSecretStore errors', () => {
  it('wraps a keychain failure with advice and without the secret', async () => {
    const failing = {
      getPassword: () => Promise.reject(new Error('Could not connect: No such file or directory')),
      setPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      deletePassword: () => Promise.resolve(false),
    };
    const store = new KeychainSecretStore('Social Inbox', failing);
    const error = await store.set('x:1', 'super-secret-token').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeychainError);
    expect(error).toMatchObject({ kind: 'locked' });
    expect(String((error as Error).message)).not.toContain('super-secret-token');
    await expect(store.get('x:1')).rejects.toMatchObject({ kind: 'absent' });
  });
});
