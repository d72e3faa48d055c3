import { describe, expect, it } from 'vitest';
import { LshIndex, MinHasher, SIGNATURE_SIZE } from './minhash';

const words = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `word${from + i}`);

describe('MinHash signatures', () => {
  it('agree on about the share of words two sets have in common', () => {
    const hasher = new MinHasher();
    const sig = (list: string[]) => hasher.signature(hasher.idsOf(list)).slice();
    const a = sig(words(0, 20));
    expect(sig([...words(0, 20)].reverse())).toEqual(a);
    // 10 words in common of 30: Jaccard 1/3.
    const b = sig(words(10, 30));
    const same = a.filter((v, i) => v === b[i]).length / SIGNATURE_SIZE;
    expect(same).toBeGreaterThan(0.2);
    expect(same).toBeLessThan(0.47);
    const c = sig(words(100, 120));
    expect(a.filter((v, i) => v === c[i]).length).toBe(0);
  });
});

describe('the LSH index', () => {
  it('finds every item by its own signature as it grows, and near ones, not unrelated ones', () => {
    const hasher = new MinHasher();
    const index = new LshIndex();
    const sigs: Int32Array[] = [];
    // 5,000 sets of 8 words, each sharing nothing with the others: well past the first table size.
    for (let item = 0; item < 5_000; item++) {
      sigs.push(hasher.signature(hasher.idsOf(words(item * 8, item * 8 + 8))));
      index.add(item, sigs[item]!);
    }
    for (let item = 0; item < 5_000; item += 7)
      expect(index.candidates(sigs[item]!)).toEqual([item]);
    // 7 of item 42's 8 words and one of its own: Jaccard 7/9.
    const near = hasher.signature(hasher.idsOf([...words(336, 343), 'other']));
    expect(index.candidates(near)).toEqual([42]);
    expect(index.candidates(hasher.signature(hasher.idsOf(words(90_000, 90_008))))).toEqual([]);
  });

  it('gives each candidate once, however many buckets it shares', () => {
    const hasher = new MinHasher();
    const index = new LshIndex();
    const sig = hasher.signature(hasher.idsOf(words(0, 10)));
    index.add(0, sig);
    index.add(1, hasher.signature(hasher.idsOf(words(0, 10))));
    expect(index.candidates(sig).sort()).toEqual([0, 1]);
  });
});
