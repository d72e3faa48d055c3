import { afterAll, describe, expect, it } from 'vitest';
import { CrisisSchema } from '../../shared';
import type { Conversation, Post } from '../../shared';
import { conversation, post } from '../../shared/test-fixtures';
import { crisisDay } from '../test/crisis-day';
import { replyWords } from '../triage/duplicate-guard';
import { clusterRunner } from './cluster-runner';
import { CLUSTER_MIN_SIZE, CLUSTER_SIMILARITY, clusterConversations } from './clusters';
import type { ClusterMember } from './clusters';
import { textKeys } from './story-links';
import { crisisView, hoursUpTo } from './crisis';

const H = 3_600_000;
const at = new Date('2026-03-08T10:30:00.000Z');
const windowStart = Date.parse('2026-03-08T08:00:00.000Z');

describe('clusters of near-duplicate mentions', () => {
  afterAll(() => clusterRunner.close());

  const member = (
    id: string,
    minute: number,
    text: string,
    language = 'en',
    answered = false,
  ): ClusterMember => ({
    id,
    createdAt: new Date(windowStart + minute * 60_000).toISOString(),
    language,
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
        byLanguage: [{ language: 'en', conversationIds: ['a4', 'a3', 'a2', 'a1'], unanswered: 3 }],
        shared: ['#oatgate'],
        unspokenLanguages: [],
        unanswered: 3,
        firstAt: '2026-03-08T08:01:00.000Z',
        lastAt: '2026-03-08T08:06:00.000Z',
      },
    ]);
  });

  it('keeps each language’s telling of a story apart, accents and case aside', () => {
    const clusters = clusterConversations([
      member('fr1', 1, 'Votre lait d’avoine m’a rendu malade', 'fr'),
      member('de1', 2, 'Eure Hafermilch hat mich krank gemacht', 'de'),
      member('fr2', 3, 'VOTRE LAIT D’AVOINE M’A RENDU MALADE !!', 'fr'),
      member('de2', 4, '@CafeAurore eure Hafermilch hat mich wirklich krank gemacht', 'de'),
      member('fr3', 5, 'votre lait d’avoine m’a rendu très malade', 'fr'),
      member('de3', 6, 'eure hafermilch hat mich krank gemacht #boycott', 'de'),
      member('es1', 7, 'Vuestra leche de avena me ha puesto enfermo', 'es'),
      member('es2', 8, 'La leche de avena de mi tienda está muy rica', 'es'),
      member('es3', 9, 'Mi leche de avena favorita', 'es'),
    ]);
    expect(clusters.map((c) => [c.conversationIds, c.languages])).toEqual([
      [['fr3', 'fr2', 'fr1'], ['fr']],
      [['de3', 'de2', 'de1'], ['de']],
    ]);
  });

  it('makes one story of one video shared in French, English and German', () => {
    const video = 'https://www.youtube.com/watch?v=oat-milk-42';
    const stories = clusterConversations([
      member('fr1', 1, `Vous servez du lait de vache comme lait d’avoine ?! ${video}`, 'fr'),
      member('en1', 2, `So this is what “oat milk” means at this café… ${video}&utm_source=x`),
      member(
        'de1',
        3,
        'Kuhmilch statt Hafermilch, unglaublich: https://youtu.be/oat-milk-42',
        'de',
      ),
      member('en2', 4, 'Anyone else seen the video of the oat milk being poured?'),
      member('fr2', 5, 'Je ne remettrai plus les pieds chez vous', 'fr'),
      member('de2', 6, `Das Video spricht für sich ${video}`, 'de'),
      member('nl1', 7, 'Waar is mijn bestelling van gisteren?', 'nl'),
    ]);
    expect(stories).toHaveLength(1);
    const [story] = stories;
    expect(story?.conversationIds).toEqual(['de2', 'de1', 'en1', 'fr1']);
    expect(story?.languages).toEqual(['de', 'en', 'fr']);
    expect(story?.byLanguage).toEqual([
      { language: 'de', conversationIds: ['de2', 'de1'], unanswered: 2 },
      { language: 'en', conversationIds: ['en1'], unanswered: 1 },
      { language: 'fr', conversationIds: ['fr1'], unanswered: 1 },
    ]);
    expect(story?.shared).toEqual(['youtube.com/watch?v=oat-milk-42']);
    expect(story?.sample).toMatch(/^Vous servez/);
  });

  it('joins a story by the post quoted or answered, by media, and by near-duplicate text', () => {
    const refs = (id: string, extra: string[] = []) => [`post:${id}`, ...extra];
    const stories = clusterConversations([
      { ...member('q1', 1, 'Ce n’est pas possible', 'fr'), keys: refs('q1', ['post:x:video']) },
      { ...member('q2', 2, 'Unbelievable', 'en'), keys: refs('q2', ['post:x:video']) },
      // Answers q2 (its post's id): in the story, as is what repeats q2's words.
      { ...member('q3', 3, 'Niet te geloven', 'nl'), keys: refs('q3', ['post:q2']) },
      { ...member('q4', 4, 'Unbelievable!!', 'en'), keys: refs('q4') },
      { ...member('m1', 5, 'Mirad esto', 'es'), keys: refs('m1', ['url:cdn.example/v.jpg']) },
      { ...member('m2', 6, 'Guardate qui', 'it'), keys: refs('m2', ['url:cdn.example/v.jpg']) },
      { ...member('m3', 7, 'Che vergogna', 'it'), keys: refs('m3', ['url:cdn.example/v.jpg']) },
      { ...member('z1', 8, 'Where is my order?'), keys: refs('z1') },
    ]);
    expect(stories.map((s) => [s.conversationIds, s.languages])).toEqual([
      [
        ['q4', 'q3', 'q2', 'q1'],
        ['en', 'fr', 'nl'],
      ],
      [
        ['m3', 'm2', 'm1'],
        ['es', 'it'],
      ],
    ]);
  });

  it('puts a mention with the cluster it is closest to, not with the first one close enough', () => {
    const clusters = clusterConversations([
      member('p1', 1, 'your oat milk latte made me'),
      member('q1', 2, 'milk latte made me sick again today seriously'),
      // 5 of its 8 words with p1 (0.625), 6 of 9 with q1 (0.667): close enough to both, closer to q1.
      member('r1', 3, 'oat milk latte made me sick again'),
      member('p2', 4, 'Your oat milk latte made me!!'),
      member('q2', 5, 'Milk latte made me sick again today, seriously'),
      member('p3', 6, '@CafeAurore your oat milk latte made me'),
    ]);
    expect(clusters.map((c) => c.conversationIds)).toEqual([
      ['p3', 'p2', 'p1'],
      ['q2', 'r1', 'q1'],
    ]);
  });

  it('builds the whole view from conversations and posts', async () => {
    const conversations: Conversation[] = members.map((m) =>
      conversation({ id: m.id, language: m.language, createdAt: m.createdAt }),
    );
    const posts = new Map<string, Post[]>(
      members.map((m) => [
        m.id,
        [
          post({ id: `${m.id}:0`, conversationId: m.id, text: m.text, createdAt: m.createdAt }),
          ...(m.answered
            ? [
                post({
                  id: `${m.id}:1`,
                  conversationId: m.id,
                  direction: 'outbound',
                  createdAt: m.createdAt,
                }),
              ]
            : []),
        ],
      ]),
    );
    const view = await crisisView(conversations, (id) => posts.get(id) ?? [], hoursUpTo(at, 3));
    expect(() => CrisisSchema.parse(view)).not.toThrow();
    expect(view.hours.map((h) => h.arrivals)).toEqual([7, 0, 0]);
    expect(view.usualPerHour).toBe(0);
    expect(view.spike).toBeNull();
    expect(view.clusters.map((c) => [c.id, c.size, c.unanswered])).toEqual([['a1', 4, 3]]);
  });

  it('makes one story of the comments under one Page post, whatever they say', async () => {
    const comments = [
      ['fb1', 'Remboursez-nous, c’est tout ce qu’on demande', 'fr'],
      ['fb2', 'Is the refund open to everyone?', 'en'],
      ['fb3', 'Wann kommt das Geld zurück?', 'de'],
      ['fb4', 'Where is my order from last week?', 'en'],
    ] as const;
    const conversations = comments.map(([id, , language], i) =>
      conversation({
        id,
        platform: 'facebook',
        language,
        createdAt: new Date(at.getTime() - 3_600_000 + i * 60_000).toISOString(),
      }),
    );
    const posts = new Map<string, Post[]>(
      comments.map(([id, text], i) => [
        id,
        [
          post({
            id: `${id}:0`,
            conversationId: id,
            text,
            createdAt: conversations[i]!.createdAt,
            // The last one sits under another Page post.
            underPost: id === 'fb4' ? 'facebook:1_other' : 'facebook:1_statement',
          }),
        ],
      ]),
    );
    const view = await crisisView(conversations, (id) => posts.get(id) ?? [], hoursUpTo(at, 3));
    expect(view.clusters.map((c) => [c.conversationIds, c.languages])).toEqual([
      [
        ['fb3', 'fb2', 'fb1'],
        ['de', 'en', 'fr'],
      ],
    ]);
  });

  it('ties no story by the hashtag or link the week before already carried, but by a new or spiking one', async () => {
    const conversations: Conversation[] = [];
    const posts = new Map<string, Post[]>();
    const add = (id: string, createdMs: number, text: string, language = 'en') => {
      const createdAt = new Date(createdMs).toISOString();
      conversations.push(conversation({ id, language, createdAt }));
      posts.set(id, [post({ id: `${id}:0`, conversationId: id, text, createdAt })]);
    };
    // The week before: the brand's own hashtag and site, each on a post every other hour (half a
    // post an hour), and a boycott's hashtag three times.
    for (let h = 1; h <= 168; h += 2) {
      add(`w${h}`, windowStart - h * H, 'Morning ritual #CafeAurore');
      add(`v${h}`, windowStart - h * H, 'Our beans: https://aurore.example');
    }
    add('b0', windowStart - 30 * H, 'Not again #BoycottAurore');
    add('b00', windowStart - 50 * H, 'Still #BoycottAurore');
    add('b000', windowStart - 90 * H, 'Who is with me #BoycottAurore');
    // The window (3 hours): unrelated mentions with the usual hashtag or site, three each: one an
    // hour, under three times their rate before.
    add('u1', windowStart + 10 * 60_000, 'Where is my order? #CafeAurore');
    add('u2', windowStart + 20 * 60_000, 'Love the new blend #cafeaurore', 'fr');
    add('u3', windowStart + 30 * 60_000, 'Opening hours? #CafeAurore', 'de');
    add('u4', windowStart + 35 * 60_000, 'Gift cards? https://aurore.example', 'de');
    add('u5', windowStart + 36 * 60_000, 'Vacancies? https://aurore.example', 'es');
    add('u6', windowStart + 37 * 60_000, 'Decaf? https://aurore.example', 'nl');
    // A hashtag new in the window, in three languages.
    add('n1', windowStart + 40 * 60_000, 'Vu la vidéo? #LatteGate', 'fr');
    add('n2', windowStart + 50 * 60_000, 'Seen this? #lattegate');
    add('n3', windowStart + 60 * 60_000, 'Unglaublich #LatteGate', 'de');
    // A hashtag seen three times in a week, now three times in three hours: it spikes.
    add('s1', windowStart + 70 * 60_000, 'Done with you #BoycottAurore', 'nl');
    add('s2', windowStart + 80 * 60_000, 'Me too #boycottaurore', 'es');
    add('s3', windowStart + 90 * 60_000, 'Count me in #BoycottAurore', 'it');
    const view = await crisisView(conversations, (id) => posts.get(id) ?? [], hoursUpTo(at, 3));
    expect(view.clusters.map((c) => [c.conversationIds, c.shared])).toEqual([
      [['n3', 'n2', 'n1'], ['#lattegate']],
      [['s3', 's2', 's1'], ['#boycottaurore']],
    ]);
  });

  it('finds every story of a 16,000-mention day, whole, in all its languages, and nothing else', async () => {
    const day = crisisDay(16_000);
    const clusters = await clusterRunner.cluster(day.members);
    expect(clusterRunner.place).toEqual({ where: 'worker' });
    const byId = new Map(day.members.map((m) => [m.id, m]));
    const found = new Map(clusters.map((c) => [c.id, c]));
    expect(clusters).toHaveLength(day.stories.size);
    for (const [story, ids] of day.stories) {
      const cluster = found.get(ids[0]!);
      expect(cluster, story).toBeDefined();
      expect(cluster?.conversationIds).toEqual([...ids].reverse());
      expect(cluster?.languages).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl']);
      expect(cluster?.unanswered).toBe(ids.filter((id) => !byId.get(id)?.answered).length);
      for (const { language, conversationIds } of cluster?.byLanguage ?? [])
        expect(conversationIds).toEqual([...day.clusters.get(`${language}:${story}`)!].reverse());
    }
    const sizes = clusters.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('finds the same clusters as comparing each mention with every cluster', () => {
    const vocabulary = 'oat milk latte sick shop card refund late cold staff rude app'.split(' ');
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 48271) + 11) >>> 0) % 1_000_003) / 1_000_003;
    const crowded = Array.from({ length: 1_500 }, (_, i) => {
      const words = vocabulary.filter(() => random() < 0.45);
      return member(`w${i}`, i, words.join(' '));
    });
    for (const sample of [crisisDay(2_000, 3).members, crowded]) {
      const chains = (ids: string[][]) => ids.map((list) => list.join()).sort();
      expect(
        chains(clusterConversations(sample).map((c) => [...c.conversationIds].reverse())),
      ).toEqual(chains(exhaustive(sample)));
    }
  });
});

