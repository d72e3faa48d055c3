import type { InboxEvent, OpeningProgress } from '../../shared';

/** What the opening screen shows of the store's move: a phase, how far, and a share when known. */
export interface OpeningView {
  phase: OpeningProgress['phase'];
  /** From 0 to 1, when the phase's total is known. */
  share: number | null;
  /** The amounts, in items or in whole megabytes. */
  done: number;
  total: number | null;
  unit: OpeningProgress['unit'];
}

const MB = 1024 * 1024;

/** The opening screen's view of an event; null for any other event. */
export function openingView(event: InboxEvent): OpeningView | null {
  if (event.type !== 'inbox.opening') return null;
  const { phase, done, total, unit } = event.progress;
  const scale = unit === 'bytes' ? (n: number) => Math.round(n / MB) : (n: number) => n;
  return {
    phase,
    share: total != null && total > 0 ? Math.min(1, done / total) : null,
    done: scale(done),
    total: total == null ? null : scale(total),
    unit,
  };
}
