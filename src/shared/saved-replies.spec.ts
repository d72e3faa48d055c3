import { describe, expect, it } from 'vitest';
import { SaveSavedReplyInputSchema, fillReply, unknownVariables } from './saved-replies';

const values = {
  'author.name': 'Marie Dupont',
  'author.handle': '@marie_d',
  'agent.name': 'Camille',
  brand: 'Café Aurore',
};

describe('saved replies', () => {
  it('fills the variables in', () => {
    expect(fillReply('Bonjour {author.name}, ici {agent.name} de {brand}.', values)).toBe(
      'Bonjour Marie Dupont, ici Camille de Café Aurore.',
    );
    expect(fillReply('Merci {author.handle} !', values)).toBe('Merci @marie_d !');
  });

  it('drops a value it does not have, with its space, and writes braces asked for', () => {
    expect(fillReply('Hello {author.handle}, thanks', { ...values, 'author.handle': null })).toBe(
      'Hello, thanks',
    );
    expect(fillReply('Use {{code}} here', values)).toBe('Use {code} here');
  });

  it('names an unknown variable, and refuses a saved reply that uses one', () => {
    expect(unknownVariables('Hi {author.nmae} and {brand}')).toEqual(['author.nmae']);
    const parsed = SaveSavedReplyInputSchema.safeParse({
      title: 'Hi',
      language: 'en',
      text: 'Hi {author.nmae}',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      'unknown variable {author.nmae}: use {author.name}, {author.handle}, {agent.name}, {brand}',
    );
    expect(
      SaveSavedReplyInputSchema.safeParse({ title: 'Hi', language: 'en', text: 'Hi {{x}}' })
        .success,
    ).toBe(true);
  });
});
