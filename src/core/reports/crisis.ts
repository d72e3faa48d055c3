import type { Cluster, Conversation, Crisis, Post } from '../../shared';
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

/**
 * The crisis view over the store's conversations and their posts. Its clusters are found by
 * `cluster`: by default on the clustering worker (see cluster-runner.ts).
 */
export async function crisisView(
  conversations: Iterable<Conversation>,
  postsOf: (conversationId: string) => readonly Post[],
  at: Date,
  hours: number,
  cluster: (members: ClusterMember[]) => Promise<Cluster[]> = (members) =>
    clusterRunner.cluster(members),
): Promise<Crisis> {
  const all = [...conversations];
  const arrivals: string[] = [];
  const window = arrivalsByHour([], at, hours);
  const windowStart = Date.parse(window.from);
  const baselineStart = windowStart - BASELINE_HOURS * HOUR;
  const members: ClusterMember[] = [];
  for (const c of all) {
    if (Date.parse(c.lastPostAt) < baselineStart) continue;
    const posts = postsOf(c.id);
    for (const p of posts) if (p.direction === 'inbound') arrivals.push(p.createdAt);
    const created = Date.parse(c.createdAt);
    if (created >= windowStart && created < Date.parse(window.to)) {
      const opener = posts.find((p) => p.direction === 'inbound');
      if (opener != null)
        members.push({
          id: c.id,
          createdAt: c.createdAt,
          language: c.language,
          text: opener.text,
          answered: posts.some((p) => p.direction === 'outbound'),
        });
    }
  }
  return { ...arrivalsByHour(arrivals, at, hours), clusters: await cluster(members) };
}
