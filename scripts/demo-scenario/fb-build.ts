import { APPS, PAGES } from './cast';
import { apology, FB_APOLOGY } from './canned';
import { at, later, MOMENTS, sampleTime, WINDOW_END_MS } from './clock';
import type { FbUserOut, People } from './people';
import type { Random } from './random';
import type { AppKey, BankEntry, FbPostSpec, Gender, Lang, LanguageBank, Topic } from './types';

type Application = (typeof APPS)[AppKey];
type Attachment = NonNullable<FbPostSpec['comments'][number]['attachment']>;

export interface PostOut {
  id: string;
  page_id: string;
  message: string;
  created_time: string;
  application?: Application;
}

export interface CommentOut {
  id: string;
  post_id: string;
  parent_id?: string;
  from_id: string;
  message: string;
  created_time: string;
  application?: Application;
  like_count: number;
  is_hidden: boolean;
  attachment?: Attachment;
}

interface DraftPost {
  spec: FbPostSpec;
  ms: number;
}

interface DraftComment {
  post: DraftPost;
  ms: number;
  fromId: string;
  message: string;
  lang: Lang;
  parent?: DraftComment;
  app?: AppKey;
  likes: number;
  hidden: boolean;
  attachment?: Attachment;
}

type Kind = FbPostSpec['accepts'][number];

const KIND: Record<Topic, Kind> = {
  crisis: 'crisis',
  silence: 'crisis',
  copypaste: 'crisis',
  campaign: 'crisis',
  wave2: 'crisis',
  aftermath: 'aftermath',
  jobs: 'jobs',
  app: 'app',
  loyalty: 'app',
  allergens: 'product',
  praise: 'product',
  product: 'product',
  hours: 'everyday',
  lost: 'everyday',
  order: 'everyday',
  other: 'everyday',
  spam: 'everyday',
};

/** The apps the first day's identical apology was pasted from, all at once. */
const APOLOGY_APPS: AppKey[] = ['hootsuite', 'business-suite', 'iphone'];
/** The apps of the later, written answers; `null` is a reply typed on facebook.com. */
const ANSWER_APPS: Array<AppKey | null> = ['sprout', 'business-suite', 'sprout', null];
const LAST_APOLOGY_MS = MOMENTS.statement - 10 * 60_000;

/** Builds the Page posts and their comments: handwritten threads, then standalone messages. */
export class FacebookBuilder {
  private readonly posts: DraftPost[] = [];
  private readonly comments: DraftComment[] = [];
  private readonly authors = new Map<Lang, Array<FbUserOut & { gender: Gender }>>();
  private apologies = 0;

  constructor(
    private readonly people: People,
    private readonly random: Random,
  ) {}

  private comment(fields: Omit<DraftComment, 'hidden'> & { hidden?: boolean }): DraftComment {
    const c: DraftComment = { hidden: false, ...fields };
    const floor = c.parent ? c.parent.ms : c.post.ms;
    if (floor >= c.ms) throw new Error(`a comment is older than what it answers: "${c.message}"`);
    if (c.ms >= WINDOW_END_MS)
      throw new Error(`a comment is dated after the anchor: "${c.message}"`);
    this.comments.push(c);
    return c;
  }

  addPosts(specs: FbPostSpec[]): void {
    for (const spec of specs) {
      const post: DraftPost = { spec, ms: at(spec.at) + this.random.int(0, 59_999) };
      this.posts.push(post);
      const made: DraftComment[] = [];
      for (const step of spec.comments) {
        const parent = step.to !== undefined ? made[step.to] : undefined;
        if (step.to !== undefined && !parent)
          throw new Error(`${spec.key}: comment answers unknown index ${step.to}`);
        made.push(
          this.comment({
            post,
            ms: at(step.at) + this.random.int(0, 59_999),
            fromId: step.by === 'page' ? PAGES[spec.page].id : this.people.fbNamed(step.by).id,
            message: step.text,
            lang: step.lang ?? spec.lang,
            ...(parent ? { parent } : {}),
            ...(step.app ? { app: step.app } : {}),
            likes: step.likes ?? 0,
            hidden: step.hidden ?? false,
            ...(step.attachment ? { attachment: step.attachment } : {}),
          }),
        );
      }
    }
  }

  /**
   * A new author most of the time; now and then someone who already wrote. Former employees
   * (`wave2`) only ever speak once.
   */
  private authorFor(lang: Lang, topic: Topic, gender?: Gender): FbUserOut {
    const known = this.authors.get(lang) ?? [];
    const suited = known.filter((u) => gender === undefined || u.gender === gender);
    if (topic !== 'wave2' && suited.length > 4 && this.random.chance(0.06))
      return this.random.pick(suited);
    const user = this.people.newFbUser(lang, gender);
    if (topic !== 'wave2') this.authors.set(lang, [...known, user]);
    return user;
  }

