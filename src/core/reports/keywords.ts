import { dan, deu, eng, fra, ita, nld, pol, por, spa, swe, tur } from 'stopword';

/** The stop words of `stopword` for each language the inbox detects, by its ISO 639-1 code. */
const LIBRARY: Record<string, readonly string[]> = {
  en: eng,
  fr: fra,
  de: deu,
  nl: nld,
  es: spa,
  it: ita,
  pt: por,
  pl: pol,
  sv: swe,
  da: dan,
  tr: tur,
};

/**
 * Words that say nothing of a complaint and that the library's short lists lack: intensifiers,
 * negators and fillers of posts (the tone already says a post is negative).
 */
const EXTRA: Record<string, string> = {
  en: 'not just very really even now still again don can amp anyone going actually due one get got',
  fr: 'très tout tous plus rien encore trop bien fait comme chez dire dit chaque fois faire depuis',
  de: 'mehr schon immer wieder gar ganz mal heute seit',
  nl: 'niet nog weer echt heel gewoon meer al elke',
  es: 'muy más nada todo otra vez ya hoy dos dice caso',
  it: 'molto più niente ancora tutto già oggi sempre',
};

const sets = new Map<string, Set<string>>();

/** A language's stop words (none for a language the library does not know). */
function stopWordsOf(language: string): Set<string> {
  let set = sets.get(language);
  if (set == null) {
    set = new Set(
      [...(LIBRARY[language] ?? []), ...(EXTRA[language]?.split(' ') ?? [])].map((w) =>
        w.normalize('NFC'),
      ),
    );
    sets.set(language, set);
  }
  return set;
}

/** Links and @handles are not words of the complaint; a hashtag's word is (`#BoycottAurore`). */
const NOISE = /https?:\/\/\S+|www\.\S+|@[\p{L}\p{N}_]+/gu;
/** A word is at least this long: shorter ones are articles, elisions (`l'`, `n'`) and the like. */
const MIN_LENGTH = 3;

/**
 * The distinct keywords of a post in a language: its words in lower case (NFC), split at anything
 * that is not a letter or a digit (so `l'attente` gives `attente`), without the language's stop
 * words, words shorter than three letters and numbers.
 */
export function keywordsOf(text: string, language: string): Set<string> {
  const stop = stopWordsOf(language);
  const words = new Set<string>();
  const plain = text.normalize('NFC').replace(NOISE, ' ');
  const clean = /^[a-z]{2,3}$/.test(language)
    ? plain.toLocaleLowerCase(language)
    : plain.toLowerCase();
  for (const word of clean.split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < MIN_LENGTH || /^\p{N}+$/u.test(word) || stop.has(word)) continue;
    words.add(word);
  }
  return words;
}

/** A post as the keyword count reads it. */
export interface CountedPost {
  id: string;
  conversationId: string;
  createdMs: number;
  text: string;
}

export interface CountedWord {
  word: string;
  /** The posts with the word, newest first. */
  posts: CountedPost[];
  conversations: Set<string>;
}

/** A word recurs when at least this many posts have it. */
export const RECURRING_MIN_POSTS = 2;
/** The words shown per language. */
export const WORDS_PER_LANGUAGE = 10;

/**
 * The recurring words of one language's posts: those at least RECURRING_MIN_POSTS posts have,
 * the most posts first (then the most conversations, then alphabetically), WORDS_PER_LANGUAGE
 * at most.
 */
export function recurringWords(posts: readonly CountedPost[], language: string): CountedWord[] {
  const newestFirst = [...posts].sort(
    (a, b) => b.createdMs - a.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const counted = new Map<string, CountedWord>();
  for (const post of newestFirst)
    for (const word of keywordsOf(post.text, language)) {
      let entry = counted.get(word);
      if (entry == null) {
        entry = { word, posts: [], conversations: new Set() };
        counted.set(word, entry);
      }
      entry.posts.push(post);
      entry.conversations.add(post.conversationId);
    }
  return [...counted.values()]
    .filter((w) => w.posts.length >= RECURRING_MIN_POSTS)
    .sort(
      (a, b) =>
        b.posts.length - a.posts.length ||
        b.conversations.size - a.conversations.size ||
        a.word.localeCompare(b.word, language),
    )
    .slice(0, WORDS_PER_LANGUAGE);
}
