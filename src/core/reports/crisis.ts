import type { Cluster, Conversation, Crisis, Post } from '../../shared';
import { factsOf, headOf } from '../store/port';
import type { ConversationHead, PostFacts } from '../store/port';
import { clusterRunner } from './cluster-runner';
import type { ClusterMember } from './clusters';
import { postKeys, textKeys } from './story-links';
import { usualKeys } from './usual-keys';

/** What the view reads of an opening post: its text and what it points at. */
export type OpeningPost = Pick<
  Post,
  'id' | 'text' | 'inReplyTo' | 'quotes' | 'underPost' | 'media'
>;

const HOUR = 3_600_000;
const BASELINE_HOURS = 7 * 24;
/** An hour is a spike at this many times the usual level, and with at least SPIKE_MIN arrivals. */
export const SPIKE_FACTOR = 3;
export const SPIKE_MIN = 10;

function hourStart(ms: number): number {
  return Math.floor(ms / HOUR) * HOUR;
}

/** The hours a crisis view counts: from the hour starting at `first` to the one starting at `last`. */
export interface CrisisHours {
  first: number;
  last: number;
}

/** The `hours` hours up to `at` (the hour that contains `at` is the last one). */
export function hoursUpTo(at: Date, hours: number): CrisisHours {
  const last = hourStart(at.getTime());
  return { first: last - (hours - 1) * HOUR, last };
}

/**
 * The hours of the range [from, to), at most `maxHours` of them (its latest): from the hour that
 * contains `from` to the one that contains the range's last instant.
 */
export function hoursOfRange(from: Date, to: Date, maxHours: number): CrisisHours {
  const last = hourStart(to.getTime() - 1);
  const first = Math.max(hourStart(from.getTime()), last - (maxHours - 1) * HOUR);
  return { first: Math.min(first, last), last };
}

/** What the crisis view counts of arrivals alone: per hour, the usual level, the spike. */
export type Arrivals = Pick<
  Crisis,
  'from' | 'to' | 'usualPerHour' | 'baselineArrivals' | 'spike'
> & {
  hours: { start: string; arrivals: number }[];
};

/**
 * Arrivals per hour over the window ending at `at` (the hour that contains `at` is the last one),
 * the usual level (mean hour of the 7 days before), and the largest spike.
 */
export function arrivalsByHour(arrivals: Iterable<string>, at: Date, hours: number): Arrivals {
  return arrivalsByHourMs(
    (function* () {
      for (const iso of arrivals) yield Date.parse(iso);
    })(),
    hoursUpTo(at, hours),
  );
}

/**
 * Arrivals (ms since the epoch) per hour of the window, the usual level (arrivals per hour over
 * the 7 days before it, on average) and the window's largest spike: its busiest hour when that
 * reaches SPIKE_FACTOR times the usual level and SPIKE_MIN arrivals (of equal hours, the latest).
 */
export function arrivalsByHourMs(
  arrivals: Iterable<number>,
  { first, last }: CrisisHours,
): Arrivals {
  const baselineStart = first - BASELINE_HOURS * HOUR;
  const counts = new Map<number, number>();
  let baselineArrivals = 0;
  for (const t of arrivals) {
    if (t < baselineStart || t >= last + HOUR) continue;
    if (t < first) baselineArrivals += 1;
    else {
      const h = hourStart(t);
      counts.set(h, (counts.get(h) ?? 0) + 1);
    }
  }
  const usualPerHour = baselineArrivals / BASELINE_HOURS;
  const series = [];
  for (let h = first; h <= last; h += HOUR)
    series.push({ start: new Date(h).toISOString(), arrivals: counts.get(h) ?? 0 });
  const threshold = Math.max(SPIKE_MIN, SPIKE_FACTOR * usualPerHour);
  let largest: (typeof series)[number] | null = null;
  for (const hour of series)
    if (hour.arrivals >= threshold && hour.arrivals >= (largest?.arrivals ?? 0)) largest = hour;
  return {
    from: new Date(first).toISOString(),
    to: new Date(last + HOUR).toISOString(),
    hours: series,
    usualPerHour,
    baselineArrivals,
    spike:
      largest == null
        ? null
        : {
            start: largest.start,
            arrivals: largest.arrivals,
            ratio: baselineArrivals === 0 ? null : largest.arrivals / usualPerHour,
          },
  };
}

/**
 * What the crisis view gathers of the conversations, one at a time: the arrivals (customer posts)
 * of those with a post since the baseline began, and the conversations that arrived in the window,
 * to cluster by their opening post. A conversation whose last post is older cannot count: `counts`
 * tells the caller which to give, `since` where a read by last post can start.
 */
export class CrisisTally {
  /** The first hour of the baseline, and the window's start and end (ms). */
  private readonly baselineStart: number;
  private readonly windowStart: number;
  private readonly windowEnd: number;
  private readonly arrivals: number[] = [];
  /** Customer posts of the window's hours with a tone, and the negative ones, by hour start. */
  private readonly scored = new Map<number, number>();
  private readonly negative = new Map<number, number>();
  /** The conversations to cluster, each with the id of its opening post (its text comes last). */
  private readonly pending: { member: Omit<ClusterMember, 'text'>; opener: string }[] = [];
  /**
   * The opening posts of the conversations that arrived in the baseline: their links and hashtags
   * tell which are the usual talk (usual-keys.ts), which ties no story.
   */
  private readonly before: string[] = [];

