import { graphIdParts, seededRandom, snowflakeAt } from './ids';
import type { Scenario } from './scenario';

type Tweet = Scenario['x']['tweets'][number];
type Comment = Scenario['facebook']['comments'][number];

/** Short customer messages by language, for generated mentions and comments. */
const PHRASES: ReadonlyArray<readonly [lang: string, text: string]> = [
  ['en', 'My order still has not arrived, can someone help?'],
  ['en', 'Love the new seasonal blend, any chance it stays all year?'],
  ['fr', 'Ma commande est arrivée abîmée, que dois-je faire ?'],
  ['fr', 'Merci pour le service rapide ce matin !'],
  ['de', 'Wann ist der Laden am Bahnhof wieder geöffnet?'],
  ['de', 'Die App stürzt beim Bezahlen immer ab.'],
  ['es', '¿Tenéis opciones sin lactosa en todas las tiendas?'],
  ['it', 'Il mio codice sconto non funziona, potete aiutarmi?'],
  ['nl', 'Mijn bestelling is twee keer afgeschreven.'],
  ['pt', 'Vocês entregam no domingo?'],
];

const SYNTHETIC_X_USER_BASE = 7_000_000_000_000_000_000n;
const SYNTHETIC_FB_USER_BASE = 7_100_000_000;
const SYNTHETIC_COMMENT_BASE = 8_000_000_000;
/** Snowflake sequence bits used by generated tweets, apart from hand-written ids (sequence 0). */
const SYNTHETIC_SEQ = 0x300000;
const MINUTE = 60_000;

/**
 * The scenario with its `synthetic` items added: `x_mentions` mentions of the first X account and
 * `facebook_comments` comments over the Page posts, one a minute up to the anchor, written by
 * generated people. The same scenario and seed always give the same items.
 */
export function withSyntheticItems(scenario: Scenario): Scenario {
  const spec = scenario.synthetic;
  if (!spec || (spec.x_mentions === 0 && spec.facebook_comments === 0)) return scenario;
  const random = seededRandom(spec.seed);
  const anchorMs = Date.parse(scenario.anchor);
  const x =
    spec.x_mentions > 0 ? syntheticMentions(scenario, spec.x_mentions, anchorMs, random) : null;
  const fb =
    spec.facebook_comments > 0
      ? syntheticComments(scenario, spec.facebook_comments, anchorMs, random)
      : null;
  return {
    ...scenario,
    x: x
      ? {
          ...scenario.x,
          users: [...scenario.x.users, ...x.users],
          tweets: [...scenario.x.tweets, ...x.tweets],
        }
      : scenario.x,
    facebook: fb
      ? {
          ...scenario.facebook,
          users: [...scenario.facebook.users, ...fb.users],
          comments: [...scenario.facebook.comments, ...fb.comments],
        }
      : scenario.facebook,
  };
}

function syntheticMentions(
  scenario: Scenario,
  count: number,
  anchorMs: number,
  random: () => number,
) {
  const account = scenario.x.accounts[0];
  const brand = scenario.x.users.find((u) => u.id === account?.user_id);
  if (!brand) return null;
  const peopleCount = Math.min(count, 250);
  // Generated people never take an id or a username the scenario's own people have.
  const ids = freeIds(
    scenario.x.users.map((u) => u.id),
    peopleCount,
    (n) => (SYNTHETIC_X_USER_BASE + BigInt(n)).toString(),
  );
  const names = freeIds(
    scenario.x.users.map((u) => u.username.toLowerCase()),
    peopleCount,
    (n) => `fan_${String(n).padStart(4, '0')}`,
  );
  const users = Array.from({ length: peopleCount }, (_, i) => ({
    id: ids[i]!,
    username: names[i]!,
    name: `Fan ${i + 1}`,
    verified: random() < 0.03,
    followers_count: Math.floor(random() ** 4 * 200_000),
    following_count: Math.floor(random() * 900),
    tweet_count: Math.floor(random() * 20_000),
  }));
  const taken = new Set(scenario.x.tweets.map((t) => t.id));
  const tweets: Tweet[] = [];
  for (let i = 0; i < count; i++) {
    const at = anchorMs - (count - i) * MINUTE;
    const [lang, phrase] = PHRASES[Math.floor(random() * PHRASES.length)]!;
    let seq = SYNTHETIC_SEQ + (i % 0xffff);
    let id = snowflakeAt(at, seq);
    while (taken.has(id)) id = snowflakeAt(at, ++seq);
    taken.add(id);
    tweets.push({
      id,
      author_id: users[i % peopleCount]!.id,
      text: `@${brand.username} ${phrase}`,
      created_at: new Date(at).toISOString(),
      lang,
      like_count: Math.floor(random() * 5),
      retweet_count: 0,
      reply_count: 0,
      quote_count: 0,
    });
  }
  return { users, tweets };
}

function syntheticComments(
  scenario: Scenario,
  count: number,
  anchorMs: number,
  random: () => number,
) {
  const posts = scenario.facebook.posts
    .map((post) => ({ post, ms: Date.parse(post.created_time) }))
    .sort((a, b) => a.ms - b.ms);
  if (posts.length === 0) return null;
  const peopleCount = Math.min(count, 250);
  const ids = freeIds(
    [...scenario.facebook.users, ...scenario.facebook.pages, ...scenario.facebook.admins].map(
      (u) => u.id,
    ),
    peopleCount,
    (n) => String(SYNTHETIC_FB_USER_BASE + n),
  );
  const users = Array.from({ length: peopleCount }, (_, i) => ({
    id: ids[i]!,
    name: `Visitor ${i + 1}`,
  }));
  const commentIds = new Set(scenario.facebook.comments.map((c) => c.id));
  let commentSeq = SYNTHETIC_COMMENT_BASE;
  const comments: Comment[] = [];
  const lastTopLevel = new Map<string, Comment>();
  /** How many posts, oldest first, came out before the current minute: they take its comment. */
  let eligible = 0;
  for (let i = 0; i < count; i++) {
    let at = anchorMs - (count - i) * MINUTE;
    while (eligible < posts.length && posts[eligible]!.ms < at) eligible++;
    const { post, ms } = posts[eligible > 0 ? i % eligible : 0]!;
    at = Math.max(at, ms + (i + 1) * 1000);
    const [, phrase] = PHRASES[Math.floor(random() * PHRASES.length)]!;
    const parent = lastTopLevel.get(post.id);
    const reply = parent !== undefined && random() < 0.15;
    let id: string;
    do id = `${graphIdParts(post.id).right}_${++commentSeq}`;
    while (commentIds.has(id));
    const comment: Comment = {
      id,
      post_id: post.id,
      ...(reply ? { parent_id: parent.id } : {}),
      from_id: users[i % peopleCount]!.id,
      message: phrase,
      created_time: new Date(at).toISOString(),
      like_count: Math.floor(random() * 3),
      is_hidden: false,
    };
    if (!reply) lastTopLevel.set(post.id, comment);
    comments.push(comment);
  }
  return { users, comments };
}

/** `count` values `make(1)`, `make(2)`, … skipping those in `taken`. */
function freeIds(taken: readonly string[], count: number, make: (n: number) => string): string[] {
  const used = new Set(taken);
  const ids: string[] = [];
  for (let n = 1; ids.length < count; n++) {
    const id = make(n);
    if (!used.has(id)) ids.push(id);
  }
  return ids;
}
