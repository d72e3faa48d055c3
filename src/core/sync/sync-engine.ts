import type { Account, SyncStatus } from '../../shared';
import { graphVersionEndingSoon } from '../../shared/graph-versions';
import { PlatformError } from '../connectors/platform-error';
import { isoOf } from '../time/clock';
import { backoffMs, sleep } from './backoff';
import { syncFacebookPage } from './facebook-sync';
import type { SyncContext } from './sync-context';
import { syncXAccount } from './x-sync';

export interface SyncEngineDeps extends Omit<SyncContext, 'signal'> {
  /** A working access token for the account (refreshed first when it is near its end). */
  token(account: Account, forceRefresh: boolean): Promise<string>;
  /** Whether a refused token can be replaced without the user (X refresh token). */
  refreshable(account: Account): Promise<boolean>;
  pollIntervalMs: number;
  /** First wait after a server error or timeout; doubles with each failure in a row. */
  retryBaseMs: number;
  /** Records an account's new sync status (persists it and tells the clients). */
  setStatus(accountId: string, status: Partial<SyncStatus>): Promise<void>;
  account(accountId: string): Account | undefined;
  /**
   * Whether this process syncs the account now (several processes on one store: one syncs each
   * account); absent, it syncs them all.
   */
  leads?(accountId: string): boolean;
}

/** How often a loop whose account another process syncs looks whether it is its turn. */
const FOLLOW_MS = 1000;

/**
 * One loop per connected account: a pass, then wait for the poll interval, the rate-limit reset, or a
 * backoff after a server error. An expired or revoked token stops that account's loop until it is
 * connected again.
 */
export class SyncEngine {
  private readonly loops = new Map<string, { abort: AbortController; done: Promise<void> }>();

  constructor(private readonly deps: SyncEngineDeps) {}

  start(accountId: string): void {
    if (this.loops.has(accountId)) return;
    const abort = new AbortController();
    const done = this.loop(accountId, abort.signal).finally(() => {
      if (this.loops.get(accountId)?.abort === abort) this.loops.delete(accountId);
    });
    this.loops.set(accountId, { abort, done });
  }

  async stop(accountId: string): Promise<void> {
    const loop = this.loops.get(accountId);
    loop?.abort.abort();
    await loop?.done;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.loops.keys()].map((id) => this.stop(id)));
  }

  /** One pass over an account, errors thrown to the caller (the loop, or a test). */
  async syncOnce(
    accountId: string,
    signal: AbortSignal = new AbortController().signal,
  ): Promise<void> {
    const account = this.deps.account(accountId);
    if (!account) throw new Error(`unknown account ${accountId}`);
    try {
      await this.pass(account, signal, false);
    } catch (err) {
      // A token refused before its time (revoked and re-granted, clock skew): one refresh, one retry.
      if (!(err instanceof PlatformError) || err.kind !== 'expired') throw err;
      if (!(await this.deps.refreshable(account))) throw err;
      await this.pass(account, signal, true);
    }
  }

  private async pass(account: Account, signal: AbortSignal, forceRefresh: boolean): Promise<void> {
    const token = await this.deps.token(account, forceRefresh);
    const ctx: SyncContext = { ...this.deps, signal };
    if (account.platform === 'x') await syncXAccount(ctx, account, token);
    else await syncFacebookPage(ctx, account, token);
  }

  /** A Facebook account's warning about the end of the configured Graph version, by the clock. */
  private versionNotice(accountId: string): Partial<SyncStatus> {
    if (this.deps.account(accountId)?.platform !== 'facebook') return {};
    const version = this.deps.config.graphVersion;
    const ends = graphVersionEndingSoon(version, this.deps.clock.now());
    return { apiVersion: ends === null ? null : { version, ends } };
  }

  /**
   * Whether the account's posting is held by a 24-hour cap (the outbox said so): reading goes on,
   * and the status keeps saying until when posting resumes.
   */
  private postingHeld(accountId: string): boolean {
    const sync = this.deps.account(accountId)?.sync;
    return (
      sync?.reason === 'daily-cap' &&
      sync.until != null &&
      Date.parse(sync.until) > this.deps.clock.now()
    );
  }

  private async loop(accountId: string, signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      if (this.deps.leads && !this.deps.leads(accountId)) {
        // Another process syncs it: look again soon, to take over once its lease ran out.
        await sleep(Math.min(FOLLOW_MS, this.deps.pollIntervalMs), signal);
        continue;
      }
      let wait = this.deps.pollIntervalMs;
      try {
        if (!this.postingHeld(accountId))
          await this.deps.setStatus(accountId, {
            state: 'syncing',
            message: null,
            until: null,
            reason: null,
            ...this.versionNotice(accountId),
          });
        await this.syncOnce(accountId, signal);
        failures = 0;
        await this.deps.setStatus(
          accountId,
          this.postingHeld(accountId)
            ? { lastSyncAt: isoOf(this.deps.clock) }
            : { state: 'connected', lastSyncAt: isoOf(this.deps.clock), reason: null },
        );
      } catch (err) {
        const e =
          err instanceof PlatformError
            ? err
            : new PlatformError('transient', (err as Error).message);
        if (e.kind === 'expired' || e.kind === 'revoked') {
          await this.deps.setStatus(accountId, {
            state: e.kind,
            message: e.message,
            until: null,
            reason: e.reason,
          });
          return;
        }
        if (e.kind === 'permission') {
          // Nothing changes until the account is connected again with the permission granted.
          await this.deps.setStatus(accountId, {
            state: 'error',
            message: e.message,
            until: null,
            permission: e.permission ?? '',
          });
          return;
        }
        const resumeAt = e.kind === 'rate_limited' ? e.resumeAt(this.deps.clock.now()) : null;
        if (resumeAt) {
          wait = Math.max(1000, resumeAt.getTime() - this.deps.clock.now());
          await this.deps.setStatus(accountId, {
            state: 'rate-limited',
            message: e.message,
            until: resumeAt.toISOString(),
            reason: e.reason,
          });
        } else {
          failures += 1;
          wait =
            e.kind === 'transient'
              ? backoffMs(failures, { baseMs: this.deps.retryBaseMs })
              : this.deps.pollIntervalMs;
          await this.deps.setStatus(accountId, {
            state: 'error',
            message: e.message,
            until: null,
            reason: e.reason,
          });
        }
      }
      await sleep(wait, signal);
    }
  }
}
