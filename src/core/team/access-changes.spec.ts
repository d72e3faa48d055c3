import { describe, expect, it } from 'vitest';
import type { Agent } from '../../shared';
import type { Workspace } from '../store/workspace-store';
import { accessChanged } from './access-changes';

const agent = (id: string, role: Agent['role'] = 'agent'): Agent => ({
  id,
  name: id,
  role,
  languages: ['fr'],
});

const doc = (agents: Agent[], agentTokens: Record<string, string>): Workspace => ({
  schema: 1,
  accounts: [],
  agents,
  agentTokens,
  tags: [],
  views: {},
  rules: [],
  ruleTurns: {},
  savedReplies: [],
});

describe('access changes between two settings documents', () => {
  const before = doc([agent('a'), agent('b'), agent('c')], { ha: 'a', hb: 'b', hc: 'c' });

  it('names nobody when only other settings changed', () => {
    expect([...accessChanged(before, { ...before, tags: [{ name: 't', color: 'red' }] })]).toEqual(
      [],
    );
  });

  it('names the agents whose role changed, who left, or whose token was renewed', () => {
    const after = doc([agent('a', 'manager'), agent('c'), agent('d')], {
      ha: 'a',
      hc2: 'c',
      hd: 'd',
    });
    expect([...accessChanged(before, after)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
