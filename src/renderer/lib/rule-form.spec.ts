import { describe, expect, it } from 'vitest';
import { SaveRuleInputSchema } from '../../shared/rules';
import { emptyRuleForm, formOf, inputOf } from './rule-form';

describe('rule form', () => {
  it('turns what the manager typed into a rule the contract accepts, and back', () => {
    const input = inputOf({
      ...emptyRuleForm(),
      name: 'Dutch',
      keywords: 'koud,  bestelling , ',
      languages: ['nl', 'be'],
      platforms: ['x'],
      minReach: '1000',
      tags: 'nl',
      assign: 'round-robin',
      priority: 'high',
    });
    const rule = SaveRuleInputSchema.parse(input);
    expect(rule).toMatchObject({
      name: 'Dutch',
      conditions: { keywords: ['koud', 'bestelling'], languages: ['nl', 'be'], minReach: 1000 },
      actions: { addTags: ['nl'], assign: { kind: 'round-robin' }, priority: 'high', status: null },
    });
    const back = formOf({ id: 'rule:1', ...rule });
    expect(back).toMatchObject({
      id: 'rule:1',
      keywords: 'koud, bestelling',
      languages: ['nl', 'be'],
      assign: 'round-robin',
    });
    expect(inputOf({ ...back, assign: 'agent:7' }).actions.assign).toEqual({
      kind: 'agent',
      agentId: 'agent:7',
    });
  });

  it('leaves a rule that does nothing to the contract to refuse', () => {
    expect(
      SaveRuleInputSchema.safeParse(inputOf({ ...emptyRuleForm(), name: 'Idle' })).success,
    ).toBe(false);
  });
});
