import type { Agent, Author, Conversation, Post, ReplyTranslation, Sentiment } from '../../shared';
import type { OutboxItem } from '../outbox/outbox-item';
import { author, conversation, post } from './fixtures';

/**
 * A hand-built day for the reports read from tone and language (every figure of the specs is
 * worked out from it by hand). On 2026-11-20, Café Aurore's customers complain of cold orders:
 *
 * | conversation   | language | first post       | first answer                   | after it           |
 * | -------------- | -------- | ---------------- | ------------------------------ | ------------------ |
 * | x:c1           | fr       | 10:00 negative   | Jan 10:20, in French (1)       | 10:40 positive     |
 * | x:c2           | fr       | 10:05 negative   | Rita 10:30, in English         | 10:50 negative (2) |
 * | x:c7           | pt       | 10:10 (no tone)  | none                           |                    |
 * | facebook:c3    | en       | 11:10 negative   | Hootsuite 11:30, in English    | nothing            |
 * | facebook:c4    | en       | 11:15 neutral    | Jan 11:20, "9am" (1)           |                    |
 * | x:c5           | de       | 12:05 negative   | none                           |                    |
 * | x:c6           | fr       | 12:30 negative   | Rita's statement 12:45         | 13:00 neutral      |
 * | x:c8           | fr       | arrived Nov 10th | (a negative post at 10:15)     |                    |
 *
 * c1, c2, c3 and c6 share the hashtag #CommandeFroide: one story in two languages.
 *
 * (1) Jan drafted both in Dutch and the inbox sent them translated (the outbox keeps the record):
 * "9am" has no language to detect, the record says it went out in English.
 * (2) At 14:10 another customer, Marc, writes in the thread that his order was perfect: a
 * positive post, but not the word of the customer who began the conversation.
 */
export const TONE_DAY: {
  range: { from: string; to: string };
  at: string;
  agents: Agent[];
} = {
  /** The week the reports cover: c8 arrived before it. */
  range: { from: '2026-11-16T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' },
  /** The crisis view's end: its last four hours are 10:00 to 13:59. */
  at: '2026-11-20T13:30:00.000Z',
  agents: [
    { id: 'jan', name: 'Jan de Wit', role: 'agent', languages: ['nl', 'fr'] },
    { id: 'rita', name: 'Rita Hale', role: 'manager', languages: ['en'] },
  ],
};

const at = (hhmm: string, day = '2026-11-20') => `${day}T${hhmm}:00.000Z`;

interface Line {
  at: string;
  text: string;
  sentiment?: Sentiment | null;
  language?: string | null;
  /** A brand reply: by an agent from the inbox, or made with another app. */
  by?: string | 'outside';
  /** Who wrote it, when not the conversation's customer. */
  author?: Author;
}

/** Another customer, who joins a conversation he did not begin. */
const MARC = author({ id: 'u9', handle: 'marc_b', name: 'Marc B.' });

