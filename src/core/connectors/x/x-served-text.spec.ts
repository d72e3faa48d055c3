import { describe, expect, it } from 'vitest';
import { inboxOnEmulator, useCleanups } from '../../test/inbox-harness';
import { smallScenario, snowflake } from '../../test/scenario';
import { displayText, servedShape, textShape, unescapeXText } from './x-text';

const cleanup = useCleanups();
const WRITTEN =
  '@CafeAurore Tom & Jerry <3 > le menu https://example.com/carte?a=1&b=2 et aurore.fr/avis';

describe('X text as the inbox shows it', () => {
  it('unescapes what X escaped, and only that', () => {
    expect(unescapeXText('a &amp; b &lt;3 &gt; &amp;lt; &quot;')).toBe('a & b <3 > &lt; &quot;');
  });

  it('puts back the links X rewrote to t.co, from entities.urls', () => {
    const tweet = {
      text: 'voir https://t.co/abc &amp; https://t.co/def',
      entities: {
        urls: [
          {
            start: 5,
            end: 21,
            url: 'https://t.co/abc',
            expanded_url: 'https://example.com/a',
            display_url: 'example.com/a',
          },
          {
            start: 24,
            end: 40,
            url: 'https://t.co/def',
            expanded_url: 'https://x.com/i/web/status/1',
            unwound_url: 'https://example.org/long',
            display_url: 'x.com/i/web/status/1',
          },
        ],
      },
    };
    expect(displayText(tweet)).toBe('voir https://example.com/a & https://example.org/long');
  });

  it('recognises a reply by its words and its links, not by its exact text', () => {
    const served = {
      text: 'Tom &amp; Jerry &lt;3  https://t.co/x1\nmerci',
      entities: {
        urls: [{ start: 17, end: 35, url: 'https://t.co/x1', expanded_url: 'http://aurore.fr/' }],
      },
    };
    expect(servedShape(served)).toBe(textShape('Tom & Jerry <3 aurore.fr merci'));
    expect(servedShape(served)).not.toBe(textShape('Tom & Jerry <3 aurore.fr merci !'));
    expect(servedShape(served)).not.toBe(textShape('Tom & Jerry <3 merci'));
    expect(servedShape(served)).not.toBe(textShape('Tom & Jerry <3 aurore.fr/avis merci'));
    expect(servedShape(served)).toBe(textShape('Tom & Jerry <3 http://AURORE.fr merci'));
  });

  it('syncs a mention with &, <, > and links as its author wrote it, the app unreported', async () => {
    const scenario = smallScenario();
    const id = snowflake('2026-11-20T09:40:00Z');
    scenario.x!.tweets!.push({
      id,
      author_id: '3000000000000000001',
      text: WRITTEN,
      created_at: '2026-11-20T09:40:00Z',
      lang: 'fr',
      source: 'Twitter for iPhone',
    });
    const { service } = await inboxOnEmulator(cleanup, { scenario, sync: ['x'] });
    const { posts } = await service.getConversation({ id: `x:${id}` });
    expect(posts[0]).toMatchObject({
      // A link written without a scheme comes back as X expands it.
      text: WRITTEN.replace('aurore.fr/avis', 'http://aurore.fr/avis'),
      sourceApp: null,
      direction: 'inbound',
    });
  });
});
