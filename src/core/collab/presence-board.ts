import type { Activity, Presence } from '../../shared';

export interface PresenceChange {
  agentId: string;
  conversationId: string | null;
  activity: Activity;
}

export interface PresenceBoardOptions {
  /** A presence not reported again for this long is gone (default 60 s). */
  ttlMs?: number;
  now?: () => number;
  /** Called with every change the team should see. */
  changed: (change: PresenceChange) => void;
}

/**
 * Who is looking at or replying to what, in memory only: one entry per agent, refreshed by each
 * report, dropped when the agent's connection closes or after `ttlMs` without a report. Only real
 * changes are announced, so a client repeating its state as a heartbeat costs the team nothing.
 */
export class PresenceBoard {
  private readonly entries = new Map<string, { presence: PresenceChange; at: number }>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: PresenceBoardOptions) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  report(change: PresenceChange): void {
    const previous = this.entries.get(change.agentId)?.presence;
    if (change.activity === 'idle') {
      this.forget(change.agentId);
      return;
    }
    this.entries.set(change.agentId, { presence: { ...change }, at: this.now() });
    this.startSweeping();
    if (previous?.activity !== change.activity || previous.conversationId !== change.conversationId)
      this.options.changed({ ...change });
  }

  /** The agent left (closed the app, lost the connection): their presence goes at once. */
  forget(agentId: string): void {
    if (!this.entries.delete(agentId)) return;
    this.options.changed({ agentId, conversationId: null, activity: 'idle' });
  }

  /** Drops every presence not reported within the time to live. */
  sweep(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [agentId, entry] of [...this.entries]) if (entry.at < oldest) this.forget(agentId);
    if (this.entries.size === 0) this.stopSweeping();
  }

  list(): Presence[] {
    this.sweep();
    return [...this.entries.values()].map(({ presence, at }) => ({
      ...presence,
      at: new Date(at).toISOString(),
    }));
  }

  close(): void {
    this.stopSweeping();
    this.entries.clear();
  }

  private startSweeping(): void {
    if (this.timer != null) return;
    this.timer = setInterval(() => this.sweep(), Math.max(1000, Math.floor(this.ttlMs / 4)));
    this.timer.unref?.();
  }

  private stopSweeping(): void {
    if (this.timer != null) clearInterval(this.timer);
    this.timer = null;
  }
}
