import { describe, expect, it } from 'vitest';
import { CrisisSchema } from '../../shared';
import type { Conversation, Post } from '../../shared';
import { conversation, post } from '../../shared/test-fixtures';
import { arrivalsByHour, clusterConversations, crisisView } from './crisis';

const H = 3_600_000;
const at = new Date('2026-03-08T10:30:00.000Z');
const windowStart = Date.parse('2026-03-08T08:00:00.000Z');

/** One arrival in each of the 168 hours before the window, then 2, 12 and 5 in its three hours. */
function arrivals(): string[] {
  const times: string[] = [];
  for (let h = 1; h <= 168; h++) times.push(new Date(windowStart - h * H + 60_000).toISOString());
  const inHour = (offset: number, n: number) => {
    for (let i = 0; i < n; i++)
      times.push(new Date(windowStart + offset * H + i * 60_000).toISOString());
  };
  inHour(0, 2);
  inHour(1, 12);
  inHour(2, 5);
  // Before the baseline and after the window: not counted.
  times.push(new Date(windowStart - 200 * H).toISOString(), '2026-03-08T11:00:00.000Z');
  return times;
}

describe('arrivals per hour', () => {
  it('counts each hour of the window, with the usual level and the latest spike', () => {
    const view = arrivalsByHour(arrivals(), at, 3);
    expect(view.from).toBe('2026-03-08T08:00:00.000Z');
    expect(view.to).toBe('2026-03-08T11:00:00.000Z');
    expect(view.hours).toEqual([
      { start: '2026-03-08T08:00:00.000Z', arrivals: 2 },
      { start: '2026-03-08T09:00:00.000Z', arrivals: 12 },
      { start: '2026-03-08T10:00:00.000Z', arrivals: 5 },
    ]);
    expect(view.usualPerHour).toBe(1);
    expect(view.spike).toEqual({ start: '2026-03-08T09:00:00.000Z', arrivals: 12, ratio: 12 });
  });

  it('sees no spike when a busy hour is a busy brand’s usual hour', () => {
    const busy: string[] = [];
    for (let h = 1; h <= 168; h++)
      for (let i = 0; i < 5; i++)
        busy.push(new Date(windowStart - h * H + i * 60_000).toISOString());
    for (let i = 0; i < 12; i++) busy.push(new Date(windowStart + i * 60_000).toISOString());
    const view = arrivalsByHour(busy, at, 3);
    expect(view.usualPerHour).toBe(5);
    expect(view.hours[0]?.arrivals).toBe(12);
    expect(view.spike).toBeNull();
  });
});

describe('clusters of near-duplicate mentions', () => {
  const member = (id: string, minute: number, text: string, language = 'en', answered = false) => ({
    conversation: conversation({
      id,
      language,
      createdAt: new Date(windowStart + minute * 60_000).toISOString(),
    }),
    text,
    answered,
  });
  const members = [
    member('a1', 1, '@CafeAurore your oat milk made me sick #OatGate'),
    member('a2', 2, '@CafeAurore your oat milk made me so sick #OatGate', 'en', true),
    member('b1', 3, 'Where is my refund for order 5521?'),
    member('a3', 4, 'Your oat milk made me sick @CafeAurore!! https://t.co/x'),
    member('c1', 5, 'Le nouveau latte est délicieux', 'fr'),
    member('a4', 6, '@CafeAurore YOUR OAT MILK MADE ME SICK', 'en'),
    member('c2', 7, 'Le nouveau latte est vraiment délicieux', 'fr'),
  ];

  it('groups what says the same thing, leaves pairs and singles out, biggest first', () => {
    const clusters = clusterConversations(members);
    expect(clusters).toEqual([
      {
        id: 'a1',
        size: 4,
        conversationIds: ['a4', 'a3', 'a2', 'a1'],
        sample: '@CafeAurore your oat milk made me sick #OatGate',
        languages: ['en'],
        unanswered: 3,
        firstAt: '2026-03-08T08:01:00.000Z',
        lastAt: '2026-03-08T08:06:00.000Z',
      },
    ]);
  });

  it('builds the whole view from conversations and posts', () => {
    const conversations: Conversation[] = members.map((m) => m.conversation);
    const posts = new Map<string, Post[]>(
      members.map((m) => [
        m.conversation.id,
        [
          post({
            id: `${m.conversation.id}:0`,
            conversationId: m.conversation.id,
            text: m.text,
            createdAt: m.conversation.createdAt,
          }),
          ...(m.answered
            ? [
                post({
                  id: `${m.conversation.id}:1`,
                  conversationId: m.conversation.id,
                  direction: 'outbound',
                  createdAt: m.conversation.createdAt,
                }),
              ]
            : []),
        ],
      ]),
    );
    const view = crisisView(conversations, (id) => posts.get(id) ?? [], at, 3);
    expect(() => CrisisSchema.parse(view)).not.toThrow();
    expect(view.hours.map((h) => h.arrivals)).toEqual([7, 0, 0]);
    expect(view.usualPerHour).toBe(0);
    expect(view.spike).toBeNull();
    expect(view.clusters.map((c) => [c.id, c.size, c.unanswered])).toEqual([['a1', 4, 3]]);
  });
});
