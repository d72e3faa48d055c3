import type { Agent, Conversation, Post } from '../../../shared';
import type { StoreChange } from '../../store/port';
import { conversation, post } from '../../test/fixtures';

// Two days of a queue that a report thread is checked on, on either engine.

export const agents: Agent[] = [
  { id: 'rita', name: 'Rita Hale', role: 'manager', languages: ['en'] },
  { id: 'jan', name: 'Jan de Wit', role: 'agent', languages: ['nl'] },
];
const STORY = 'your oat milk latte made me sick at the station shop';
export const RANGE = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T12:00:00.000Z' };
/** The time the reports are asked at: the end of the range. */
export const NOW = '2026-03-02T12:00:00.000Z';

/** Two days of conversations: some answered by Rita or Jan, a story of six the last morning. */
export function queue(): { conversations: Conversation[]; posts: Post[] } {
  const conversations: Conversation[] = [];
  const posts: Post[] = [];
  for (let i = 0; i < 120; i++) {
    const at = Date.parse('2026-03-01T00:00:00.000Z') + i * 17 * 60_000;
    const text = i % 20 === 0 ? STORY : `question ${i} about my loyalty card number ${i * 7}`;
    const opener = post({ externalId: `m${i}`, createdAt: new Date(at).toISOString(), text });
    const mine = [opener];
    if (i % 3 !== 0)
      mine.push(
        post({
          externalId: `m${i}r`,
          conversationId: opener.id,
          direction: 'outbound',
          createdAt: new Date(at + (i % 5) * 11 * 60_000).toISOString(),
          sentBy: i % 2 === 0 ? 'rita' : 'jan',
          client: 'browser',
        }),
      );
    posts.push(...mine);
    conversations.push(
      conversation({
        id: opener.id,
        language: (['en', 'nl', 'fr'] as const)[i % 3],
        createdAt: opener.createdAt,
        lastPostAt: mine.at(-1)!.createdAt,
        postCount: mine.length,
      }),
    );
  }
  return { conversations, posts };
}

/** A conversation that arrives late in the range: its post and itself, to commit. */
export function lateArrival(): StoreChange[] {
  const late = post({ externalId: 'late', createdAt: '2026-03-02T11:00:00.000Z', text: 'hello?' });
  return [
    { kind: 'posts.add', posts: [late] },
    {
      kind: 'conversations.put',
      conversations: [
        conversation({ id: late.id, createdAt: late.createdAt, lastPostAt: late.createdAt }),
      ],
    },
  ];
}
