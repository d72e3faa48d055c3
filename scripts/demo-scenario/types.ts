/** The shapes the demo scenario is written in, before ids, people and exact times are given out. */

export const LANGS = ['fr', 'en', 'de', 'nl', 'es', 'it'] as const;
export type Lang = (typeof LANGS)[number];

/** The writer's gender, when a text shows it (French `remboursée`, Italian `presa in giro`). */
export type Gender = 'f' | 'm';

/**
 * What a message is about. The crisis topics follow the story's days (see `clock.ts`); the others
 * are the everyday questions a coffee chain gets at any time.
 */
export type Topic =
  | 'crisis'
  | 'silence'
  | 'copypaste'
  | 'campaign'
  | 'wave2'
  | 'aftermath'
  | 'hours'
  | 'loyalty'
  | 'allergens'
  | 'app'
  | 'jobs'
  | 'lost'
  | 'praise'
  | 'order'
  | 'product'
  | 'other'
  | 'spam';

/** `apology`: the day-one copy-paste apology in the message's language; `apology-en`: English. */
export type CannedReply = 'apology' | 'apology-en';

/** A standalone customer message; where it lands (thread, post, time) is decided by the builder. */
export interface BankEntry {
  topic: Topic;
  text: string;
  /** The brand's answer: its own text, or one of the canned ones. */
  reply?: string | CannedReply;
  /** The customer's answer to the brand's reply. */
  followUp?: string;
  /** A fixed time, `'DD HH:MM'` in November 2026 (UTC), when the text names a moment. */
  at?: string;
  /** Set when the text is written as a woman or a man would write it. */
  gender?: Gender;
}

export interface LanguageBank {
  lang: Lang;
  /** Tweets; each names `@CafeAurore`. */
  x: BankEntry[];
  /** Comments on the Pages' posts. */
  facebook: BankEntry[];
}

/** One tweet of a handwritten conversation. */
export interface XStep {
  /** Username of a cast member, or `brand`. */
  by: string;
  text: string;
  /** `'DD HH:MM'` in November 2026 (UTC). */
  at: string;
  /**
   * The tweet this one answers: an index in the same thread (the previous step by default), `null`
   * for none, or `'thread:index'` for a step of another thread.
   */
  to?: number | string | null;
  /** A quoted tweet, as `'thread:index'`. */
  quotes?: string;
  lang?: Lang;
  source?: string;
  likes?: number;
  retweets?: number;
  quoteCount?: number;
  replyCount?: number;
}

export interface XThread {
  key: string;
  lang: Lang;
  steps: XStep[];
}

export type AppKey = 'hootsuite' | 'business-suite' | 'sprout' | 'iphone';

/** One comment of a handwritten Facebook thread. */
export interface FbStep {
  /** A person's name, or `page` for the Page itself. */
  by: string;
  text: string;
  at: string;
  /** Index of the parent comment in the same post's list; top-level when absent. */
  to?: number;
  lang?: Lang;
  app?: AppKey;
  likes?: number;
  hidden?: boolean;
  attachment?: {
    type: string;
    url?: string;
    title?: string;
    description?: string;
    image_src?: string;
  };
}

export type PageKey = 'main' | 'nl';

export interface FbPostSpec {
  key: string;
  page: PageKey;
  lang: Lang;
  at: string;
  message: string;
  app?: AppKey;
  /** What standalone comments of each kind may land here. */
  accepts: Array<'crisis' | 'aftermath' | 'product' | 'everyday' | 'jobs' | 'app'>;
  comments: FbStep[];
}
