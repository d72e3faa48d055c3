import type { Presence } from '../../shared';
import type { SharedPresence } from '../store/port';
import type { PresenceChange } from './presence-board';

export interface PresenceMirrorOptions {
  presence: SharedPresence;
  ttlMs: number;
  now: () => number;
  /** Tells this process's clients alone (each process tells its own) that a presence ran out. */
  tellHere: (change: PresenceChange) => void;
}

/**
 * This process's presences kept in the store shared with other processes, so each lists the
 * whole team's; a presence whose process stopped reporting it (one that died) runs out there, and
 * every process then tells its own clients that agent is idle.
 */
export class PresenceMirror {
  /** Agents with a presence in the store at the last look, with their `at`. */
  private seen = new Map<string, string>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PresenceMirrorOptions) {
    this.timer = setInterval(
      () => void this.look().catch(() => undefined),
      Math.max(250, Math.floor(options.ttlMs / 4)),
    );
    this.timer.unref?.();
  }

  /** Keeps (or with idle, drops) an agent's presence through this process, in order. */
  put(change: PresenceChange): Promise<void> {
    const { presence, ttlMs, now } = this.options;
    const at = now();
    if (change.activity === 'idle') this.seen.delete(change.agentId);
    const body =
      change.activity === 'idle'
        ? null
        : JSON.stringify({ ...change, at: new Date(at).toISOString() } satisfies Presence);
    const write = this.writes.then(() => presence.put(change.agentId, body, at + ttlMs));
    this.writes = write.catch(() => undefined);
    return write;
  }

  /** Every process's presences, one per agent (the latest reported). */
  async list(): Promise<Presence[]> {
    await this.writes;
    const byAgent = new Map<string, Presence>();
    for (const row of await this.options.presence.live(this.options.now())) {
      const presence = JSON.parse(row.body) as Presence;
      const known = byAgent.get(row.agentId);
      if (!known || known.at < presence.at) byAgent.set(row.agentId, presence);
    }
    return [...byAgent.values()];
  }

  /** Compares the store's presences with the last look: those that ran out are told idle here. */
  async look(): Promise<void> {
    const now = new Map((await this.list()).map((p) => [p.agentId, p.at]));
    for (const agentId of this.seen.keys())
      if (!now.has(agentId))
        this.options.tellHere({ agentId, conversationId: null, activity: 'idle' });
    this.seen = now;
  }

  close(): void {
    if (this.timer != null) clearInterval(this.timer);
    this.timer = null;
  }
}
