import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { TWITTER_EPOCH_MS } from './ids';
import { loadScenario, type Scenario } from './scenario';
import { scenarioProblems } from './scenario-check';
import { startEmulator } from './server';

/**
 * The shipped demo scenario (resources/demo-scenario.json, written by
 * scripts/build-demo-scenario.ts): big enough, multilingual, threaded, and consistent.
 */

const FILE = fileURLToPath(new URL('../../resources/demo-scenario.json', import.meta.url));
const LANGS = ['fr', 'en', 'de', 'nl', 'es', 'it'] as const;
const DAY_MS = 86_400_000;

type Tweet = Scenario['x']['tweets'][number];
type Comment = Scenario['facebook']['comments'][number];

let scenario: Scenario;
let brandId: string;
let brandHandle: string;
let pageIds: Set<string>;
let tweets: Map<string, Tweet>;
let comments: Map<string, Comment>;

beforeAll(async () => {
  scenario = await loadScenario(FILE);
  brandId = scenario.x.accounts[0]!.user_id;
  brandHandle = scenario.x.users.find((u) => u.id === brandId)!.username;
  pageIds = new Set(scenario.facebook.pages.map((p) => p.id));
  tweets = new Map(scenario.x.tweets.map((t) => [t.id, t]));
  comments = new Map(scenario.facebook.comments.map((c) => [c.id, c]));
});

/**
 * Common short words of each language. Counting them (a word shared by several languages counts
 * for each, by a share) tells the six apart in texts of a sentence or two, without depending on
 * the detector the inbox happens to use.
 */
const FUNCTION_WORDS: Record<(typeof LANGS)[number], string> = {
  fr: `de j qu c n d l si la un en le les des du est et je vous nous pas pour une qui dans sur
    avec ce cette mais au aux ça mon ma mes votre vos sont été très tout même chez ai avez sommes
    on il ne depuis faut moi devant quand alors`,
  en: `in a i the and is are you your to of my for it that this with was have not on at we they be
    but what from just can our an don it’s i’m i’ve you’ve been would there`,
  de: `in es der die das und ist ich nicht mit euch eure euer ein eine auf für zu den dem von sich
    auch wir bei wenn noch nur hat habe sind war aber mein meine dass oder im ihr`,
  nl: `de en is in hier alle daar morgen we dank was het een ik niet jullie van dat op te voor met
    zijn ook maar er mijn je wat nog bij als aan heb wordt dit om ze zo naar geen uit`,
  es: `la de en un una lo al mi se el los las que y por para es me con del pero os vuestro vuestra
    vuestras vuestros está muy más tengo hay su también qué nos esto lleva ya`,
  it: `l c i e un una le la al dal dell miei come posso avete vi mi con tuo grazie su ogni lo degli
    il che di non per sono ho della dei da è ma anche gli nel più questo vostro vostri vostra ci
    perché mio mia cosa stato`,
};
const WORD_SETS = Object.entries(FUNCTION_WORDS).map(
  ([lang, words]) => [lang, new Set(words.split(/\s+/))] as const,
);

