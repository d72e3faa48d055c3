import type { Activity } from '../../shared/model';

export interface PresenceReport {
  conversationId: string | null;
  activity: Activity;
}

export interface PresenceReporterOptions {
  /** Shortest gap between two reports; changes in between are folded into one (default 300 ms). */
  minIntervalMs?: number;
  /** The same state is reported again this often, so the hub keeps it (default 20 s). */
  heartbeatMs?: number;
  /** A reply not typed into for this long is no longer "replying" (default 15 s). */
  typingIdleMs?: number;
  now?: () => number;
}

export interface PresenceReporter {
  /** The conversation open on screen, or null. */
  view(conversationId: string | null): void;
  /** A key was typed in the reply box of the open conversation. */
  typing(): void;
  /** The reply box lost focus, or its reply was sent. */
  stopTyping(): void;
  /** Reports the current state again now (after a reconnection). */
  resend(): void;
  stop(): void;
}

/**
 * Tells the hub what this window is doing, without flooding it: the first change goes at once,
 * quick successions are folded into one report, the state is repeated as a heartbeat, and typing
 * turns back into viewing after a quiet while.
 */
export function createPresenceReporter(
  send: (report: PresenceReport) => Promise<unknown>,
  options: PresenceReporterOptions = {},
): PresenceReporter {
  const minInterval = options.minIntervalMs ?? 300;
  const heartbeat = options.heartbeatMs ?? 20_000;
  const typingIdle = options.typingIdleMs ?? 15_000;
  const now = options.now ?? Date.now;

  let conversationId: string | null = null;
  let typingUntil = 0;
  let lastSent: PresenceReport | null = null;
  let lastSentAt = -Infinity;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let typingTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const current = (): PresenceReport => {
    if (conversationId == null) return { conversationId: null, activity: 'idle' };
    return { conversationId, activity: now() < typingUntil ? 'replying' : 'viewing' };
  };

  const flush = (): void => {
    pending = null;
    if (stopped) return;
    const report = current();
    lastSent = report;
    lastSentAt = now();
    void send(report).catch(() => undefined);
  };

  const schedule = (force = false): void => {
    if (stopped) return;
    const report = current();
    const same =
      lastSent != null &&
      lastSent.activity === report.activity &&
      lastSent.conversationId === report.conversationId;
    if (same && !force) return;
    if (pending != null) return;
    const wait = Math.max(0, lastSentAt + minInterval - now());
    if (wait === 0) flush();
    else pending = setTimeout(flush, wait);
  };

  const beat = setInterval(() => {
    if (lastSent != null && lastSent.activity !== 'idle') schedule(true);
  }, heartbeat);

  return {
    view(id) {
      if (id !== conversationId) typingUntil = 0;
      conversationId = id;
      schedule();
    },
    typing() {
      if (conversationId == null) return;
      typingUntil = now() + typingIdle;
      if (typingTimer != null) clearTimeout(typingTimer);
      typingTimer = setTimeout(() => schedule(), typingIdle + 10);
      schedule();
    },
    stopTyping() {
      typingUntil = 0;
      schedule();
    },
    resend() {
      schedule(true);
    },
    stop() {
      stopped = true;
      clearInterval(beat);
      if (pending != null) clearTimeout(pending);
      if (typingTimer != null) clearTimeout(typingTimer);
    },
  };
}
