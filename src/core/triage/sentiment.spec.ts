import { describe, expect, it } from 'vitest';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';
import { smallScenario } from '../test/scenario';
import { sentimentOf } from './sentiment';

describe('the tone of a post', () => {
  it('reads negative, neutral and positive posts in each of the six languages', () => {
    expect(sentimentOf('@CafeAurore Merci, c’est génial !', 'fr')).toBe('positive');
    expect(sentimentOf('@CafeAurore Quelle arnaque, c’est une honte.', 'fr')).toBe('negative');
    expect(sentimentOf('Thanks @CafeAurore, great service today', 'en')).toBe('positive');
    expect(sentimentOf('This is a scam and a disgrace, @CafeAurore', 'en')).toBe('negative');
    expect(sentimentOf('Was für eine Enttäuschung. Das ist Betrug.', 'de')).toBe('negative');
    expect(sentimentOf('Bedankt voor de snelle reactie, echt fijn!', 'nl')).toBe('positive');
    expect(sentimentOf('Qué decepción, es una estafa.', 'es')).toBe('negative');
    expect(sentimentOf('Grazie mille, personale gentile e cappuccino perfetto.', 'it')).toBe(
      'positive',
    );
    expect(sentimentOf('@CafeAurore Is the Shoreditch shop open on Sundays?', 'en')).toBe(
      'neutral',
    );
  });

  it('turns a word around after a negator', () => {
    expect(sentimentOf('The coffee is good', 'en')).toBe('positive');
    expect(sentimentOf('The coffee is not good', 'en')).toBe('negative');
  });

  it('leaves out handles and links, and scores no other language', () => {
    expect(sentimentOf('@bad_service https://example.com/awful', 'en')).toBe('neutral');
    expect(sentimentOf('Obrigado, que maravilha!', 'pt')).toBeNull();
    expect(sentimentOf('Thanks!', null)).toBeNull();
  });
});

describe('the tone in the queue', () => {
  const cleanup = useCleanups();

  it('scores each customer post at sync, gives the conversation its latest tone, and filters the queue by it', async () => {
    const scenario = smallScenario();
    const giuliaComment = scenario.facebook.comments.find((c) => c.id === '5001_9004')!;
    giuliaComment.message = 'Che delusione, è una vergogna e una truffa.';
    const { service } = await inboxOnEmulator(cleanup, { scenario });
    const all = (await service.listConversations({})).items;
    const giulia = all.find((c) => c.author.name === 'Giulia Rossi')!;
    expect(giulia.sentiment).toBe('negative');
    const klausOpener = all.find((c) => c.author.name === 'Klaus Becker')!;
    expect(klausOpener.sentiment).toBe('neutral');
    const klaus = await service.getConversation({ id: 'facebook:5001_9001' });
    for (const post of klaus.posts) {
      if (post.direction === 'outbound') expect(post.sentiment).toBeNull();
      else expect(post.sentiment).toBe(sentimentOf(post.text, post.language));
    }
    const latest = klaus.posts.filter((p) => p.direction === 'inbound').at(-1)!;
    expect(klaus.conversation.sentiment).toBe(latest.sentiment);

    const tones = ['negative', 'neutral', 'positive'] as const;
    let listed = 0;
    for (const sentiment of tones) {
      const page = await service.listConversations({ sentiment });
      expect(page.items.every((c) => c.sentiment === sentiment)).toBe(true);
      expect(page.total).toBe(page.items.length);
      expect(page.items.map((c) => c.id).sort()).toEqual(
        all
          .filter((c) => c.sentiment === sentiment)
          .map((c) => c.id)
          .sort(),
      );
      listed += page.items.length;
    }
    // Every conversation of the scenario is in a language the inbox scores.
    expect(listed).toBe(all.length);
    const negativeX = await service.listConversations({ sentiment: 'negative', platform: 'x' });
    expect(negativeX.items.every((c) => c.platform === 'x' && c.sentiment === 'negative')).toBe(
      true,
    );
  });
});
