import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KeychainError, KeychainSecretStore } from './keychain-store';

// Runs inside a D-Bus session with an unlocked GNOME Keyring (see scripts/with-keyring.sh).
const store = new KeychainSecretStore(`Social Inbox test ${randomUUID()}`);
const probe = fileURLToPath(new URL('./test/keychain-probe.ts', import.meta.url));

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

  it('refuses to store while the keychain is locked, and says so', async () => {
    await store.set('x:locked', 'before-lock');
    execFileSync('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service.Lock',
      'array:objpath:/org/freedesktop/secrets/collection/login',
    ]);
    const error = await store.set('x:other', 'while-locked').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeychainError);
    expect((error as KeychainError).kind).toBe('locked');
    expect((error as KeychainError).message).toMatch(/locked/i);
    expect((error as KeychainError).message).not.toContain('while-locked');
    // A locked keychain hides its items rather than failing: the caller sees no credential.
    expect(await store.get('x:locked')).toBeNull();
  });
});
