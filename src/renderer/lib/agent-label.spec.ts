import { describe, expect, it } from 'vitest';
import { wordsFor } from '../i18n/translate';
import { agentLabel } from './agent-label';

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
