import { describe, expect, it } from 'vitest';
import { wordsFor } from '../i18n/translate';
import { agentLabel, assignableAgents } from './agent-label';

const jan = { id: 'agent:1', name: 'Jan', role: 'agent' as const, languages: ['nl'] };
const lucia = { id: 'agent:2', name: 'Lucía', role: 'agent' as const, languages: ['es'] };

describe('agentLabel', () => {
  it('names agents, marks the signed-in one, and keeps an unknown id readable', () => {
    expect(agentLabel('agent:2', [jan, lucia], jan)).toBe('Lucía');
    expect(agentLabel('agent:1', [jan, lucia], jan)).toBe('Jan (you)');
    expect(
      agentLabel('local', [], { id: 'local', name: 'You', role: 'manager', languages: [] }),
    ).toBe('You');
    expect(agentLabel('agent:9', [jan], null)).toBe('agent:9');
  });

  it('says "you" in the UI language', () => {
    const { t } = wordsFor('fr');
    expect(agentLabel('agent:1', [jan, lucia], jan, t)).toBe('Jan (vous)');
    expect(
      agentLabel('local', [], { id: 'local', name: 'You', role: 'manager', languages: [] }, t),
    ).toBe('Vous');
    expect(agentLabel('agent:2', [jan, lucia], jan, t)).toBe('Lucía');
  });
});

describe('assignable agents', () => {
  const active = { id: 'a1', name: 'Jan', role: 'agent' as const, languages: ['nl'] };
  const gone = { ...active, id: 'a2', name: 'Old', removedAt: '2026-11-01T00:00:00.000Z' };
  const me = { id: 'm1', name: 'Camille', role: 'manager' as const, languages: [] };

  it('leaves removed agents out, and puts the signed-in agent first when missing', () => {
    expect(assignableAgents([active, gone], me).map((a) => a.id)).toEqual(['m1', 'a1']);
    expect(assignableAgents([me, active, gone], me).map((a) => a.id)).toEqual(['m1', 'a1']);
    expect(assignableAgents(undefined, null)).toEqual([]);
  });
});
