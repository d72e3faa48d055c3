import type { Cluster } from '../../shared';
import { replyWords } from '../triage/duplicate-guard';
import { LshIndex, MinHasher, SIGNATURE_SIZE } from './minhash';

/** Share of words two opening posts must share to belong to one cluster (Jaccard). */
export const CLUSTER_SIMILARITY = 0.6;
export const CLUSTER_MIN_SIZE = 3;

/** A conversation as clustering sees it: plain data, so that it can be posted to a worker. */
export interface ClusterMember {
  id: string;
  createdAt: string;
  language: string | null;
  /** The opening post's text. */
  text: string;
  answered: boolean;
}

/** Oldest first; the same instant goes by id, so that the order never depends on the input's. */
function older(atA: string, idA: string, atB: string, idB: string): number {
  if (atA !== atB) return atA < atB ? -1 : 1;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/**
 * Jaccard similarity of two sets of word numbers, each in ascending order, when it can reach
 * `floor`; else 0. Sizes too far apart cannot, and the walk stops once the words left cannot.
 */
function similarity(a: Int32Array, b: Int32Array, floor: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.min(la, lb) < floor * Math.max(la, lb)) return 0;
  // The fewest words in common that reach the floor: c / (la + lb - c) ≥ floor.
  const needed = Math.ceil((floor * (la + lb)) / (1 + floor) - 1e-9);
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < la && j < lb) {
    if (common + Math.min(la - i, lb - j) < needed) return 0;
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return common < needed ? 0 : common / (la + lb - common);
}

/**
 * Groups conversations whose opening posts say nearly the same thing (the same words, give or take
 * a few, mentions and links aside), oldest first: each joins the cluster whose first text is the
 * most similar to its own, at CLUSTER_SIMILARITY or more, or starts one. Only clusters of
 * CLUSTER_MIN_SIZE or more are returned, biggest first.
 *
 * Candidates come from MinHash signatures of the first texts, banded into buckets (see
 * minhash.ts): a text is compared only with the first texts that share a bucket with it, and each of
 * those is scored with the real Jaccard similarity, so a cluster is never joined on an estimate.
 * A mention is scored against a few dozen first texts (16,000 mentions of a crisis day: about 20
 * each), not against every cluster that shares a word with it, which was quadratic: 28 s for
 * 16,000 mentions of a day.
 */
export function clusterConversations(members: readonly ClusterMember[]): Cluster[] {
  const ordered = [...members].sort((a, b) => older(a.createdAt, a.id, b.createdAt, b.id));
  const hasher = new MinHasher();
  const index = new LshIndex();
  const clusters: { words: Int32Array; members: ClusterMember[] }[] = [];
  /** A first text's words (their numbers) → its cluster: the same words again join it at once. */
  const firstTexts = new Map<string, number>();
  const sig = new Int32Array(SIGNATURE_SIZE);
  for (const member of ordered) {
    const words = hasher.idsOf(replyWords(member.text));
    if (words.length === 0) continue;
    // Similarity 1, which no other cluster reaches (it would have taken that first text).
    const same = firstTexts.get(words.join());
    if (same !== undefined) {
      clusters[same]?.members.push(member);
      continue;
    }
    hasher.signature(words, sig);
    let best = -1;
    let bestScore = 0;
    for (const i of index.candidates(sig)) {
      const cluster = clusters[i] as (typeof clusters)[number];
      const score = similarity(words, cluster.words, CLUSTER_SIMILARITY);
      // Ties go to the older cluster.
      if (score > bestScore || (score === bestScore && score > 0 && i < best)) {
        best = i;
        bestScore = score;
      }
    }
    if (best >= 0) {
      clusters[best]?.members.push(member);
      continue;
    }
    const created = clusters.push({ words, members: [member] }) - 1;
    firstTexts.set(words.join(), created);
    index.add(created, sig);
  }
  return clusters
    .filter((c) => c.members.length >= CLUSTER_MIN_SIZE)
    .map(({ members: list }) => {
      const first = list[0] as ClusterMember;
      const newestFirst = [...list].reverse();
      return {
        id: first.id,
        size: list.length,
        conversationIds: newestFirst.map((m) => m.id),
        sample: first.text,
        languages: [...new Set(list.map((m) => m.language ?? 'unknown'))].sort(),
        unanswered: list.filter((m) => !m.answered).length,
        firstAt: first.createdAt,
        lastAt: (newestFirst[0] as ClusterMember).createdAt,
      };
    })
    .sort((a, b) => b.size - a.size || older(a.firstAt, a.id, b.firstAt, b.id));
}
