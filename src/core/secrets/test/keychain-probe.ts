import { KeychainError, KeychainSecretStore } from '../keychain-store';

// Child process of the keychain tests: tries the keychain in whatever environment it was given and
// prints the outcome as one JSON line.
const store = new KeychainSecretStore('Social Inbox probe');
try {
  await store.set('probe', 'probe-secret');
  console.log(JSON.stringify({ kind: 'ok', message: '' }));
} catch (err) {
  const e = err as KeychainError;
  console.log(
    JSON.stringify({ kind: e instanceof KeychainError ? e.kind : 'thrown', message: e.message }),
  );
}