/** The language whose common words weigh most in `text` (mentions, tags, links aside), or `?`. */
function languageOf(text: string): string {
  const tokens = text
    .toLowerCase()
    .replace(/https?:\/\/\S+|[@#][\p{L}\p{N}_]+/gu, ' ')
    .split(/[^\p{L}’']+/u)
    .flatMap((t) => [t, ...t.split(/[’']/)]);
  const share = (t: string) => WORD_SETS.filter(([, set]) => set.has(t)).length;
  const scores = WORD_SETS.map(([lang, set]) => ({
    lang,
    score: tokens.filter((t) => set.has(t)).reduce((sum, t) => sum + 1 / share(t), 0),
  })).sort((x, y) => y.score - x.score);
  return scores[0]!.score > scores[1]!.score ? scores[0]!.lang : '?';
}

const mentionsBrand = (text: string) =>
  text.toLowerCase().includes(`@${brandHandle.toLowerCase()}`);
const byPage = (c: Comment) => pageIds.has(c.from_id);

/** Length of the reply chain ending at `id` (1 for a tweet that answers nothing known). */
function tweetDepth(id: string): number {
  let depth = 1;
  for (let t = tweets.get(id); t?.in_reply_to !== undefined && tweets.has(t.in_reply_to); depth++)
    t = tweets.get(t.in_reply_to);
  return depth;
}

function commentDepth(id: string): number {
  let depth = 1;
  for (let c = comments.get(id); c?.parent_id !== undefined; depth++) c = comments.get(c.parent_id);
  return depth;
}

/** Weighted length as X counts it: characters beyond U+2FFF (emoji, CJK) count twice. */
const xLength = (text: string) =>
  [...text].reduce((n, ch) => n + (ch.codePointAt(0)! > 0x2fff ? 2 : 1), 0);

describe('the demo scenario', () => {
  it('has the brand account, its Pages and realistic fake tokens', () => {
    const brand = scenario.x.users.find((u) => u.id === brandId)!;
    expect(brand).toMatchObject({ username: 'CafeAurore', verified: true });
    expect(brand.followers_count).toBeGreaterThan(150_000);
    expect(brand.followers_count).toBeLessThan(250_000);
    expect(scenario.x.accounts[0]!.access_token).toMatch(/^demo-x-[0-9a-f]{40}$/);
    expect(scenario.facebook.pages.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...scenario.facebook.pages.map((p) => p.fan_count))).toBeGreaterThan(1_000_000);
    for (const page of scenario.facebook.pages)
      expect(page.access_token).toMatch(/^EAAdemo[A-Za-z0-9]{60}$/);
  });

  it('holds at least 300 items, 120 on each platform', () => {
    expect(scenario.x.tweets.length).toBeGreaterThanOrEqual(120);
    expect(scenario.facebook.comments.length).toBeGreaterThanOrEqual(120);
    expect(scenario.x.tweets.length + scenario.facebook.comments.length).toBeGreaterThanOrEqual(
      300,
    );
  });

  it('dates everything within the three days before the anchor', () => {
    const anchor = Date.parse(scenario.anchor);
    const dates = [
      ...scenario.x.tweets.map((t) => t.created_at),
      ...scenario.facebook.posts.map((p) => p.created_time),
      ...scenario.facebook.comments.map((c) => c.created_time),
    ].map((d) => Date.parse(d));
    expect(Math.min(...dates)).toBeGreaterThanOrEqual(anchor - 3 * DAY_MS);
    expect(Math.max(...dates)).toBeLessThan(anchor);
  });

  it('speaks six languages, 25 items or more each, with X lang codes that fit the text', () => {
    const perLang = new Map<string, number>();
    for (const t of scenario.x.tweets) {
      expect(LANGS).toContain(t.lang);
      perLang.set(t.lang, (perLang.get(t.lang) ?? 0) + 1);
    }
    for (const c of scenario.facebook.comments) {
      const lang = languageOf(c.message);
      expect(LANGS, c.message).toContain(lang);
      perLang.set(lang, (perLang.get(lang) ?? 0) + 1);
    }
    for (const lang of LANGS) expect(perLang.get(lang) ?? 0, lang).toBeGreaterThanOrEqual(25);

    const guesses = scenario.x.tweets.map((t) => ({ t, guess: languageOf(t.text) }));
    for (const { t, guess } of guesses) if (guess !== '?') expect(guess, t.text).toBe(t.lang);
    expect(guesses.filter((g) => g.guess === '?').length).toBeLessThan(guesses.length * 0.05);
  });

  it('has texts long enough to tell their language, within X’s 280 characters', () => {
    const texts = [
      ...scenario.x.tweets.map((t) => t.text),
      ...scenario.facebook.comments.map((c) => c.message),
    ];
    const words = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    expect(texts.filter((t) => words(t) >= 8).length / texts.length).toBeGreaterThan(0.9);
    for (const t of scenario.x.tweets) expect(xLength(t.text), t.text).toBeLessThanOrEqual(280);
  });

  it('repeats only brand apologies word for word; people write their own texts', () => {
    const seen = new Set<string>();
    for (const t of scenario.x.tweets.filter((t) => t.author_id !== brandId)) {
      expect(seen.has(t.text), t.text).toBe(false);
      seen.add(t.text);
    }
    for (const c of scenario.facebook.comments.filter((c) => !byPage(c))) {
      expect(seen.has(c.message), c.message).toBe(false);
      seen.add(c.message);
    }
    // The crisis has its cluster of near-identical angry messages.
    const campaign = scenario.x.tweets.filter((t) => /rembours|refund/i.test(t.text));
    expect(campaign.length).toBeGreaterThanOrEqual(5);
  });

  it('refers only to things that exist', () => {
    expect(scenarioProblems(scenario)).toEqual([]);
    const xUsers = new Set(scenario.x.users.map((u) => u.id));
    for (const t of scenario.x.tweets) {
      expect(xUsers.has(t.author_id), t.id).toBe(true);
      if (t.in_reply_to !== undefined) expect(tweets.has(t.in_reply_to), t.id).toBe(true);
      if (t.quotes !== undefined) expect(tweets.has(t.quotes), t.id).toBe(true);
    }
    const people = new Set(scenario.facebook.users.map((u) => u.id));
    const posts = new Map(scenario.facebook.posts.map((p) => [p.id, p]));
    const apps = new Map(scenario.facebook.applications.map((a) => [a.id, a.name]));
    for (const p of scenario.facebook.posts) {
      expect(pageIds.has(p.page_id), p.id).toBe(true);
      expect(p.id.startsWith(`${p.page_id}_`), p.id).toBe(true);
    }
    for (const c of scenario.facebook.comments) {
      const post = posts.get(c.post_id);
      expect(post, c.id).toBeDefined();
      expect(c.id.split('_')[0], c.id).toBe(post!.id.split('_')[1]);
      expect(people.has(c.from_id) || pageIds.has(c.from_id), c.id).toBe(true);
      if (c.parent_id !== undefined) {
        expect(comments.get(c.parent_id)?.post_id, c.id).toBe(c.post_id);
        expect(Date.parse(comments.get(c.parent_id)!.created_time)).toBeLessThan(
          Date.parse(c.created_time),
        );
      }
      if (c.application) expect(apps.get(c.application.id), c.id).toBe(c.application.name);
    }
  });

  it('gives tweets snowflake ids that grow with their dates', () => {
    const sorted = [...scenario.x.tweets].sort(
      (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at),
    );
    for (let i = 1; i < sorted.length; i++)
      expect(BigInt(sorted[i]!.id)).toBeGreaterThan(BigInt(sorted[i - 1]!.id));
    for (const t of scenario.x.tweets)
      expect(Number((BigInt(t.id) >> 22n) + TWITTER_EPOCH_MS), t.id).toBe(Date.parse(t.created_at));
    for (const t of scenario.x.tweets.filter((t) => t.in_reply_to !== undefined))
      expect(BigInt(t.id)).toBeGreaterThan(BigInt(t.in_reply_to!));
  });

  it('mentions the brand in every tweet that should reach its mentions timeline', () => {
    const cited = new Set(
      scenario.x.tweets
        .filter((t) => mentionsBrand(t.text))
        .flatMap((t) => [t.in_reply_to, t.quotes])
        .filter((id) => id !== undefined),
    );
    const unmentioned = scenario.x.tweets.filter(
      (t) => t.author_id !== brandId && !mentionsBrand(t.text),
    );
    // Only the viral video itself, which others answer and quote with the brand's handle.
    expect(unmentioned.length).toBeLessThanOrEqual(3);
    for (const t of unmentioned) expect(cited.has(t.id), t.text).toBe(true);
    // A brand reply opens with the handle of the person it answers, as X forms replies.
    const users = new Map(scenario.x.users.map((u) => [u.id, u.username]));
    for (const t of scenario.x.tweets.filter((t) => t.author_id === brandId && t.in_reply_to)) {
      const to = users.get(tweets.get(t.in_reply_to!)!.author_id)!;
      expect(t.text.startsWith(`@${to} `), t.text).toBe(true);
    }
  });

  it('has X conversations at least four deep, going back and forth with the brand', () => {
    const deep = scenario.x.tweets.filter((t) => tweetDepth(t.id) >= 4);
    expect(Math.max(...scenario.x.tweets.map((t) => tweetDepth(t.id)))).toBeGreaterThanOrEqual(6);
    const roots = new Set(
      deep.map((t) => {
        let root = t;
        while (root.in_reply_to !== undefined && tweets.has(root.in_reply_to))
          root = tweets.get(root.in_reply_to)!;
        return root.id;
      }),
    );
    expect(roots.size).toBeGreaterThanOrEqual(8);
    for (const t of deep) {
      const chain: Tweet[] = [];
      for (
        let c: Tweet | undefined = t;
        c;
        c = c.in_reply_to ? tweets.get(c.in_reply_to) : undefined
      )
        chain.push(c);
      expect(chain.some((c) => c.author_id === brandId)).toBe(true);
      expect(chain.some((c) => c.author_id !== brandId)).toBe(true);
    }
  });

  it('has Facebook threads several replies deep, answered by fans and by the Page', () => {
    expect(
      Math.max(...scenario.facebook.comments.map((c) => commentDepth(c.id))),
    ).toBeGreaterThanOrEqual(5);
    const replies = scenario.facebook.comments.filter((c) => c.parent_id !== undefined);
    expect(replies.filter(byPage).length).toBeGreaterThanOrEqual(20);
    const fanToFan = replies.filter(
      (c) =>
        !byPage(c) &&
        comments.get(c.parent_id!)!.from_id !== c.from_id &&
        !byPage(comments.get(c.parent_id!)!),
    );
    expect(fanToFan.length).toBeGreaterThanOrEqual(3);
    const withThreads = new Set(replies.map((c) => c.post_id));
    expect(withThreads.size).toBeGreaterThanOrEqual(3);
  });

  it('has brand replies made with other apps, and one apology pasted from several of them', () => {
    const pageComments = scenario.facebook.comments.filter(byPage);
    expect(pageComments.some((c) => c.application !== undefined)).toBe(true);
    expect(pageComments.some((c) => c.application === undefined)).toBe(true);
    const appsPerMessage = new Map<string, Set<string>>();
    for (const c of pageComments.filter((c) => c.application))
      appsPerMessage.set(
        c.message,
        (appsPerMessage.get(c.message) ?? new Set()).add(c.application!.name),
      );
    expect(
      Math.max(...[...appsPerMessage.values()].map((apps) => apps.size)),
    ).toBeGreaterThanOrEqual(3);

    const brandTweets = scenario.x.tweets.filter((t) => t.author_id === brandId);
    expect(brandTweets.filter((t) => t.in_reply_to !== undefined).length).toBeGreaterThanOrEqual(
      20,
    );
    const sourced = brandTweets.filter((t) => t.source !== undefined);
    expect(sourced.length).toBeGreaterThanOrEqual(2);
    expect(sourced.length).toBeLessThanOrEqual(10);
    const withoutHandle = (text: string) => text.replace(/^@\w+ /, '');
    const sourcesPerText = new Map<string, Set<string>>();
    for (const t of sourced)
      sourcesPerText.set(
        withoutHandle(t.text),
        (sourcesPerText.get(withoutHandle(t.text)) ?? new Set()).add(t.source!),
      );
    expect(Math.max(...[...sourcesPerText.values()].map((s) => s.size))).toBeGreaterThanOrEqual(2);
  });

  it('has authors of every reach, from a few followers to verified voices with 500k+', () => {
    const users = scenario.x.users.filter((u) => u.id !== brandId);
    const within = (min: number, max: number) =>
      users.filter((u) => u.followers_count >= min && u.followers_count < max).length;
    expect(within(10, 2_000) / users.length).toBeGreaterThan(0.6);
    expect(within(10_000, 100_000)).toBeGreaterThanOrEqual(5);
    expect(
      users.filter((u) => u.verified && u.followers_count >= 500_000).length,
    ).toBeGreaterThanOrEqual(2);
    expect(new Set(users.map((u) => u.username.toLowerCase())).size).toBe(users.length);
    for (const u of users) expect(u.username).toMatch(/^[A-Za-z0-9_]{1,15}$/);
  });

  it('registers the demo app on both platforms for the connect flows', () => {
    expect(scenario.x.apps).toEqual([
      { client_id: 'c29jaWFsLWluYm94LWRlbW86MTpuYQ', name: 'Social Inbox', redirect_uris: [] },
    ]);
    expect(scenario.facebook.app_id).toBe('1468023750213462');
    expect(scenario.facebook.app_name).toBe('Social Inbox');
    expect(scenario.facebook.admins).toEqual([
      { id: expect.any(String), name: 'Camille Laurent', page_ids: [...pageIds] },
    ]);
  });

  it('is served by the emulator: mentions timeline and Page feed', async () => {
    const emulator = await startEmulator({ scenario, port: 0 });
    try {
      const token = scenario.x.accounts[0]!.access_token;
      const mentions = await fetch(
        `${emulator.xBaseUrl}/2/users/${brandId}/mentions?max_results=100`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(mentions.status).toBe(200);
      expect(
        ((await mentions.json()) as { meta: { result_count: number } }).meta.result_count,
      ).toBe(100);
      const page = scenario.facebook.pages[0]!;
      const feed = await fetch(
        `${emulator.graphBaseUrl}/v21.0/${page.id}/feed?access_token=${page.access_token}`,
      );
      expect(feed.status).toBe(200);
      expect(((await feed.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
    } finally {
      await emulator.close();
    }
  });
});