/** The day's conversations and posts, and the records of the replies the inbox sent translated. */
export function toneDay(): { conversations: Conversation[]; posts: Post[]; outbox: OutboxItem[] } {
  const conversations: Conversation[] = [];
  const posts: Post[] = [];
  const add = (
    id: string,
    platform: 'x' | 'facebook',
    language: string | null,
    lines: Line[],
    extra: Partial<Conversation> = {},
  ) => {
    const conversationId = `${platform}:${id}`;
    const mine = lines.map((line, i) =>
      post({
        externalId: i === 0 ? id : `${id}.${i}`,
        conversationId,
        platform,
        accountId: `${platform}:brand`,
        createdAt: line.at,
        text: line.text,
        language: line.language === undefined ? language : line.language,
        ...(line.author ? { author: line.author } : {}),
        ...(line.by == null
          ? { sentiment: line.sentiment ?? null }
          : line.by === 'outside'
            ? {
                direction: 'outbound' as const,
                outside: true,
                sourceApp: { name: 'Hootsuite', id: null, link: null },
              }
            : { direction: 'outbound' as const, sentBy: line.by, client: 'browser' }),
      }),
    );
    posts.push(...mine);
    conversations.push(
      conversation({
        id: conversationId,
        platform,
        accountId: `${platform}:brand`,
        language,
        createdAt: mine[0]!.createdAt,
        lastPostAt: mine.at(-1)!.createdAt,
        postCount: mine.length,
        ...extra,
      }),
    );
  };
  const cold = '#CommandeFroide';
  add('c1', 'x', 'fr', [
    {
      at: at('10:00'),
      text: `Ma commande est arrivée froide, service lamentable ${cold}`,
      sentiment: 'negative',
    },
    { at: at('10:20'), text: 'Toutes nos excuses, nous vous envoyons un bon.', by: 'jan' },
    { at: at('10:40'), text: 'Merci beaucoup, c’est réglé !', sentiment: 'positive' },
  ]);
  add('c2', 'x', 'fr', [
    {
      at: at('10:05'),
      text: `Commande froide encore une fois, service lamentable ${cold}`,
      sentiment: 'negative',
    },
    {
      at: at('10:30'),
      text: 'We are sorry to hear that, please send us a DM.',
      by: 'rita',
      language: 'en',
    },
    { at: at('10:50'), text: 'Toujours rien, lamentable', sentiment: 'negative' },
    {
      at: at('14:10'),
      text: 'Chez moi la commande était parfaite, merci !',
      sentiment: 'positive',
      author: MARC,
    },
  ]);
  add('c7', 'x', 'pt', [{ at: at('10:10'), text: 'Olá, a loja abre amanhã?', sentiment: null }]);
  add('c3', 'facebook', 'en', [
    {
      at: at('11:10'),
      text: `My order arrived cold again, terrible service ${cold}`,
      sentiment: 'negative',
    },
    { at: at('11:30'), text: 'Sorry about that, we will look into it.', by: 'outside' },
  ]);
  add('c4', 'facebook', 'en', [
    { at: at('11:15'), text: 'What time do you open on Sunday?', sentiment: 'neutral' },
    { at: at('11:20'), text: '9am', by: 'jan', language: null },
  ]);
  add('c5', 'x', 'de', [
    { at: at('12:05'), text: 'Bestellung kalt angekommen, schrecklich', sentiment: 'negative' },
  ]);
  add(
    'c6',
    'x',
    'fr',
    [
      {
        at: at('12:30'),
        text: `Commande froide, service lamentable, honteux ${cold}`,
        sentiment: 'negative',
      },
      { at: at('13:00'), text: 'D’accord, on verra.', sentiment: 'neutral' },
    ],
    {
      statement: {
        postId: 'x:statement1',
        permalink: 'https://x.com/CafeAurore/status/statement1',
        by: 'rita',
        at: at('12:45'),
      },
    },
  );
  add('c8', 'x', 'fr', [
    { at: at('09:00', '2026-11-10'), text: 'Bonjour', sentiment: 'neutral' },
    { at: at('10:15'), text: 'Commande froide, lamentable', sentiment: 'negative' },
  ]);
  const outbox = [
    translatedReply('x:c1', 'c1.1', at('10:20'), {
      text: 'Toutes nos excuses, nous vous envoyons un bon.',
      draft: 'Onze excuses, we sturen u een waardebon.',
      language: 'fr',
    }),
    translatedReply('facebook:c4', 'c4.1', at('11:20'), {
      text: '9am',
      draft: '9 uur',
      language: 'en',
    }),
  ];
  return { conversations, posts, outbox };
}

/** The outbox's record of a reply Jan drafted in Dutch and the inbox sent translated. */
function translatedReply(
  conversationId: string,
  externalId: string,
  sentAt: string,
  reply: { text: string; draft: string; language: ReplyTranslation['language'] },
): OutboxItem {
  const platform = conversationId.startsWith('x:') ? 'x' : 'facebook';
  return {
    key: `reply-${externalId}`,
    platform,
    accountId: `${platform}:brand`,
    conversationId,
    replyTo: conversationId,
    kind: 'public',
    text: reply.text,
    agentId: 'jan',
    client: 'browser',
    translation: {
      draft: reply.draft,
      draftLanguage: 'nl',
      language: reply.language,
      provider: 'deepl',
      edited: false,
    },
    state: 'sent',
    externalId,
    error: null,
    // Queued a minute before the platform had it.
    createdAt: new Date(Date.parse(sentAt) - 60_000).toISOString(),
    updatedAt: sentAt,
  };
}
