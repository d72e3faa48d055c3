import type { Cluster, Crisis, Post } from '../../shared';
import type {
  ConversationHead,
  GapRepository,
  ConversationRepository,
  PostFacts,
  PostRepository,
} from '../store/port';
import type { ClusterMember } from './clusters';
import { CrisisTally } from './crisis';
import type { CrisisHours } from './crisis';
import { caseOf } from './report-builder';
import type { ReportCase, ReportRange } from './report-builder';

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
}

/** The latest instant a date can name: a read by last post from a date on has no end. */
const END_OF_TIME = new Date(8.64e15).toISOString();

/** The pages of heads read, each with the facts of its conversations' posts (one read a page). */
export async function* withFacts(
  store: ReportStore,
  pages: AsyncIterable<ConversationHead[]>,
): AsyncIterable<{ heads: ConversationHead[]; facts: Map<string, PostFacts[]> }> {
  for await (const heads of pages)
    yield { heads, facts: await store.posts.factsOf(heads.map((h) => h.id)) };
}

const madeOutside = (p: PostFacts) => p.direction === 'outbound' && p.outside;

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
      cases.push(caseOf(head, kept, (id) => whole.get(id)));
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
