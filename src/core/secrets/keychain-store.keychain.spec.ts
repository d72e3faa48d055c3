import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KeychainSecretStore } from './keychain-store';

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
        afterLock: string | null;
      };
      expect(outcome.kind).toBe('locked');
      expect(outcome.message).toMatch(/locked/i);
      expect(outcome.message).not.toContain('while-locked');
      // A locked keychain hides its items rather than failing: the caller sees no credential.
      expect(outcome.afterLock).toBeNull();
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
