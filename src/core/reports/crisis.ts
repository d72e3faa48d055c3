import type { Cluster, Conversation, Crisis, Post } from '../../shared';
import { replyWords } from '../triage/duplicate-guard';

const HOUR = 3_600_000;
const BASELINE_HOURS = 7 * 24;
/** An hour is a spike at this many times the usual level, and with at least SPIKE_MIN arrivals. */
export const SPIKE_FACTOR = 3;
export const SPIKE_MIN = 10;
/** Share of words two opening posts must share to belong to one cluster (Jaccard). */
export const CLUSTER_SIMILARITY = 0.6;
export const CLUSTER_MIN_SIZE = 3;

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
  const last = hourStart(at.getTime());
  const first = last - (hours - 1) * HOUR;
  const baselineStart = first - BASELINE_HOURS * HOUR;
  const counts = new Map<number, number>();
  for (const iso of arrivals) {
    const t = Date.parse(iso);
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

interface Member {
  conversation: Conversation;
  text: string;
  answered: boolean;
}

/**
 * Groups conversations whose opening posts say nearly the same thing (the same words, give or take
 * a few, mentions and links aside), oldest first: each joins the most similar cluster so far, or
 * starts one. Only clusters of CLUSTER_MIN_SIZE or more are returned, biggest first.
 */
export function clusterConversations(members: readonly Member[]): Cluster[] {
  const ordered = [...members].sort((a, b) =>
    a.conversation.createdAt < b.conversation.createdAt ? -1 : 1,
  );
  const clusters: { words: Set<string>; members: Member[] }[] = [];
  /** Word → clusters whose first text has it, to compare only with clusters sharing a word. */
  const byWord = new Map<string, number[]>();
  for (const member of ordered) {
    const words = replyWords(member.text);
    if (words.size === 0) continue;
    const common = new Map<number, number>();
    for (const w of words)
      for (const i of byWord.get(w) ?? []) common.set(i, (common.get(i) ?? 0) + 1);
    let best = -1;
    let bestScore = 0;
    for (const [i, shared] of common) {
      const size = clusters[i]?.words.size ?? 0;
      const score = shared / (size + words.size - shared);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (best >= 0 && bestScore >= CLUSTER_SIMILARITY) {
      clusters[best]?.members.push(member);
      continue;
    }
    const index = clusters.push({ words, members: [member] }) - 1;
    for (const w of words) {
      const list = byWord.get(w);
      if (list) list.push(index);
      else byWord.set(w, [index]);
    }
  }
  return clusters
    .filter((c) => c.members.length >= CLUSTER_MIN_SIZE)
    .map(({ members: list }) => {
      const first = list[0] as Member;
      const newestFirst = [...list].reverse();
      return {
        id: first.conversation.id,
        size: list.length,
        conversationIds: newestFirst.map((m) => m.conversation.id),
        sample: first.text,
        languages: [...new Set(list.map((m) => m.conversation.language ?? 'unknown'))].sort(),
        unanswered: list.filter((m) => !m.answered).length,
        firstAt: first.conversation.createdAt,
        lastAt: (newestFirst[0] as Member).conversation.createdAt,
      };
    })
    .sort((a, b) => b.size - a.size || (a.firstAt < b.firstAt ? -1 : 1));
}

/** The crisis view over the store's conversations and their posts. */
export function crisisView(
  conversations: Iterable<Conversation>,
  postsOf: (conversationId: string) => readonly Post[],
  at: Date,
  hours: number,
): Crisis {
  const all = [...conversations];
  const arrivals: string[] = [];
  const window = arrivalsByHour([], at, hours);
  const windowStart = Date.parse(window.from);
  const baselineStart = windowStart - BASELINE_HOURS * HOUR;
  const members: Member[] = [];
  for (const c of all) {
    if (Date.parse(c.lastPostAt) < baselineStart) continue;
    const posts = postsOf(c.id);
    for (const p of posts) if (p.direction === 'inbound') arrivals.push(p.createdAt);
    const created = Date.parse(c.createdAt);
    if (created >= windowStart && created < Date.parse(window.to)) {
      const opener = posts.find((p) => p.direction === 'inbound');
      if (opener != null)
        members.push({
          conversation: c,
          text: opener.text,
          answered: posts.some((p) => p.direction === 'outbound'),
        });
    }
  }
  return { ...arrivalsByHour(arrivals, at, hours), clusters: clusterConversations(members) };
}
