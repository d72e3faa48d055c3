import type { Cluster } from '../../shared';
import { replyWords } from '../triage/duplicate-guard';
import { LshIndex, MinHasher, SIGNATURE_SIZE } from './minhash';
import { textKeys } from './story-links';

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
  /**
   * What ties it to other conversations beside its words (story-links.ts): the links and hashtags
   * of its text and what its opening post points at. Absent: its text's links and hashtags.
   */
  keys?: string[];
}

/** Disjoint sets of 0…n-1, with path halving and union by size: near-constant time a call. */
class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
  }

  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      const up = parent[parent[i] as number] as number;
      parent[i] = up;
      i = up;
    }
    return i;
  }

  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if ((this.size[ra] as number) < (this.size[rb] as number)) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] = (this.size[ra] as number) + (this.size[rb] as number);
  }
}

/** A key as the story shows it: a link without its scheme, a hashtag with its `#`; posts are not shown. */
function shownKey(key: string): string | null {
  if (key.startsWith('url:')) return key.slice(4);
  if (key.startsWith('tag:')) return `#${key.slice(4)}`;
  return null;
}

/** The links and hashtags the most members share (two at least), most shared first. */
function sharedKeys(keysOf: readonly string[][], members: readonly number[]): string[] {
  const counts = new Map<string, number>();
  for (const m of members)
    for (const key of new Set(keysOf[m])) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .filter(([key, n]) => n >= 2 && shownKey(key) != null)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([key]) => shownKey(key) as string);
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
 * a few, mentions and links aside), oldest first: each joins the text cluster whose first text is
 * the most similar to its own, at CLUSTER_SIMILARITY or more, or starts one.
 *
 * Candidates come from MinHash signatures of the first texts, banded into buckets (see
 * minhash.ts): a text is compared only with the first texts that share a bucket with it, and each of
 * those is scored with the real Jaccard similarity, so a cluster is never joined on an estimate.
 * A mention is scored against a few dozen first texts (16,000 mentions of a crisis day: about 20
 * each), not against every cluster that shares a word with it, which was quadratic: 28 s for
 * 16,000 mentions of a day.
 *
 * Text clusters are then joined into stories by what their conversations share whatever their
 * language (story-links.ts): a link, a hashtag, a post quoted or answered, media. Each key joins the
 * conversations that have it, by union-find: linear in the keys. Only stories of CLUSTER_MIN_SIZE
 * or more are returned, biggest first.
 */
export function clusterConversations(members: readonly ClusterMember[]): Cluster[] {
  const ordered = [...members].sort((a, b) => older(a.createdAt, a.id, b.createdAt, b.id));
  const hasher = new MinHasher();
  const index = new LshIndex();
  const sets = new UnionFind(ordered.length);
  /** Per text cluster: its first text's words and its first member (by position in `ordered`). */
  const clusters: { words: Int32Array; first: number }[] = [];
  /** A first text's words (their numbers) → its cluster: the same words again join it at once. */
  const firstTexts = new Map<string, number>();
  const sig = new Int32Array(SIGNATURE_SIZE);
  /** Each key → the first member that has it. */
  const holders = new Map<string, number>();
  const keysOf: string[][] = [];
  for (let at = 0; at < ordered.length; at++) {
    const member = ordered[at] as ClusterMember;
    const keys = member.keys ?? textKeys(member.text);
    keysOf.push(keys);
    for (const key of keys) {
      const holder = holders.get(key);
      if (holder === undefined) holders.set(key, at);
      else sets.union(holder, at);
    }
    const words = hasher.idsOf(replyWords(member.text));
    if (words.length === 0) continue;
    // Similarity 1, which no other cluster reaches (it would have taken that first text).
    const same = firstTexts.get(words.join());
    if (same !== undefined) {
      sets.union((clusters[same] as (typeof clusters)[number]).first, at);
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
      sets.union((clusters[best] as (typeof clusters)[number]).first, at);
      continue;
    }
    const created = clusters.push({ words, first: at }) - 1;
    firstTexts.set(words.join(), created);
    index.add(created, sig);
  }
  const stories = new Map<number, number[]>();
  for (let at = 0; at < ordered.length; at++) {
    const root = sets.find(at);
    const list = stories.get(root);
    if (list) list.push(at);
    else stories.set(root, [at]);
  }
  return [...stories.values()]
    .filter((list) => list.length >= CLUSTER_MIN_SIZE)
    .map((positions): Cluster => {
      const list = positions.map((p) => ordered[p] as ClusterMember);
      const first = list[0] as ClusterMember;
      const newestFirst = [...list].reverse();
      const byLanguage = new Map<string, ClusterMember[]>();
      for (const m of newestFirst) {
        const language = m.language ?? 'unknown';
        const these = byLanguage.get(language);
        if (these) these.push(m);
        else byLanguage.set(language, [m]);
      }
      return {
        id: first.id,
        size: list.length,
        conversationIds: newestFirst.map((m) => m.id),
        sample: first.text,
        languages: [...byLanguage.keys()].sort(),
        byLanguage: [...byLanguage]
          .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
          .map(([language, these]) => ({
            language,
            conversationIds: these.map((m) => m.id),
            unanswered: these.filter((m) => !m.answered).length,
          })),
        shared: sharedKeys(keysOf, positions),
        unspokenLanguages: [],
        unanswered: list.filter((m) => !m.answered).length,
        firstAt: first.createdAt,
        lastAt: (newestFirst[0] as ClusterMember).createdAt,
      };
    })
    .sort((a, b) => b.size - a.size || older(a.firstAt, a.id, b.firstAt, b.id));
}
