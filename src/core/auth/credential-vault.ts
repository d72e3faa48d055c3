import { InboxError } from '../../shared';
import type { Account } from '../../shared';
import { PlatformError } from '../connectors/platform-error';
import { KeychainError } from '../secrets/keychain-store';
import { SealError } from '../secrets/secret-sealer';
import type { SecretStore } from '../secrets/secret-store';
import { decodeCredential, encodeCredential, readCredential } from './credential';
import type { Credential } from './credential';
import type { XOAuth } from './x-oauth';
import { systemClock } from '../time/clock';
import type { Clock } from '../time/clock';

/** An access token this close to its end is refreshed before use. */
const REFRESH_AHEAD_MS = 10 * 60_000;

/**
 * Hands out working access tokens: an X token near its end (they last 2 hours) is refreshed first,
 * and the new pair replaces the old one in a single keychain write. Refreshes of one account are
 * shared, so two callers never spend the same refresh token.
 */
export class CredentialVault {
  private readonly refreshing = new Map<string, Promise<Credential>>();

  constructor(
    private readonly secrets: SecretStore,
    private readonly xOAuth: () => XOAuth | null,
    private readonly clock: Clock = systemClock,
  ) {}

  /** A token for the account's calls; throws PlatformError `expired` when there is none. */
  async accessToken(account: Account, options: { forceRefresh?: boolean } = {}): Promise<string> {
    const credential = await this.read(account.credentialRef);
    if (credential == null)
      throw new PlatformError('expired', 'No credential for this account: connect it again');
    const ending =
      credential.expiresAt != null &&
      Date.parse(credential.expiresAt) - this.clock.now() < REFRESH_AHEAD_MS;
    if ((ending || options.forceRefresh) && this.canRefresh(account, credential)) {
      return (await this.refresh(account, credential)).accessToken;
    }
    return credential.accessToken;
  }

  /** Whether a refused token may be replaced without the user (an X account with a refresh token). */
  async refreshable(account: Account): Promise<boolean> {
    const credential = await this.read(account.credentialRef);
    return credential != null && this.canRefresh(account, credential);
  }

  save(ref: string, credential: Credential): Promise<void> {
    return keychain(() => this.secrets.set(ref, encodeCredential(credential)));
  }

  read(ref: string): Promise<Credential | null> {
    return keychain(() => readCredential(this.secrets, ref));
  }

  forget(ref: string): Promise<boolean> {
    return keychain(() => this.secrets.delete(ref));
  }

  private canRefresh(account: Account, credential: Credential): boolean {
    return account.platform === 'x' && credential.refreshToken != null && this.xOAuth() != null;
  }

  private refresh(account: Account, credential: Credential): Promise<Credential> {
    const running = this.refreshing.get(account.credentialRef);
    if (running) return running;
    const run = (
      this.secrets.update
        ? this.refreshShared(account.credentialRef, credential)
        : (async () => {
            const next = await this.refreshed(credential);
            await this.save(account.credentialRef, next);
            return next;
          })()
    ).finally(() => this.refreshing.delete(account.credentialRef));
    this.refreshing.set(account.credentialRef, run);
    return run;
  }

  /** The pair X gives for the credential's refresh token (which it spends). */
  private async refreshed(credential: Credential): Promise<Credential> {
    const fresh = await this.xOAuth()!.refresh(credential.refreshToken!);
    return { ...fresh, refreshToken: fresh.refreshToken ?? credential.refreshToken };
  }

  /**
   * A refresh where other processes share the credential (hub replicas): made while none of them
   * can change it, from the pair kept now. If another one refreshed it meanwhile, its new pair is
   * used as it is: its refresh token is spent once.
   */
  private async refreshShared(ref: string, known: Credential): Promise<Credential> {
    let result: Credential | null = null;
    await keychain(() =>
      this.secrets.update!(ref, async (current) => {
        const kept = decodeCredential(current);
        if (kept == null) return current;
        if (kept.accessToken !== known.accessToken) {
          result = kept;
          return current;
        }
        result = await this.refreshed(kept);
        return encodeCredential(result);
      }),
    );
    if (result == null)
      throw new PlatformError('expired', 'No credential for this account: connect it again');
    return result;
  }
}

/** A keychain that is locked, absent or refusing is told to the user with what to do about it. */
async function keychain<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof KeychainError || err instanceof SealError)
      throw new InboxError('unavailable', err.message);
    throw err;
  }
}
