import { describe, expect, it } from 'vitest';
import { keywordsOf, recurringWords } from './keywords';

describe('keywords of a complaint', () => {
  it('leaves out stop words, elisions, short words, numbers, links and handles', () => {
    expect([
      ...keywordsOf(
        "@CafeAurore C'est la 3e fois que ma commande n'arrive pas, l'attente est honteuse https://t.co/x1 #Remboursement",
        'fr',
      ),
    ]).toEqual(['commande', 'arrive', 'attente', 'honteuse', 'remboursement']);
    expect([
      ...keywordsOf('My order is STILL not here and the app is broken!! 2024', 'en'),
    ]).toEqual(['order', 'app', 'broken']);
    expect([...keywordsOf('Die Bestellung ist nicht gekommen, sehr ärgerlich', 'de')]).toEqual([
      'bestellung',
      'gekommen',
      'ärgerlich',
    ]);
  });

  it('reads a language the stop words do not know with no stop words, and Turkish capitals as Turkish', () => {
    expect([...keywordsOf('Pedido frio outra vez', 'unknown')]).toEqual([
      'pedido',
      'frio',
      'outra',
      'vez',
    ]);
    expect([...keywordsOf('SİPARİŞ', 'tr')]).toEqual(['sipariş']);
  });

  it('counts a word once per post, keeps those of two posts or more, the most first', () => {
    const post = (id: string, createdMs: number, text: string, conversationId = id) => ({
      id,
      conversationId,
      createdMs,
      text,
    });
    const words = recurringWords(
      [
        post('a', 1, 'cold cold cold coffee'),
        post('b', 3, 'cold coffee, rude staff', 'a'),
        post('c', 2, 'rude staff again'),
        post('d', 4, 'cold'),
      ],
      'en',
    );
    expect(words.map((w) => [w.word, w.posts.map((p) => p.id), [...w.conversations]])).toEqual([
      ['cold', ['d', 'b', 'a'], ['d', 'a']],
      // As many posts: the word of more conversations first.
      ['rude', ['b', 'c'], ['a', 'c']],
      ['staff', ['b', 'c'], ['a', 'c']],
      ['coffee', ['b', 'a'], ['a']],
    ]);
  });
});
