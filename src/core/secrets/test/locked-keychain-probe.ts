import { execFileSync } from 'node:child_process';
import { KeychainError, KeychainSecretStore } from '../keychain-store';
import { keytarAttributes } from '../keytar-secret-service';
import { storeAsKeytar } from './keytar-item';

// Child process of the keychain tests, run in a D-Bus session and keyring of its own: stores a
// secret (and one as keytar did), locks the keyring as a user or a screen lock would, then tries
// again. Prints the outcome as one JSON line. Its own keyring stays locked; the other keychain
// tests never see it.
const service = 'Social Inbox locked probe';
const store = new KeychainSecretStore(service);
await store.set('x:locked', 'before-lock');
storeAsKeytar(service, 'x:keytar', 'keytar-before-lock');

function secretService(method: string, ...args: string[]): string {
  return execFileSync(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets',
      `org.freedesktop.Secret.Service.${method}`,
      ...args,
    ],
    { encoding: 'utf8' },
  );
}

/** What a call's failure says: its kind when it is a KeychainError. */
function outcome(error: unknown): unknown {
  return error instanceof KeychainError ? { kind: error.kind } : { thrown: String(error) };
}

secretService('Lock', 'array:objpath:/org/freedesktop/secrets/collection/login');
const error = await store.set('x:other', 'while-locked').then(
  () => null,
  (e: unknown) => e,
);
const attributes = Object.entries(keytarAttributes(service, 'x:keytar'))
  .map(([name, value]) => `${name},${value}`)
  .join(',');
console.log(
  JSON.stringify({
    kind: error instanceof KeychainError ? error.kind : error == null ? 'stored' : 'thrown',
    message: (error as Error | null)?.message ?? '',
    afterLock: await store.get('x:locked').then((value) => ({ value }), outcome),
    keytarAfterLock: await store.get('x:keytar').then((value) => ({ value }), outcome),
    // SearchItems answers two lists, unlocked then locked items: count the item paths in both.
    keytarItemsAfterLock: (
      secretService('SearchItems', `dict:string:string:${attributes}`).match(
        /\/org\/freedesktop\/secrets\/collection\/login\/\d+/g,
      ) ?? []
    ).length,
  }),
);
