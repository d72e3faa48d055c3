import { UNKNOWN_LANGUAGE } from '../../shared';
import type { Cluster, ComplaintExample, Complaints, Post } from '../../shared';
import type { ClusterMember } from './clusters';
import { recurringWords } from './keywords';
import type { CountedPost } from './keywords';
import { withFacts } from './report-cases';
import type { ReportStore } from './report-cases';
import { postKeys, textKeys } from './story-links';

/** Examples shown per story and per word. */
const EXAMPLES = 3;
/** Conversations a keyword lists for its drill-down (the drill-down's own limit). */
const KEYWORD_CONVERSATIONS = 1000;

/** A negative customer post as the complaints read it: its text, language and conversation. */
interface Complaint extends CountedPost {
  language: string;
  post: Post;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

const newestFirst = (a: Complaint, b: Complaint) =>
  b.createdMs - a.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function example(c: Complaint): ComplaintExample {
  return {
    postId: c.id,
    conversationId: c.conversationId,
    language: c.post.language,
    createdAt: c.post.createdAt,
    excerpt: excerpt(c.text),
  };
}

/**
 * The negative customer posts of the conversations that arrived in [from, to): their heads by the
 * arrival index, their posts' facts, and only the negative posts whole (for their text). A post's
 * language is its own, else its conversation's, else `unknown`.
 */
async function negativePosts(
  store: ReportStore,
  range: { from: string; to: string },
): Promise<Complaint[]> {
  const found: Complaint[] = [];
  const arrived = store.conversations.headsCreatedBetween(range.from, range.to);
  for await (const { heads, facts } of withFacts(store, arrived)) {
    const languageOf = new Map(heads.map((h) => [h.id, h.language]));
    const ids: string[] = [];
    for (const list of facts.values())
      for (const p of list)
        if (p.direction === 'inbound' && p.sentiment === 'negative') ids.push(p.id);
    if (ids.length === 0) continue;
    for (const post of await store.posts.getMany(ids))
      found.push({
        id: post.id,
        conversationId: post.conversationId,
        createdMs: Date.parse(post.createdAt),
        text: post.text,
        language: post.language ?? languageOf.get(post.conversationId) ?? UNKNOWN_LANGUAGE,
        post,
      });
  }
  return found.sort(newestFirst);
}

/**
 * What customer service should hear: the recurring complaints among the negative customer posts
 * of the conversations that arrived in the range. Stories are found as the crisis view finds them
 * (`cluster`), over each conversation's first negative post; keywords are counted per language
 * (keywords.ts), each with the posts that have it and a few examples.
 */
export async function complaintsOf(
  store: ReportStore,
  range: { from: string; to: string },
  cluster: (members: ClusterMember[]) => Promise<Cluster[]>,
): Promise<Complaints> {
  const posts = await negativePosts(store, range);
  const byConversation = new Map<string, Complaint[]>();
  for (const p of posts) {
    const list = byConversation.get(p.conversationId);
    if (list) list.push(p);
    else byConversation.set(p.conversationId, [p]);
  }
  // Each conversation once, by its first negative post (the lists are newest first).
  const members: ClusterMember[] = [...byConversation.values()].map((list) => {
    const first = list.at(-1)!;
    return {
      id: first.conversationId,
      createdAt: first.post.createdAt,
      language: first.language,
      text: first.text,
      answered: false,
      keys: [...textKeys(first.text), ...postKeys(first.post)],
    };
  });
  const stories = (await cluster(members)).map((story) => {
    const theirs = story.conversationIds.flatMap((id) => byConversation.get(id) ?? []);
    theirs.sort(newestFirst);
    return {
      id: story.id,
      posts: theirs.length,
      conversations: story.size,
      conversationIds: story.conversationIds,
      languages: story.languages,
      shared: story.shared,
      examples: theirs.slice(0, EXAMPLES).map(example),
    };
  });
  const byLanguage = new Map<string, Complaint[]>();
  for (const p of posts) {
    const list = byLanguage.get(p.language);
    if (list) list.push(p);
    else byLanguage.set(p.language, [p]);
  }
  const keywords = [...byLanguage]
    .sort(
      (a, b) =>
        Number(a[0] === UNKNOWN_LANGUAGE) - Number(b[0] === UNKNOWN_LANGUAGE) ||
        b[1].length - a[1].length ||
        (a[0] < b[0] ? -1 : 1),
    )
    .map(([language, list]) => ({
      language,
      negativePosts: list.length,
      words: recurringWords(list, language).map((w) => ({
        word: w.word,
        posts: w.posts.length,
        conversations: w.conversations.size,
        conversationIds: [...w.conversations].slice(0, KEYWORD_CONVERSATIONS),
        examples: (w.posts as Complaint[]).slice(0, EXAMPLES).map(example),
      })),
    }));
  return {
    from: range.from,
    to: range.to,
    negativePosts: posts.length,
    conversations: byConversation.size,
    stories: stories.sort((a, b) => b.posts - a.posts || b.conversations - a.conversations),
    keywords,
  };
}