  /** A time for the message and a post it fits under, on the Page of its language. */
  private place(entry: BankEntry, lang: Lang): { ms: number; post: DraftPost } {
    const page = lang === 'nl' ? 'nl' : 'main';
    const kind = KIND[entry.topic];
    for (let attempt = 0; attempt < 50; attempt++) {
      const ms =
        entry.at !== undefined
          ? at(entry.at) + this.random.int(0, 59_999)
          : sampleTime(entry.topic, this.random);
      const open = this.posts.filter((p) => p.spec.page === page && p.ms < ms - 3 * 60_000);
      const fitting = open.filter((p) => p.spec.accepts.includes(kind));
      // People comment where the conversation is: most often under the newest fitting post.
      if (fitting.length > 0)
        return { ms, post: this.random.chance(0.5) ? fitting.at(-1)! : this.random.pick(fitting) };
      if (attempt > 20 && open.length > 0) return { ms, post: this.random.pick(open) };
    }
    throw new Error(`no post to place "${entry.text}" under`);
  }

  private likes(topic: Topic): number {
    if (topic === 'spam') return 0;
    if (KIND[topic] === 'crisis') return this.random.logUniform(2, 900);
    if (topic === 'aftermath') return this.random.logUniform(1, 300);
    return this.random.int(0, 18);
  }

  addBank(bank: LanguageBank): void {
    for (const entry of bank.facebook) this.addEntry(entry, bank.lang);
  }

  private addEntry(entry: BankEntry, lang: Lang): void {
    const { ms, post } = this.place(entry, lang);
    const author = this.authorFor(lang, entry.topic, entry.gender);
    const comment = this.comment({
      post,
      ms,
      fromId: author.id,
      message: entry.text,
      lang,
      likes: this.likes(entry.topic),
      // The Page hides most scams; a few are still up when the demo starts.
      hidden: entry.topic === 'spam' && this.random.chance(0.6),
    });
    if (entry.reply === undefined) return;

    const pageId = PAGES[post.spec.page].id;
    let reply: DraftComment | null = null;
    if (entry.reply === 'apology' || entry.reply === 'apology-en') {
      const { text, lang: replyLang } = apology(
        FB_APOLOGY,
        entry.reply === 'apology' ? lang : 'en',
      );
      const when = Math.max(
        later(ms, 3, 40, this.random),
        later(MOMENTS.firstBrandReply, 10, 360, this.random),
      );
      if (when < LAST_APOLOGY_MS)
        reply = this.comment({
          post,
          ms: when,
          fromId: pageId,
          message: text,
          lang: replyLang,
          parent: comment,
          app: APOLOGY_APPS[this.apologies++ % APOLOGY_APPS.length]!,
          likes: this.random.int(0, 3),
        });
    } else {
      let when = later(ms, 12, 180, this.random);
      const hour = new Date(when).getUTCHours();
      if (hour >= 22 || hour < 7) when = later(when, 8 * 60, 9 * 60, this.random);
      const app = this.random.pick(ANSWER_APPS);
      if (when < WINDOW_END_MS - 20 * 60_000)
        reply = this.comment({
          post,
          ms: when,
          fromId: pageId,
          message: entry.reply,
          lang,
          parent: comment,
          ...(app ? { app } : {}),
          likes: this.random.int(0, 6),
        });
    }
    if (reply && entry.followUp !== undefined) {
      const when = later(reply.ms, 5, 120, this.random);
      if (when < WINDOW_END_MS)
        this.comment({
          post,
          ms: when,
          fromId: author.id,
          message: entry.followUp,
          lang,
          parent: reply,
          likes: this.random.int(0, 4),
        });
    }
  }

  /**
   * Posts and comments, oldest first. Post ids are `{page-id}_{n}`, comment ids `{n}_{m}` with the
   * post's own number; numbers grow with time, as Graph's do.
   */
  build(): { posts: PostOut[]; comments: CommentOut[]; languages: Map<string, Lang> } {
    const postIds = new Map<DraftPost, { full: string; own: string }>();
    let postNumber = 122_148_806_213_000_000n;
    const posts = [...this.posts]
      .sort((a, b) => a.ms - b.ms)
      .map((p): PostOut => {
        postNumber += BigInt(this.random.int(40_000_000, 900_000_000));
        const own = postNumber.toString();
        const full = `${PAGES[p.spec.page].id}_${own}`;
        postIds.set(p, { full, own });
        return {
          id: full,
          page_id: PAGES[p.spec.page].id,
          message: p.spec.message,
          created_time: new Date(p.ms).toISOString(),
          ...(p.spec.app ? { application: APPS[p.spec.app] } : {}),
        };
      });

    const ids = new Map<DraftComment, string>();
    let commentNumber = 1_093_104_712_000_000;
    const languages = new Map<string, Lang>();
    const comments = [...this.comments]
      .sort((a, b) => a.ms - b.ms)
      .map((c): CommentOut => {
        commentNumber += this.random.int(20_000, 2_000_000);
        const id = `${postIds.get(c.post)!.own}_${commentNumber}`;
        ids.set(c, id);
        languages.set(id, c.lang);
        return {
          id,
          post_id: postIds.get(c.post)!.full,
          ...(c.parent ? { parent_id: ids.get(c.parent)! } : {}),
          from_id: c.fromId,
          message: c.message,
          created_time: new Date(c.ms).toISOString(),
          ...(c.app ? { application: APPS[c.app] } : {}),
          like_count: c.likes,
          is_hidden: c.hidden,
          ...(c.attachment ? { attachment: c.attachment } : {}),
        };
      });
    return { posts, comments, languages };
  }
}
