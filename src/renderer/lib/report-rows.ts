import type { Agent } from '../../shared/model';
import type { Figures, Report } from '../../shared/report';

/** Figures of someone who answered nothing in the range. */
export const NO_FIGURES: Figures = {
  conversations: 0,
  answered: 0,
  repliesPublic: 0,
  repliesPrivate: 0,
  firstResponseMedianMs: null,
  firstResponseP90Ms: null,
  withinTarget: 0,
  withinTargetShare: null,
};

/**
 * The report's responders and, after them, every agent of the team (not removed) who answered
 * nothing in the range, with zero figures: a manager sees who did not answer, not only who did.
 */
export function respondersWithTeam(
  responders: Report['responders'],
  agents: readonly Agent[],
): Report['responders'] {
  const seen = new Set(responders.map((r) => r.responder));
  const silent = agents
    .filter((a) => !a.removedAt && !seen.has(a.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((a) => ({ responder: a.id, name: a.name, figures: NO_FIGURES }));
  return [...responders, ...silent];
}
