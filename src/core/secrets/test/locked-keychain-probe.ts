import { execFileSync } from 'node:child_process';
import { KeychainError, KeychainSecretStore } from '../keychain-store';

// Child process of the keychain tests, run in a D-Bus session and keyring of its own: stores a
// secret, locks the keyring as a user or a screen lock would, then tries again. Prints the outcome
// as one JSON line. Its own keyring stays locked; the other keychain tests never see it.
const store = new KeychainSecretStore('Social Inbox locked probe');
await store.set('x:locked', 'before-lock');
execFileSync('dbus-send', [
  '--session',
  '--print-reply',
  '--dest=org.freedesktop.secrets',
  '/org/freedesktop/secrets',
  'org.freedesktop.Secret.Service.Lock',
  'array:objpath:/org/freedesktop/secrets/collection/login',
]);
const error = await store.set('x:other', 'while-locked').then(
  () => null,
  (e: unknown) => e,
);
console.log(
  JSON.stringify({
    kind: error instanceof KeychainError ? error.kind : error == null ? 'stored' : 'thrown',
    message: (error as Error | null)?.message ?? '',
    afterLock: await store.get('x:locked'),
  }),
);
