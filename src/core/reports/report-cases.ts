import type { Cluster, Crisis, Post } from '../../shared';
import { replyPostId } from '../outbox/outbox-item';
import type {
  ConversationHead,
  GapRepository,
  ConversationRepository,
  OutboxRepository,
  PostFacts,
  PostRepository,
} from '../store/port';
import type { ClusterMember } from './clusters';
import { CrisisTally } from './crisis';
import type { CrisisHours } from './crisis';
import type { ReportRange } from './report-builder';
import { caseOf } from './report-case';
import type { ReportCase } from './report-case';

/**
 * What reports read of the store: conversations' heads by time range and their posts' facts, a
 * page at a time; whole posts and conversations only where they are shown.
 */
export interface ReportStore {
  readonly conversations: Pick<
    ConversationRepository,
    'headsCreatedBetween' | 'headsLastPostedBetween' | 'getMany'
  >;
  readonly posts: Pick<PostRepository, 'factsOf' | 'getMany'>;
  /** The stretches sync could not fetch (a store without them reports none). */
  readonly gaps?: Pick<GapRepository, 'overlapping'>;
  /** The replies sent translated (a store without them reports none). */
  readonly outbox?: Pick<OutboxRepository, 'translated'>;
}

/** The latest instant a date can name: a read by last post from a date on has no end. */
const END_OF_TIME = new Date(8.64e15).toISOString();

/** Pages whose reads are under way ahead of the one the caller works on (see `withFacts`). */
const READ_AHEAD = 2;

type PageWithFacts = { heads: ConversationHead[]; facts: Map<string, PostFacts[]> };

/**
 * The pages of heads read, each with the facts of its conversations' posts (one read a page). The
 * next page is read while this one's facts are, and the one after while the caller works on this
 * one, each page's facts asked as soon as its heads are known: on a server each read is a round
 * trip, a month at a million conversations is fifty pages, and two reads of facts run on two of
 * the server's processes at once.
 */
export async function* withFacts(
  store: ReportStore,
  pages: AsyncIterable<ConversationHead[]>,
): AsyncIterable<PageWithFacts> {
  const reader = pages[Symbol.asyncIterator]();
  // A generator answers its calls in turn: the heads are read one page after the other.
  const read = async (): Promise<{
    heads: ConversationHead[];
    facts: Promise<PageWithFacts['facts']>;
  } | null> => {
    const page = await reader.next();
    if (page.done === true) return null;
    const facts = store.posts.factsOf(page.value.map((h) => h.id));
    // Awaited in its turn, where a failure is told.
    facts.catch(() => undefined);
    return { heads: page.value, facts };
  };
  const ahead = Array.from({ length: READ_AHEAD }, read);
  for (const next of ahead) next.catch(() => undefined);
  try {
    for (;;) {
      const page = await ahead.shift()!;
      if (page == null) return;
      const facts = await page.facts;
      const next = read();
      next.catch(() => undefined);
      ahead.push(next);
      yield { heads: page.heads, facts };
    }
  } finally {
    // Reads under way end on their own; their pages are not wanted.
    await reader.return?.();
  }
}

const madeOutside = (p: PostFacts) => p.direction === 'outbound' && p.outside;

/** Later than any reply's queueing time, compared as text as the stores keep it. */
const LAST_DAY = '9999-12-31T23:59:59.999Z';

/**
 * The replies the inbox sent translated since an instant (a conversation's arrival: it is answered
 * after), by the id of the post each became: the language it was sent in.
 */
async function translatedReplies(
  store: ReportStore,
  fromIso: string,
): Promise<Map<string, string>> {
  const sent = new Map<string, string>();
  if (store.outbox == null) return sent;
  for (const item of await store.outbox.translated(fromIso, LAST_DAY))
    if (item.state === 'sent' && item.externalId != null && item.translation != null)
      sent.set(replyPostId(item), item.translation.language);
  return sent;
}

/**
 * The cases of a report: the conversations that arrived (were created) in [from, to), oldest
 * first, read by their arrival index; nothing outside the range is read, and of the posts only
 * their facts, but for the replies made outside the inbox, which the report lists whole. A reply
 * gone between the two reads is left out, as it is from the store.
 */
export async function reportCases(
  store: ReportStore,
  range: Pick<ReportRange, 'from' | 'to'>,
): Promise<ReportCase[]> {
  const cases: ReportCase[] = [];
  const translated = await translatedReplies(store, range.from);
  const arrived = store.conversations.headsCreatedBetween(range.from, range.to);
  for await (const { heads, facts } of withFacts(store, arrived)) {
    const outside: string[] = [];
    for (const list of facts.values()) for (const p of list) if (madeOutside(p)) outside.push(p.id);
    const whole = new Map<string, Post>();
    if (outside.length > 0) for (const p of await store.posts.getMany(outside)) whole.set(p.id, p);
    for (const head of heads) {
      const posts = facts.get(head.id) ?? [];
      const kept =
        outside.length === whole.size
          ? posts
          : posts.filter((p) => !madeOutside(p) || whole.has(p.id));
      cases.push(
        caseOf(
          head,
          kept,
          (id) => whole.get(id),
          (id) => translated.get(id),
        ),
      );
    }
  }
  return cases;
}

/**
 * The crisis view over the window's hours: it reads the conversations with a post since its
 * baseline began (by last post, to whatever came after) with their posts' facts, then the opening
 * posts it groups into stories.
 */
export async function crisisOf(
  store: ReportStore,
  window: CrisisHours,
  cluster?: (members: ClusterMember[]) => Promise<Cluster[]>,
): Promise<Crisis> {
  const tally = new CrisisTally(window);
  const openers: string[] = [];
  const active = store.conversations.headsLastPostedBetween(tally.since, END_OF_TIME);
  for await (const { heads, facts } of withFacts(store, active))
    for (const head of heads) {
      const opener = tally.add(head, facts.get(head.id) ?? []);
      if (opener != null) openers.push(opener);
    }
  const posts = new Map<string, Post>();
  for (const p of await store.posts.getMany(openers)) posts.set(p.id, p);
  return tally.view(posts, cluster);
}
