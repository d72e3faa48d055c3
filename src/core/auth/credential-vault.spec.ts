import { describe, expect, it } from 'vitest';
import { InboxError } from '../../shared';
import { PlatformError } from '../connectors/platform-error';
import { KeychainError } from '../secrets/keychain-store';
import type { SecretStore } from '../secrets/secret-store';
import { MemorySecretStore } from '../secrets/secret-store';
import { account as accountFixture } from '../../shared/test-fixtures';
import { CredentialVault } from './credential-vault';

const account = accountFixture({ credentialRef: 'x:1' });

/** A keychain that is there but locked, as the store reports it. */
const locked: SecretStore = {
  get: () => Promise.reject(new KeychainError('locked', 'Cannot unlock collection')),
  set: () => Promise.reject(new KeychainError('locked', 'Cannot unlock collection')),
  delete: () => Promise.reject(new KeychainError('locked', 'Cannot unlock collection')),
};

describe('CredentialVault', () => {
  it('reads a bare token stored by hand as a credential without refresh', async () => {
    const secrets = new MemorySecretStore();
    await secrets.set('x:1', 'hand-made-token');
    const vault = new CredentialVault(secrets, () => null);
    expect(await vault.accessToken(account)).toBe('hand-made-token');
    expect(await vault.refreshable(account)).toBe(false);
  });

  it('says the account must be connected again when its credential is gone', async () => {
    const vault = new CredentialVault(new MemorySecretStore(), () => null);
    const failure = await vault.accessToken(account).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PlatformError);
    expect((failure as PlatformError).kind).toBe('expired');
  });

  it('turns a locked keychain into an error that tells the user what to do', async () => {
    const vault = new CredentialVault(locked, () => null);
    for (const call of [
      () => vault.accessToken(account),
      () =>
        vault.save('x:1', {
          v: 1,
          accessToken: 'a',
          refreshToken: null,
          expiresAt: null,
          scopes: [],
        }),
      () => vault.forget('x:1'),
    ]) {
      const failure = await call().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(InboxError);
      expect(failure).toMatchObject({ code: 'unavailable' });
      expect((failure as Error).message).toContain('The OS keychain is locked. Unlock it');
    }
  });
});
