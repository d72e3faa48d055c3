/**
 * Writes resources/demo-scenario.json: the demo's X mentions and Facebook comments around Café
 * Aurore's "#OatGate" crisis, in six languages. The output is the same on every run.
 *
 *   npx tsx scripts/build-demo-scenario.ts
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ScenarioSchema, type ScenarioInput } from '../src/emulator/scenario';
import { scenarioProblems } from '../src/emulator/scenario-check';
import { DE } from './demo-scenario/bank-de';
import { EN } from './demo-scenario/bank-en';
import { ES } from './demo-scenario/bank-es';
import { FR } from './demo-scenario/bank-fr';
import { IT } from './demo-scenario/bank-it';
import { NL } from './demo-scenario/bank-nl';
import { APPS, FACEBOOK_APP, PAGE_ADMIN, PAGES, X_APP } from './demo-scenario/cast';
import { ANCHOR } from './demo-scenario/clock';
import { FacebookBuilder } from './demo-scenario/fb-build';
import { APP_POST, JOBS_POST, WINTER_POST } from './demo-scenario/fb-posts-everyday';
import {
  NL_STATEMENT_POST,
  SPECULAAS_POST,
  STATEMENT_POST,
  UPDATE_POST,
} from './demo-scenario/fb-posts-statement';
import { pageToken, xToken } from './demo-scenario/ids';
import { phraseBook } from './demo-scenario/phrase-book';
import { REPLY_BOOK } from './demo-scenario/reply-book';
import { People } from './demo-scenario/people';
import { Random } from './demo-scenario/random';
import { LANGS, type Lang } from './demo-scenario/types';
import { XBuilder } from './demo-scenario/x-build';
import { ABROAD_THREADS } from './demo-scenario/x-threads-abroad';
import { CRISIS_THREADS } from './demo-scenario/x-threads-crisis';
import { EVERYDAY_THREADS } from './demo-scenario/x-threads-everyday';
import { tvReportBanks } from './demo-scenario/x-tv-report';

const OUTPUT = fileURLToPath(new URL('../resources/demo-scenario.json', import.meta.url));
const BANKS = [FR, EN, DE, NL, ES, IT];
/** The emulated translation services' keys (fake, like every token of the scenario). */
const DEMO_TRANSLATION_KEYS = {
  deepl: 'demo-deepl-key:fx',
  libretranslate: 'demo-libretranslate-key',
};

/** Tokens, people, tweets and comments each draw from their own seeded stream. */
function build(): { scenario: ScenarioInput; languages: Map<string, Lang> } {
  const tokens = new Random(0x5eed0001);
  const people = new People(new Random(0x5eed0002));

  const x = new XBuilder(people, new Random(0x5eed0003));
  x.addThreads([...CRISIS_THREADS, ...ABROAD_THREADS, ...EVERYDAY_THREADS]);
  for (const bank of BANKS) x.addBank(bank);
  const tweets = x.build();

  const fb = new FacebookBuilder(people, new Random(0x5eed0004));
  fb.addPosts([
    WINTER_POST,
    APP_POST,
    JOBS_POST,
    STATEMENT_POST,
    UPDATE_POST,
    SPECULAAS_POST,
    NL_STATEMENT_POST,
  ]);
  for (const bank of BANKS) fb.addBank(bank);
  const facebook = fb.build();
  // The last morning's wave draws from a stream of its own, after the rest: the rest keeps its
  // people, times and ids.
  const wave = new XBuilder(people, new Random(0x5eed0005));
  for (const bank of tvReportBanks()) wave.addBank(bank);
  const report = wave.build();
  const allTweets = [...tweets.tweets, ...report.tweets].sort(
    (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at),
  );

  const scenario: ScenarioInput = {
    name: 'Café Aurore: #OatGate',
    description: [
      'Three days of a coffee chain’s bad buzz: a video shows cow’s milk served as oat milk,',
      'the brand pastes one apology everywhere, then answers properly, and on the last morning a',
      'hidden-camera report brings a new wave, its link shared in every language. Around it, the everyday',
      'questions: hours, loyalty grains, allergens, the app, jobs, lost things. French, English,',
      'German, Dutch, Spanish and Italian.',
    ].join(' '),
    anchor: ANCHOR,
    x: {
      apps: [{ ...X_APP }],
      accounts: [{ user_id: people.brand.id, access_token: xToken(tokens) }],
      users: people.xUsers,
      tweets: allTweets,
    },
    facebook: {
      ...FACEBOOK_APP,
      admins: [{ ...PAGE_ADMIN, page_ids: [PAGES.main.id, PAGES.nl.id] }],
      pages: [PAGES.main, PAGES.nl].map((page) => ({ ...page, access_token: pageToken(tokens) })),
      users: people.fbUsers,
      applications: Object.values(APPS),
      posts: facebook.posts,
      comments: facebook.comments,
    },
    translation: {
      deepl: { auth_keys: [{ key: DEMO_TRANSLATION_KEYS.deepl }] },
      libretranslate: { api_keys: [DEMO_TRANSLATION_KEYS.libretranslate], char_limit: 5000 },
      phrases: [
        ...phraseBook().map(({ polarity, texts }) => ({ polarity, texts })),
        ...REPLY_BOOK.map((texts) => ({ texts })),
      ],
    },
  };
  return {
    scenario,
    languages: new Map([...tweets.languages, ...report.languages, ...facebook.languages]),
  };
}

/** One line of the summary table. */
const row = (label: string, tweets: number, comments: number) =>
  [
    `  ${label.padEnd(4)}`,
    String(tweets).padStart(7),
    String(comments).padStart(9),
    String(tweets + comments).padStart(6),
  ].join(' ');

function summary(scenario: ScenarioInput, languages: Map<string, Lang>): string {
  const { x, facebook } = scenario;
  const brand = x.accounts[0]!.user_id;
  const pages = new Set(facebook.pages.map((p) => p.id));
  const inLang = (items: Array<{ id: string }>, lang: Lang) =>
    items.filter((item) => languages.get(item.id) === lang).length;
  const byBrand = x.tweets.filter((t) => t.author_id === brand).length;
  const byPages = facebook.comments.filter((c) => pages.has(c.from_id)).length;
  return [
    `Wrote ${OUTPUT}`,
    `  X: ${x.tweets.length} tweets (${byBrand} by the brand), ${x.users.length} users`,
    `  Facebook: ${facebook.posts.length} posts, ${facebook.comments.length} comments` +
      ` (${byPages} by the Pages), ${facebook.users.length} people`,
    '  lang  tweets  comments  total',
    ...LANGS.map((lang) => row(lang, inLang(x.tweets, lang), inLang(facebook.comments, lang))),
    row('all', x.tweets.length, facebook.comments.length),
  ].join('\n');
}

const { scenario, languages } = build();
const problems = scenarioProblems(ScenarioSchema.parse(scenario));
if (problems.length > 0)
  throw new Error(`The demo scenario is inconsistent:\n${problems.join('\n')}`);
await writeFile(OUTPUT, `${JSON.stringify(scenario, null, 1)}\n`);
console.log(summary(scenario, languages));
