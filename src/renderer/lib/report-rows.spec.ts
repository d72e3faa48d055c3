import { describe, expect, it } from 'vitest';
import type { Agent } from '../../shared/model';
import type { Figures } from '../../shared/report';
import { NO_FIGURES, respondersWithTeam } from './report-rows';

const agent = (id: string, name: string, removedAt: string | null = null): Agent => ({
  id,
  name,
  role: 'agent',
  languages: ['en'],
  removedAt,
});
const some: Figures = { ...NO_FIGURES, conversations: 3, answered: 3, withinTarget: 1 };

describe('respondersWithTeam', () => {
  it('lists the agents who answered nothing after those who did, with zero figures', () => {
    const rows = respondersWithTeam(
      [
        { responder: 'a1', name: 'Jan', figures: some },
        { responder: 'outside', name: 'outside', figures: some },
      ],
      [agent('a1', 'Jan'), agent('a3', 'Zoé'), agent('a2', 'Lucía')],
    );
    expect(rows.map((r) => r.responder)).toEqual(['a1', 'outside', 'a2', 'a3']);
    expect(rows[2]?.figures).toEqual(NO_FIGURES);
  });

  it('leaves out removed agents who answered nothing', () => {
    const rows = respondersWithTeam([], [agent('a1', 'Jan', '2026-01-01T00:00:00.000Z')]);
    expect(rows).toEqual([]);
  });
});
