import { describe, expect, it } from 'vitest';
import { xWeightedLength } from './x-text';

describe('xWeightedLength', () => {
  it('counts as X does: Latin 1, CJK and emoji 2, any link 23', () => {
    expect(xWeightedLength('Merci Marie, désolés !')).toBe(22);
    expect(xWeightedLength('ありがとう')).toBe(10);
    expect(xWeightedLength('☕')).toBe(2);
    expect(
      xWeightedLength('Voir https://www.cafe-aurore.example/une/tres/longue/adresse?x=1'),
    ).toBe(5 + 23);
    expect(xWeightedLength('a'.repeat(280))).toBe(280);
  });
});