/**
 * The search the index stands in for: each mention scored against every cluster so far; then the
 * clusters that share a link or hashtag joined, pair by pair, until none do.
 */
function exhaustive(members: readonly ClusterMember[]): string[][] {
  const ordered = [...members].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
  );
  const clusters: { words: Set<string>; ids: string[]; keys: Set<string> }[] = [];
  const alone: { ids: string[]; keys: Set<string> }[] = [];
  for (const m of ordered) {
    const words = replyWords(m.text);
    const keys = new Set(textKeys(m.text));
    if (words.size === 0) {
      alone.push({ ids: [m.id], keys });
      continue;
    }
    let best: (typeof clusters)[number] | null = null;
    let bestScore = 0;
    for (const c of clusters) {
      const common = [...words].filter((w) => c.words.has(w)).length;
      const score = common / (words.size + c.words.size - common);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best && bestScore >= CLUSTER_SIMILARITY) {
      best.ids.push(m.id);
      for (const k of keys) best.keys.add(k);
    } else clusters.push({ words, ids: [m.id], keys });
  }
  // Groups that share a key are neighbours; each story is a connected set of them.
  const groups = [...clusters, ...alone];
  const stories: string[][] = [];
  const taken = new Set<number>();
  for (let start = 0; start < groups.length; start++) {
    if (taken.has(start)) continue;
    taken.add(start);
    const story: string[] = [];
    for (const todo = [start]; todo.length > 0;) {
      const group = groups[todo.pop()!]!;
      story.push(...group.ids);
      groups.forEach((other, i) => {
        if (!taken.has(i) && [...other.keys].some((k) => group.keys.has(k))) {
          taken.add(i);
          todo.push(i);
        }
      });
    }
    stories.push(story);
  }
  const rank = new Map(ordered.map((m, i) => [m.id, i]));
  return stories
    .filter((ids) => ids.length >= CLUSTER_MIN_SIZE)
    .map((ids) => ids.sort((a, b) => rank.get(a)! - rank.get(b)!));
}
