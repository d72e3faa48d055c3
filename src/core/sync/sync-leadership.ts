import type { LeaseRepository } from '../store/port';
import type { Clock } from '../time/clock';

export interface SyncLeadershipOptions {
  leases: LeaseRepository;
  /** This process among those sharing the store (unique to each run). */
  holder: string;
  clock: Clock;
  /** The accounts there are to sync. */
  accounts: () => readonly string[];
  /** How long a lease lasts unless renewed (default 15 s): another replica takes over after it. */
  ttlMs?: number;
  /** How often leases are renewed and free ones taken (default a quarter of the lease). */
  renewMs?: number;
}

/**
 * Which accounts this process syncs when several share one store: each account's sync is a lease
 * (`sync:<account>`) that one process holds and renews; when it stops renewing (it died, it hung),
 * the lease runs out and the next process to renew takes it over. A process syncs an account only
 * while its lease has time left by its own clock, with a margin before the end.
 */
export class SyncLeadership {
  readonly ttlMs: number;
  readonly renewMs: number;
  /** Until when (ms) each account's lease is this process's. */
  private readonly held = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: SyncLeadershipOptions) {
    this.ttlMs = options.ttlMs ?? 15_000;
    this.renewMs = options.renewMs ?? Math.floor(this.ttlMs / 4);
  }

  /** Whether this process syncs the account now: its lease has more than a renewal left. */
  leads(accountId: string): boolean {
    const until = this.held.get(accountId);
    return until != null && this.options.clock.now() < until - this.renewMs;
  }

  /** Renews the leases held and takes the free ones, one account after the other. */
  renew(): Promise<void> {
    this.renewing = this.renewing.then(() => this.renewAll());
    return this.renewing;
  }

  /** Renews now and then every `renewMs` until `stop`. */
  start(): Promise<void> {
    this.stopped = false;
    const first = this.renew();
    const tick = () => {
      this.timer = setTimeout(() => {
        void this.renew().finally(() => {
          if (!this.stopped) tick();
        });
      }, this.renewMs);
    };
    tick();
    return first;
  }

  /** Stops renewing and gives up the leases held, so another process takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.renewing;
    const held = [...this.held.keys()];
    this.held.clear();
    for (const accountId of held)
      await this.options.leases
        .release(`sync:${accountId}`, this.options.holder)
        .catch(() => undefined);
  }

  private async renewAll(): Promise<void> {
    if (this.stopped) return;
    const { leases, holder, clock } = this.options;
    const accounts = new Set(this.options.accounts());
    for (const accountId of [...this.held.keys()])
      if (!accounts.has(accountId)) {
        this.held.delete(accountId);
        await leases.release(`sync:${accountId}`, holder).catch(() => undefined);
      }
    for (const accountId of accounts) {
      const now = clock.now();
      let held = false;
      try {
        held = await leases.hold(`sync:${accountId}`, holder, now, this.ttlMs);
      } catch {
        // The database did not answer: the lease held runs out by the clock, as everyone's does.
        continue;
      }
      if (held) this.held.set(accountId, now + this.ttlMs);
      else this.held.delete(accountId);
    }
  }
}
