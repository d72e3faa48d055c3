import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuleConditionsSchema } from '../../shared';
import type { Conversation, ConversationStatus } from '../../shared';
import { conversation, post, tempDir } from '../test/fixtures';
import { clockStartingAt } from '../time/clock';
import { SqliteStore } from '../store/sql/sqlite-store';
import { previewRule } from './rule-preview';

const clock = clockStartingAt(Date.UTC(2026, 10, 20));
let store: SqliteStore;
let cleanup: () => Promise<void>;

/** Ten conversations, newest last: their opening post, language, platform, reach and status. */
const queue: [string, string, 'x' | 'facebook', number, ConversationStatus][] = [
  ['De koffie was koud, geen melk', 'nl', 'x', 10, 'new'],
  ['Waar is mijn bestelling?', 'nl', 'x', 5000, 'open'],
  ['The coffee was cold and no MILK', 'en', 'x', 10, 'new'],
  ['Geen melk meer in de winkel', 'nl', 'facebook', 10, 'pending'],
  ['Melkschuim is lekker', 'nl', 'x', 10, 'new'],
  ['Geen Melk!', 'nl', 'x', 10, 'done'],
  ['geen melk, weer niet', 'nl', 'x', 10, 'spam'],
  ['Ik wil mijn geld terug: geen melk', 'nl', 'x', 900, 'new'],
  ['Pas de lait ce matin', 'fr', 'facebook', 10, 'new'],
  ['Melk? Melk.', 'nl', 'facebook', 10, 'open'],
];

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  store = SqliteStore.open(temp.dir, { clock });
  const conversations: Conversation[] = [];
  const posts = queue.map(([text, language, platform, ,], i) =>
    post({ externalId: String(100 + i), platform, text, language }),
  );
  for (const [i, [, language, platform, reach, status]] of queue.entries()) {
    conversations.push(
      conversation({
        id: `${platform}:${100 + i}`,
        platform,
        accountId: `${platform}:brand`,
        language,
        reach,
        status,
        // The excerpt is not what rules read: the opening post's text is.
        excerpt: 'excerpt',
        lastPostAt: new Date(Date.UTC(2026, 10, 20, 10, i)).toISOString(),
      }),
    );
  }
  store.commitNow(
    [],
    [
      { kind: 'posts.add', posts },
      { kind: 'conversations.put', conversations },
    ],
  );
});
afterAll(async () => {
  await store.close();
  await cleanup();
});

const preview = (conditions: object, examples = 3, scan?: number) =>
  previewRule(store, { conditions: RuleConditionsSchema.parse(conditions), examples }, scan);

describe('previewRule', () => {
  it('counts the conversations still to handle that the conditions match, newest first', async () => {
    // "melk" as a whole word, in Dutch: not "Melkschuim", not the done or spam ones, not English.
    const milk = await preview({ languages: ['nl'], keywords: ['MELK'] });
    expect(milk).toEqual({
      matched: 4,
      scanned: 8,
      partial: false,
      examples: [
        expect.objectContaining({ id: 'facebook:109' }),
        expect.objectContaining({ id: 'x:107' }),
        expect.objectContaining({ id: 'facebook:103' }),
      ],
    });
    expect(
      (await preview({ languages: ['nl'], keywords: ['melk'], platforms: ['x'] })).matched,
    ).toBe(2);
    expect((await preview({ minReach: 800 })).examples.map((c) => c.id)).toEqual([
      'x:107',
      'x:101',
    ]);
    // No condition: every conversation still to handle.
    expect((await preview({}, 0)).matched).toBe(8);
    expect((await preview({}, 0)).examples).toEqual([]);
    expect((await preview({ keywords: ['chocolat'] })).matched).toBe(0);
  });

  it('says when it looked at only the newest conversations', async () => {
    const some = await preview({ languages: ['nl'], keywords: ['melk'] }, 3, 3);
    expect(some).toMatchObject({ matched: 2, scanned: 3, partial: true });
  });
});
