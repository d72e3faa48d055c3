import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KeychainSecretStore } from './keychain-store';
import { lookup, storeAsKeytar } from './test/keytar-item';

// Runs inside a D-Bus session with an unlocked GNOME Keyring (see scripts/with-keyring.sh).
const store = new KeychainSecretStore(`Social Inbox test ${randomUUID()}`);
const probe = fileURLToPath(new URL('./test/keychain-probe.ts', import.meta.url));
const lockedProbe = fileURLToPath(new URL('./test/locked-keychain-probe.ts', import.meta.url));

describe('KeychainSecretStore against a real Secret Service', () => {
  it('stores, reads, replaces and deletes a secret under its key', async () => {
    expect(await store.get('x:1')).toBeNull();
    await store.set('x:1', 'first-token');
    await store.set('facebook:2', 'page-token');
    expect(await store.get('x:1')).toBe('first-token');
    await store.set('x:1', 'refreshed-token');
    expect(await store.get('x:1')).toBe('refreshed-token');
    expect(await store.get('facebook:2')).toBe('page-token');
    expect(await store.delete('x:1')).toBe(true);
    expect(await store.delete('x:1')).toBe(false);
    expect(await store.get('x:1')).toBeNull();
    expect(await store.delete('facebook:2')).toBe(true);
  });

  it('tells the user what to do when no Secret Service is reachable, without crashing', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', probe], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const outcome = JSON.parse(result.stdout.trim().split('\n').pop()!) as {
      kind: string;
      message: string;
    };
    expect(outcome.kind).toBe('absent');
    expect(outcome.message).toMatch(/Secret Service/);
    expect(outcome.message).not.toContain('probe-secret');
  });

  it('refuses to store while the keychain is locked, and says so', () => {
    // In a keyring of its own, so locking it leaves the other keychain tests theirs, unlocked.
    const home = mkdtempSync(join(tmpdir(), 'locked-keyring-'));
    try {
      const env = {
        ...process.env,
        HOME: home,
        XDG_DATA_HOME: join(home, '.local/share'),
        XDG_RUNTIME_DIR: join(home, 'run'),
      };
      mkdirSync(env.XDG_RUNTIME_DIR, { recursive: true, mode: 0o700 });
      const result = spawnSync(
        'dbus-run-session',
        [
          '--',
          'sh',
          '-c',
          'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$0" --import tsx "$1"',
          process.execPath,
          lockedProbe,
        ],
        { env, encoding: 'utf8' },
      );
      const outcome = JSON.parse(result.stdout.trim().split('\n').pop()!) as {
        kind: string;
        message: string;
        afterLock: unknown;
        keytarAfterLock: unknown;
        keytarItemsAfterLock: number;
      };
      expect(outcome.kind).toBe('locked');
      expect(outcome.message).toMatch(/locked/i);
      expect(outcome.message).not.toContain('while-locked');
      // Reading a secret the locked keychain holds says it is locked too (the unlock prompt, which
      // this session cannot show, is dismissed): never "no credential", never the secret.
      expect(outcome.afterLock).toEqual({ kind: 'locked' });
      // The same for a secret keytar stored, and that old item is still there, intact.
      expect(outcome.keytarAfterLock).toEqual({ kind: 'locked' });
      expect(outcome.keytarItemsAfterLock).toBe(1);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('secrets that keytar stored', () => {
  // keytar (libsecret) wrote `service` and `account`; @napi-rs/keyring writes `service` and
  // `username`. These items are written by Debian's secret-tool with keytar's exact attributes.
  const service = `Social Inbox test ${randomUUID()}`;

  it('finds one, moves it to the form @napi-rs/keyring uses and deletes the old item', async () => {
    storeAsKeytar(service, 'x:123', 'token-from-keytar');
    const store = new KeychainSecretStore(service);

    expect(await store.get('x:123')).toBe('token-from-keytar');
    expect(lookup({ service, username: 'x:123' })).toBe('token-from-keytar');
    expect(lookup({ service, account: 'x:123' })).toBeNull();
    // Found again by a store that starts afresh, from the new form.
    expect(await new KeychainSecretStore(service).get('x:123')).toBe('token-from-keytar');
    expect(await store.delete('x:123')).toBe(true);
    expect(lookup({ service, username: 'x:123' })).toBeNull();
  });

  it('is replaced by a write, so a later delete leaves nothing to bring the old token back', async () => {
    storeAsKeytar(service, 'facebook:9', 'stale-page-token');
    const store = new KeychainSecretStore(service);

    await store.set('facebook:9', 'fresh-page-token');
    expect(lookup({ service, account: 'facebook:9' })).toBeNull();
    expect(await store.get('facebook:9')).toBe('fresh-page-token');
    expect(await store.delete('facebook:9')).toBe(true);
    expect(await store.get('facebook:9')).toBeNull();
  });

  it('is deleted when its key is deleted, even if it was never read', async () => {
    storeAsKeytar(service, 'hub:https://inbox.example', 'sia_old');
    const store = new KeychainSecretStore(service);

    expect(await store.delete('hub:https://inbox.example')).toBe(true);
    expect(lookup({ service, account: 'hub:https://inbox.example' })).toBeNull();
    expect(await store.get('hub:https://inbox.example')).toBeNull();
    expect(await store.delete('hub:https://inbox.example')).toBe(false);
  });

  it('leaves alone an item of another service or account', async () => {
    storeAsKeytar(`${service} other`, 'x:5', 'someone-else');
    storeAsKeytar(service, 'x:6', 'another-account');
    const store = new KeychainSecretStore(service);

    expect(await store.get('x:5')).toBeNull();
    expect(await store.delete('x:5')).toBe(false);
    expect(lookup({ service: `${service} other`, account: 'x:5' })).toBe('someone-else');
    expect(lookup({ service, account: 'x:6' })).toBe('another-account');
  });
});
