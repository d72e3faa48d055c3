import { describe, expect, it } from 'vitest';
import type { Agent, Rule } from '../../shared';
import { conversation } from '../../shared/test-fixtures';
import { applyRules, mentions, nextInTurn, ruleText, speakersOf } from './rule-engine';

const agent = (id: string, languages: string[], removedAt?: string): Agent => ({
  id,
  name: id,
  role: 'agent',
  languages,
  ...(removedAt ? { removedAt } : {}),
});
const jan = agent('a-jan', ['nl', 'en']);
const eva = agent('b-eva', ['nl']);
const lucia = agent('c-lucia', ['es']);
const gone = agent('d-gone', ['nl'], '2026-11-01T00:00:00.000Z');
const team = [lucia, eva, jan, gone];

const rule = (over: {
  id?: string;
  enabled?: boolean;
  conditions?: Partial<Rule['conditions']>;
  actions: Partial<Rule['actions']>;
}): Rule => ({
  id: over.id ?? 'r1',
  name: 'A rule',
  enabled: over.enabled ?? true,
  conditions: {
    keywords: [],
    languages: [],
    platforms: [],
    minReach: null,
    sentiments: [],
    accountIds: [],
    ...over.conditions,
  },
  actions: { addTags: [], assign: null, priority: null, status: null, ...over.actions },
});

describe('rule conditions', () => {
  it('finds keywords as whole words, whatever the case, accents or #', () => {
    const text = ruleText('Mon café était FROID!! #Remboursement svp');
    expect(mentions(text, 'froid')).toBe(true);
    expect(mentions(text, 'cafe')).toBe(true);
    expect(mentions(text, 'remboursement')).toBe(true);
    expect(mentions(text, '#remboursement')).toBe(true);
    expect(mentions(text, 'café était')).toBe(true);
    expect(mentions(text, 'rembourse')).toBe(false);
    expect(mentions(text, '   ')).toBe(false);
  });

  it('needs every condition given: language, platform, account, reach, keywords', () => {
    const dutch = conversation({ language: 'nl', platform: 'x', accountId: 'x:1', reach: 5000 });
    const run = (conditions: Partial<Rule['conditions']>) =>
      applyRules(
        [rule({ conditions: conditions as Rule['conditions'], actions: { addTags: ['t'] } })],
        dutch,
        'De koffie is koud',
        team,
        {},
      ).fired.length;
    expect(run({ languages: ['nl'] })).toBe(1);
    expect(run({ languages: ['fr'] })).toBe(0);
    expect(run({ platforms: ['facebook'] })).toBe(0);
    expect(run({ accountIds: ['x:1'], minReach: 5000 })).toBe(1);
    expect(run({ minReach: 5001 })).toBe(0);
    expect(run({ keywords: ['thee', 'koud'] })).toBe(1);
    expect(run({ keywords: ['thee'] })).toBe(0);
  });

  it('takes the tone of the customer\'s latest post: "negative and reach over 10k"', () => {
    const angry = conversation({ language: 'nl', reach: 12_000, sentiment: 'negative' });
    const calm = conversation({ language: 'nl', reach: 12_000, sentiment: 'neutral' });
    const unscored = conversation({ language: 'pt', reach: 12_000, sentiment: null });
    const urgent = rule({
      conditions: { sentiments: ['negative'], minReach: 10_000 },
      actions: { priority: 'urgent' },
    });
    const run = (c: typeof angry) => applyRules([urgent], c, c.excerpt, team, {});
    expect(run(angry).fired).toHaveLength(1);
    expect(run(angry).change.priority).toBe('urgent');
    expect(run(calm).fired).toHaveLength(0);
    expect(run(unscored).fired).toHaveLength(0);
    expect(run({ ...angry, reach: 9_999 }).fired).toHaveLength(0);
  });
});

describe('rule actions', () => {
  const dutch = conversation({ language: 'nl' });

  it('adds tags up, and lets the first rule decide the assignee, priority and status', () => {
    const outcome = applyRules(
      [
        rule({ id: 'r1', actions: { addTags: ['nl'], priority: 'high' } }),
        rule({ id: 'off', enabled: false, actions: { status: 'spam' } }),
        rule({
          id: 'r2',
          actions: {
            addTags: ['nl', 'urgent'],
            priority: 'low',
            assign: { kind: 'agent', agentId: 'c-lucia' },
          },
        }),
        rule({
          id: 'r3',
          actions: { assign: { kind: 'agent', agentId: 'a-jan' }, status: 'pending' },
        }),
      ],
      dutch,
      'Hallo',
      team,
      {},
    );
    expect(outcome.change).toEqual({
      addTags: ['nl', 'urgent'],
      priority: 'high',
      assignee: 'c-lucia',
      status: 'pending',
    });
    expect(outcome.fired.map((f) => [f.rule.id, f.did])).toEqual([
      ['r1', { addTags: ['nl'], priority: 'high' }],
      ['r2', { addTags: ['urgent'], assignee: 'c-lucia' }],
      ['r3', { status: 'pending' }],
    ]);
  });

  it('gives conversations by turns to the agents who speak the language, fairly', () => {
    const byTurns = [rule({ actions: { assign: { kind: 'round-robin' } } })];
    let turns: Record<string, string> = {};
    const given: string[] = [];
    for (let i = 0; i < 5; i++) {
      const outcome = applyRules(byTurns, dutch, 'Hallo', team, turns);
      given.push(outcome.change.assignee ?? '-');
      turns = outcome.turns;
    }
    // Removed agents and those who do not speak Dutch get none.
    expect(given).toEqual(['a-jan', 'b-eva', 'a-jan', 'b-eva', 'a-jan']);
    expect(turns).toEqual({ nl: 'a-jan' });
  });

  it('assigns nobody when nobody speaks the language, and lets a later rule assign', () => {
    const german = conversation({ language: 'de' });
    const outcome = applyRules(
      [
        rule({ id: 'turns', actions: { assign: { kind: 'round-robin' } } }),
        rule({ id: 'fallback', actions: { assign: { kind: 'agent', agentId: 'a-jan' } } }),
      ],
      german,
      'Hallo',
      team,
      {},
    );
    expect(outcome.change.assignee).toBe('a-jan');
    expect(speakersOf('de', team)).toEqual([]);
    expect(nextInTurn([], undefined)).toBeNull();
  });
});
