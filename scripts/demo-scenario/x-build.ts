import { apology, X_APOLOGY } from './canned';
import { at, later, MOMENTS, sampleTime, WINDOW_END_MS } from './clock';
import { snowflake } from './ids';
import type { People, XUserOut } from './people';
import type { Random } from './random';
import type { BankEntry, Gender, Lang, LanguageBank, Topic, XThread } from './types';

export interface TweetOut {
  id: string;
  author_id: string;
  text: string;
  created_at: string;
  lang: Lang;
  in_reply_to?: string;
  quotes?: string;
  source?: string;
  like_count: number;
  retweet_count: number;
  reply_count: number;
  quote_count: number;
}

interface Draft {
  ms: number;
  author: XUserOut;
  text: string;
  lang: Lang;
  parent?: Draft;
  quoted?: Draft;
  source?: string;
  likes: number;
  retweets: number;
  replies: number;
  quotes: number;
}

const CRISIS_TOPICS: ReadonlySet<Topic> = new Set(['crisis', 'silence', 'copypaste', 'wave2']);
/** The copy-paste apology stopped once the statement was out. */
const LAST_APOLOGY_MS = MOMENTS.statement - 10 * 60_000;

/** An instant from `'DD HH:MM'` with random seconds, as people do not post on the minute. */
function jittered(when: string, random: Random): number {
  return at(when) + random.int(0, 59_999);
}

/** Leaves the European night (23:00–07:00 UTC) for the next morning, as a social team does. */
function officeHours(ms: number, random: Random): number {
  const date = new Date(ms);
  const hour = date.getUTCHours();
  if (hour >= 7 && hour < 23) return ms;
  const morning = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 7);
  const next = hour >= 23 ? morning + 86_400_000 : morning;
  return next + random.int(5, 90) * 60_000 + random.int(0, 59_999);
}

/** Builds the tweets: handwritten threads first, then the standalone messages of each language. */
export class XBuilder {
  private readonly drafts: Draft[] = [];
  private readonly byRef = new Map<string, Draft>();
  private readonly authors = new Map<Lang, Array<XUserOut & { gender: Gender }>>();

  constructor(
    private readonly people: People,
    private readonly random: Random,
  ) {}

  private draft(fields: Omit<Draft, 'likes' | 'retweets' | 'replies' | 'quotes'> & Partial<Draft>) {
    const d: Draft = { likes: 0, retweets: 0, replies: 0, quotes: 0, ...fields };
    if (d.parent && d.parent.ms >= d.ms)
      throw new Error(`a reply is older than the tweet it answers: "${d.text.slice(0, 60)}"`);
    if (d.ms >= WINDOW_END_MS) throw new Error(`a tweet is dated after the anchor: "${d.text}"`);
    this.drafts.push(d);
    return d;
  }

  addThreads(threads: XThread[]): void {
    for (const thread of threads) {
      const steps: Draft[] = [];
      thread.steps.forEach((step, i) => {
        const to = step.to === undefined ? (i > 0 ? i - 1 : null) : step.to;
        const parent =
          to === null ? undefined : typeof to === 'number' ? steps[to] : this.byRef.get(to);
        if (to !== null && !parent) throw new Error(`${thread.key}:${i} answers unknown ${to}`);
        const quoted = step.quotes !== undefined ? this.byRef.get(step.quotes) : undefined;
        if (step.quotes !== undefined && !quoted)
          throw new Error(`${thread.key}:${i} quotes unknown ${step.quotes}`);
        const d = this.draft({
          ms: jittered(step.at, this.random),
          author: this.people.member(step.by),
          text: step.text,
          lang: step.lang ?? thread.lang,
          ...(parent ? { parent } : {}),
          ...(quoted ? { quoted } : {}),
          ...(step.source !== undefined ? { source: step.source } : {}),
          likes: step.likes ?? this.random.int(0, 12),
          retweets: step.retweets ?? 0,
          replies: step.replyCount ?? 0,
          quotes: step.quoteCount ?? 0,
        });
        steps.push(d);
        this.byRef.set(`${thread.key}:${i}`, d);
      });
    }
  }

