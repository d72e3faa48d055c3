import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared';
import { readForm, submitForm } from '../../../emulator/oauth-test-kit';
import { parseScenario } from '../../../emulator/scenario';
import { startEmulator } from '../../../emulator/server';
import { CredentialVault } from '../../auth/credential-vault';
import { encodeCredential, readCredential } from '../../auth/credential';
import { XOAuth } from '../../auth/x-oauth';
import { SealError, SecretSealer } from '../../secrets/secret-sealer';
import { MemorySecretStore } from '../../secrets/secret-store';
import { BRAND_X, smallScenario } from '../../test/scenario';
import { ManualClock } from '../../time/clock';
import { NO_TEST_SERVER, testServerUrl } from '../test/pg-test-database';
import { PgSecretStore } from './pg-secrets';
import { openReplicas } from '../test/pg-replicas';

const server = testServerUrl();
const X_CLIENT_ID = 'dGVzdC1jbGllbnQ6MTpjaQ';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const key = () => SecretSealer.fromKey(randomBytes(32).toString('base64'));

/** Two replicas' stores on one fresh database. */
const replicas = (clock = new ManualClock(Date.UTC(2026, 10, 20, 9))) =>
  openReplicas(server!, clock, cleanups);

describe.skipIf(server == null)(
  `Secrets shared by replicas on PostgreSQL${server == null ? ` (skipped: ${NO_TEST_SERVER})` : ''}`,
  () => {
    it('are sealed in the database, bound to their name, and read by every replica with the key', async () => {
      const [a, b] = await replicas();
      const sealer = key();
      const onA = new PgSecretStore(a.pool, sealer);
      const onB = new PgSecretStore(b.pool, sealer);
      const token = 'x-access-token-of-the-brand-0123456789';
      await onA.set('x:1', token);
      expect(await onB.get('x:1')).toBe(token);
      const { rows } = await a.pool.query<{ nonce: Buffer; sealed: Buffer }>(
        'SELECT nonce, sealed FROM secrets',
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.sealed.toString('latin1')).not.toContain(token.slice(0, 12));
      // Copied under another name, it does not open.
      await a.pool.query('INSERT INTO secrets (name, nonce, sealed) VALUES ($1, $2, $3)', [
        'x:2',
        rows[0]!.nonce,
        rows[0]!.sealed,
      ]);
      await expect(onB.get('x:2')).rejects.toBeInstanceOf(SealError);
      // Another key opens nothing, and says what to do.
      await expect(new PgSecretStore(b.pool, key()).get('x:1')).rejects.toThrow(
        /every replica needs the same key/,
      );
      expect(await onB.delete('x:1')).toBe(true);
      expect(await onA.get('x:1')).toBeNull();
      expect(await onA.delete('x:1')).toBe(false);
    });

    it("move in what a replica's keychain kept before, once, and a delete removes both copies", async () => {
      const [a, b] = await replicas();
      const sealer = key();
      const keychainA = new MemorySecretStore();
      await keychainA.set('page:1', 'page-token-from-before');
      const onA = new PgSecretStore(a.pool, sealer, keychainA);
      const onB = new PgSecretStore(b.pool, sealer, new MemorySecretStore());
      expect(await onB.get('page:1')).toBeNull();
      expect(await onA.get('page:1')).toBe('page-token-from-before');
      // Now in the database: the other replica reads it too.
      expect(await onB.get('page:1')).toBe('page-token-from-before');
      expect(await onA.delete('page:1')).toBe(true);
      expect(await keychainA.get('page:1')).toBeNull();
      expect(await onA.get('page:1')).toBeNull();
    });

    it('change one at a time across replicas: no change is lost', async () => {
      const [a, b] = await replicas();
      const sealer = key();
      const stores = [new PgSecretStore(a.pool, sealer), new PgSecretStore(b.pool, sealer)];
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          stores[i % 2]!.update('counter', async (current) => {
            const n = Number(current ?? '0');
            // Time for the other replica to try meanwhile.
            await new Promise((resolve) => setTimeout(resolve, 5));
            return String(n + 1);
          }),
        ),
      );
      expect(await stores[0]!.get('counter')).toBe('20');
    });

    it('let two replicas refreshing one X token at once spend its refresh token once', async () => {
      const base = smallScenario();
      const clock = new ManualClock(base.anchor);
      const emulator = await startEmulator({
        scenario: parseScenario({
          ...base,
          x: { ...base.x, apps: [{ client_id: X_CLIENT_ID, name: 'Social Inbox' }] },
        }),
        port: 0,
        now: () => clock.now(),
      });
      cleanups.push(() => emulator.close());
      const oauth = new XOAuth({
        clientId: X_CLIENT_ID,
        apiBaseUrl: emulator.xBaseUrl,
        webBaseUrl: emulator.xWebBaseUrl,
        clock,
      });
      // The brand signs in once, through one replica.
      const redirectUri = 'http://127.0.0.1:1/callback';
      const link = oauth.authorizeLink(redirectUri, 'state-1');
      const page = await fetch(link.url);
      const consent = await submitForm(
        new URL(link.url).origin,
        readForm(await page.text()),
        'Authorize app',
      );
      const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
      const credential = await oauth.exchange(code, link.codeVerifier, redirectUri);

      const [a, b] = await replicas(clock);
      const sealer = key();
      const account = { platform: 'x', credentialRef: `x:${BRAND_X.id}` } as Account;
      await new PgSecretStore(a.pool, sealer).set(
        account.credentialRef,
        encodeCredential(credential),
      );
      // Each replica's vault sees the token five minutes from its end: both refresh at once.
      const later = { now: () => clock.now() + 115 * 60_000 };
      const vaults = [a, b].map(
        (store) => new CredentialVault(new PgSecretStore(store.pool, sealer), () => oauth, later),
      );
      const tokens = await Promise.all(vaults.map((v) => v.accessToken(account)));
      expect(tokens[0]).toBe(tokens[1]);
      expect(tokens[0]).not.toBe(credential.accessToken);
      expect(emulator.grants().find((g) => g.platform === 'x')).toMatchObject({
        refreshed: 1,
        revoked: false,
      });
      const kept = await readCredential(new PgSecretStore(b.pool, sealer), account.credentialRef);
      expect(kept!.accessToken).toBe(tokens[0]);
      expect(kept!.refreshToken).not.toBe(credential.refreshToken);
    });
  },
);
