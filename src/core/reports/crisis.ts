import type { Cluster, Conversation, Crisis, Post } from '../../shared';
import { factsOf, headOf } from '../store/port';
import type { ConversationHead, PostFacts } from '../store/port';
import { clusterRunner } from './cluster-runner';
import type { ClusterMember } from './clusters';

const HOUR = 3_600_000;
const BASELINE_HOURS = 7 * 24;
/** An hour is a spike at this many times the usual level, and with at least SPIKE_MIN arrivals. */
export const SPIKE_FACTOR = 3;
export const SPIKE_MIN = 10;

function hourStart(ms: number): number {
  return Math.floor(ms / HOUR) * HOUR;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Arrivals per hour over the window ending at `at` (the hour that contains `at` is the last one),
 * the usual level (median hour of the 7 days before), and the latest spike.
 */
export function arrivalsByHour(
  arrivals: Iterable<string>,
  at: Date,
  hours: number,
): Pick<Crisis, 'from' | 'to' | 'hours' | 'usualPerHour' | 'spike'> {
  return arrivalsByHourMs(
    (function* () {
      for (const iso of arrivals) yield Date.parse(iso);
    })(),
    at,
    hours,
  );
}

/** `arrivalsByHour` of arrivals given in ms since the epoch. */
function arrivalsByHourMs(
  arrivals: Iterable<number>,
  at: Date,
  hours: number,
): Pick<Crisis, 'from' | 'to' | 'hours' | 'usualPerHour' | 'spike'> {
  const last = hourStart(at.getTime());
  const first = last - (hours - 1) * HOUR;
  const baselineStart = first - BASELINE_HOURS * HOUR;
  const counts = new Map<number, number>();
  for (const t of arrivals) {
    if (t < baselineStart || t >= last + HOUR) continue;
    const h = hourStart(t);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const baseline: number[] = [];
  for (let h = baselineStart; h < first; h += HOUR) baseline.push(counts.get(h) ?? 0);
  const usualPerHour = median(baseline);
  const series = [];
  for (let h = first; h <= last; h += HOUR)
    series.push({ start: new Date(h).toISOString(), arrivals: counts.get(h) ?? 0 });
  const threshold = Math.max(SPIKE_MIN, SPIKE_FACTOR * usualPerHour);
  const latest = [...series].reverse().find((h) => h.arrivals >= threshold);
  return {
    from: new Date(first).toISOString(),
    to: new Date(last + HOUR).toISOString(),
    hours: series,
    usualPerHour,
    spike:
      latest == null
        ? null
        : {
            start: latest.start,
            arrivals: latest.arrivals,
            ratio: latest.arrivals / Math.max(1, usualPerHour),
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
  /** The conversations to cluster, each with the id of its opening post (its text comes last). */
  private readonly pending: { member: Omit<ClusterMember, 'text'>; opener: string }[] = [];

  constructor(
    private readonly at: Date,
    private readonly hours: number,
  ) {
    const window = arrivalsByHour([], at, hours);
    this.windowStart = Date.parse(window.from);
    this.windowEnd = Date.parse(window.to);
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
   * opening post when the conversation is to be clustered: `view` needs that post's text.
   */
  add(conversation: ConversationHead, posts: readonly PostFacts[]): string | null {
    // Only arrivals from the baseline's start to the window's end are counted by the hour.
    for (const p of posts)
      if (
        p.direction === 'inbound' &&
        p.createdMs >= this.baselineStart &&
        p.createdMs < this.windowEnd
      )
        this.arrivals.push(p.createdMs);
    const created = conversation.createdMs;
    if (!(created >= this.windowStart && created < this.windowEnd)) return null;
    const opener = posts.find((p) => p.direction === 'inbound');
    if (opener == null) return null;
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
   * The view of what was counted: `texts` gives the opening posts' texts (a conversation whose
   * opening post is gone meanwhile is not clustered), `cluster` finds the clusters.
   */
  async view(
    texts: ReadonlyMap<string, string>,
    cluster: (members: ClusterMember[]) => Promise<Cluster[]> = (members) =>
      clusterRunner.cluster(members),
  ): Promise<Crisis> {
    const members: ClusterMember[] = [];
    for (const { member, opener } of this.pending) {
      const text = texts.get(opener);
      if (text != null) members.push({ ...member, text });
    }
    return {
      ...arrivalsByHourMs(this.arrivals, this.at, this.hours),
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
  at: Date,
  hours: number,
  cluster?: (members: ClusterMember[]) => Promise<Cluster[]>,
): Promise<Crisis> {
  const tally = new CrisisTally(at, hours);
  const texts = new Map<string, string>();
  for (const c of conversations) {
    const head = headOf(c);
    if (!tally.counts(head)) continue;
    const posts = postsOf(c.id);
    const opener = tally.add(head, posts.map(factsOf));
    const text = opener == null ? undefined : posts.find((p) => p.id === opener)?.text;
    if (opener != null && text != null) texts.set(opener, text);
  }
  return tally.view(texts, cluster);
}