  /**
   * A new author most of the time; now and then someone who already wrote. Former employees
   * (`wave2`) only ever speak once.
   */
  private authorFor(lang: Lang, topic: Topic, gender?: Gender): XUserOut {
    const known = this.authors.get(lang) ?? [];
    const suited = known.filter((u) => gender === undefined || u.gender === gender);
    if (topic !== 'wave2' && suited.length > 4 && this.random.chance(0.08))
      return this.random.pick(suited);
    const user = this.people.newXUser(lang, gender);
    if (topic !== 'wave2') this.authors.set(lang, [...known, user]);
    return user;
  }

  /** Likes and retweets in proportion to an author's audience and the heat of the topic. */
  private reach(author: XUserOut, topic: Topic): { likes: number; retweets: number } {
    if (topic === 'spam') return { likes: 0, retweets: 0 };
    const heat = CRISIS_TOPICS.has(topic) ? 0.06 : topic === 'campaign' ? 0.004 : 0.01;
    const ceiling = 2 + author.followers_count * heat;
    const likes = Math.floor(this.random.next() ** 2.5 * ceiling);
    return { likes, retweets: Math.floor(likes * this.random.next() * 0.3) };
  }

  addBank(bank: LanguageBank): void {
    for (const entry of bank.x) this.addEntry(entry, bank.lang);
  }

  private addEntry(entry: BankEntry, lang: Lang): void {
    if (!entry.text.toLowerCase().includes(`@${this.people.brand.username.toLowerCase()}`))
      throw new Error(`an X message does not mention the brand: "${entry.text}"`);
    const author = this.authorFor(lang, entry.topic, entry.gender);
    const ms =
      entry.at !== undefined
        ? jittered(entry.at, this.random)
        : sampleTime(entry.topic, this.random);
    const tweet = this.draft({
      ms,
      author,
      text: entry.text,
      lang,
      ...this.reach(author, entry.topic),
    });
    if (entry.reply === undefined) return;

    let reply: Draft | null;
    if (entry.reply === 'apology' || entry.reply === 'apology-en') {
      const { text, lang: replyLang } = apology(X_APOLOGY, entry.reply === 'apology' ? lang : 'en');
      const when = Math.max(
        later(ms, 4, 40, this.random),
        later(MOMENTS.firstBrandReply, 0, 420, this.random),
      );
      reply =
        when < LAST_APOLOGY_MS
          ? this.draft({
              ms: when,
              author: this.people.brand,
              text: `@${author.username} ${text}`,
              lang: replyLang,
              parent: tweet,
            })
          : null;
    } else {
      const when = officeHours(later(ms, 8, 150, this.random), this.random);
      reply =
        when < WINDOW_END_MS - 20 * 60_000
          ? this.draft({
              ms: when,
              author: this.people.brand,
              text: `@${author.username} ${entry.reply}`,
              lang,
              parent: tweet,
              likes: this.random.int(0, 3),
            })
          : null;
    }
    if (reply && entry.followUp !== undefined) {
      const when = later(reply.ms, 6, 150, this.random);
      if (when < WINDOW_END_MS)
        this.draft({ ms: when, author, text: entry.followUp, lang, parent: reply });
    }
  }

  /** The tweets, oldest first, with snowflake ids that follow their dates. */
  build(): { tweets: TweetOut[]; languages: Map<string, Lang> } {
    const sorted = [...this.drafts].sort((a, b) => a.ms - b.ms);
    const ids = new Map<Draft, string>();
    let last = -1;
    for (const d of sorted) {
      if (d.ms <= last) d.ms = last + 1;
      last = d.ms;
      ids.set(d, snowflake(d.ms, this.random.int(0, 0x2fffff)));
    }
    const languages = new Map<string, Lang>();
    const tweets = sorted.map((d): TweetOut => {
      const id = ids.get(d)!;
      languages.set(id, d.lang);
      return {
        id,
        author_id: d.author.id,
        text: d.text,
        created_at: new Date(d.ms).toISOString(),
        lang: d.lang,
        ...(d.parent ? { in_reply_to: ids.get(d.parent)! } : {}),
        ...(d.quoted ? { quotes: ids.get(d.quoted)! } : {}),
        ...(d.source !== undefined ? { source: d.source } : {}),
        like_count: d.likes,
        retweet_count: d.retweets,
        reply_count: d.replies,
        quote_count: d.quotes,
      };
    });
    return { tweets, languages };
  }
}