  constructor(private readonly window: CrisisHours) {
    this.windowStart = window.first;
    this.windowEnd = window.last + HOUR;
    this.baselineStart = this.windowStart - BASELINE_HOURS * HOUR;
  }

  /** The earliest last post of a conversation that counts. */
  get since(): string {
    return new Date(this.baselineStart).toISOString();
  }

  /** Whether the conversation can count: it has a post since the baseline began. */
  counts(conversation: Pick<ConversationHead, 'lastPostMs'>): boolean {
    return !(conversation.lastPostMs < this.baselineStart);
  }

  /**
   * Counts a conversation (one that `counts`) with its posts, oldest first. Returns the id of its
   * opening post when `view` needs that post's text: the conversation arrived in the window (to be
   * clustered) or in the baseline (for the usual links and hashtags).
   */
  add(conversation: ConversationHead, posts: readonly PostFacts[]): string | null {
    // Only arrivals from the baseline's start to the window's end are counted by the hour.
    for (const p of posts)
      if (
        p.direction === 'inbound' &&
        p.createdMs >= this.baselineStart &&
        p.createdMs < this.windowEnd
      ) {
        this.arrivals.push(p.createdMs);
        if (p.sentiment == null || p.createdMs < this.windowStart) continue;
        const hour = hourStart(p.createdMs);
        this.scored.set(hour, (this.scored.get(hour) ?? 0) + 1);
        if (p.sentiment === 'negative') this.negative.set(hour, (this.negative.get(hour) ?? 0) + 1);
      }
    const created = conversation.createdMs;
    const inBaseline = created >= this.baselineStart && created < this.windowStart;
    if (!inBaseline && !(created >= this.windowStart && created < this.windowEnd)) return null;
    const opener = posts.find((p) => p.direction === 'inbound');
    if (opener == null) return null;
    if (inBaseline) {
      this.before.push(opener.id);
      return opener.id;
    }
    this.pending.push({
      opener: opener.id,
      member: {
        id: conversation.id,
        createdAt: new Date(created).toISOString(),
        language: conversation.language,
        answered: conversation.statement != null || posts.some((p) => p.direction === 'outbound'),
      },
    });
    return opener.id;
  }

  /**
   * The view of what was counted: `openers` gives the opening posts (a conversation whose opening
   * post is gone meanwhile is not clustered), `cluster` finds the stories.
   */
  async view(
    openers: ReadonlyMap<string, OpeningPost>,
    cluster: (members: ClusterMember[]) => Promise<Cluster[]> = (members) =>
      clusterRunner.cluster(members),
  ): Promise<Crisis> {
    const found: { member: Omit<ClusterMember, 'text'>; post: OpeningPost; said: string[] }[] = [];
    for (const { member, opener } of this.pending) {
      const post = openers.get(opener);
      if (post != null) found.push({ member, post, said: textKeys(post.text) });
    }
    const usual = usualKeys(
      this.before.flatMap((id) => {
        const post = openers.get(id);
        return post == null ? [] : [textKeys(post.text)];
      }),
      BASELINE_HOURS,
      found.map((f) => f.said),
      (this.windowEnd - this.windowStart) / HOUR,
      SPIKE_FACTOR,
    );
    const members: ClusterMember[] = found.map(({ member, post, said }) => ({
      ...member,
      text: post.text,
      keys: [...said.filter((key) => !usual.has(key)), ...postKeys(post)],
    }));
    const counted = arrivalsByHourMs(this.arrivals, this.window);
    return {
      ...counted,
      hours: counted.hours.map((h) => {
        const start = Date.parse(h.start);
        const scored = this.scored.get(start) ?? 0;
        const negative = this.negative.get(start) ?? 0;
        return { ...h, scored, negative, negativeShare: scored === 0 ? null : negative / scored };
      }),
      clusters: await cluster(members),
    };
  }
}

/**
 * The crisis view over conversations in memory and their posts. Its clusters are found by
 * `cluster`: by default on the clustering worker (see cluster-runner.ts).
 */
export async function crisisView(
  conversations: Iterable<Conversation>,
  postsOf: (conversationId: string) => readonly Post[],
  window: CrisisHours,
  cluster?: (members: ClusterMember[]) => Promise<Cluster[]>,
): Promise<Crisis> {
  const tally = new CrisisTally(window);
  const openers = new Map<string, OpeningPost>();
  for (const c of conversations) {
    const head = headOf(c);
    if (!tally.counts(head)) continue;
    const posts = postsOf(c.id);
    const opener = tally.add(head, posts.map(factsOf));
    const post = opener == null ? undefined : posts.find((p) => p.id === opener);
    if (post != null) openers.set(post.id, post);
  }
  return tally.view(openers, cluster);
}
