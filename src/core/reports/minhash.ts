/**
 * MinHash signatures of word sets and an LSH index over them (banding). Two sets fall into a shared
 * bucket of one of BANDS bands with a probability that climbs steeply with their Jaccard
 * similarity s: 1 - (1 - s^ROWS)^BANDS. With 48 bands of 3 rows, a pair at s = 0.6 is missed about
 * once in 120,000 and a pair at s = 0.7 about once in 600 million, while a pair at s = 0.1 is
 * proposed once in 20. Finding the candidates then takes BANDS lookups a set, and only the
 * candidates are compared for real: mostly near-duplicates, and a few unrelated sets that share
 * common words.
 */
export const BANDS = 48;
export const ROWS = 3;
/** Values in a signature: one per hash function. */
export const SIGNATURE_SIZE = BANDS * ROWS;
const SIZE = SIGNATURE_SIZE;

/** Murmur3's finaliser: a bijection on 32 bits that spreads every input bit over the output. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** One seed per hash function, fixed: the same sets always give the same signatures and buckets. */
const SEEDS = Int32Array.from({ length: SIZE }, (_, i) => mix(Math.imul(i + 1, 0x9e3779b9)));

/** FNV-1a over the word's UTF-16 units, then mixed. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return mix(h);
}

/**
 * Numbers words (the same word, the same number, for as long as this lives) and computes the
 * signatures of sets of those numbers.
 */
export class MinHasher {
  private readonly ids = new Map<string, number>();
  private hashes = new Int32Array(1024);

  /** The words' numbers, in ascending order. */
  idsOf(words: Iterable<string>): Int32Array {
    const out: number[] = [];
    for (const word of words) {
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(word, id);
        if (id === this.hashes.length) {
          const grown = new Int32Array(id * 2);
          grown.set(this.hashes);
          this.hashes = grown;
        }
        this.hashes[id] = wordHash(word);
      }
      out.push(id);
    }
    return Int32Array.from(out).sort();
  }

  /** The words' signature (given by their numbers), written into `into`. */
  signature(ids: Int32Array, into = new Int32Array(SIZE)): Int32Array {
    into.fill(0x7fffffff);
    for (let w = 0; w < ids.length; w++) {
      const base = this.hashes[ids[w] as number] as number;
      // Hash function i is x ↦ mix(x ^ seed_i): a permutation of the 32-bit values per seed.
      for (let i = 0; i < SIZE; i++) {
        const h = mix(base ^ (SEEDS[i] as number));
        if (h < (into[i] as number)) into[i] = h;
      }
    }
    return into;
  }
}

/** The band's bucket key: its ROWS values folded together. */
function bandKey(sig: Int32Array, band: number): number {
  let h = band;
  for (let r = band * ROWS; r < (band + 1) * ROWS; r++)
    h = Math.imul(h ^ (sig[r] as number), 0x9e3779b1);
  return mix(h);
}

/**
 * Items (numbered 0, 1, 2… as they are added) indexed by the bands of their signatures. Each band
 * is an open-addressing table in typed arrays: per slot a 16-bit tag of the bucket's key (0: free),
 * read first, and apart from the tags the key itself, the bucket's first item and the chain of the
 * others. The tags of all bands together stay small enough for the processor's caches, and most
 * lookups end there, with no bucket. (A Map and an array per bucket cost several cache misses a
 * lookup, which at tens of thousands of items and dozens of bands was most of the time.)
 */
export class LshIndex {
  /** Slots per band: a power of two, at least twice the items. */
  private size = 1024;
  /** Per slot: 0 when free, else the key's upper 16 bits (at least 1). */
  private tags = new Uint16Array(this.size * BANDS);
  /** Per slot: [key, first item + 1, last chain entry + 1 (0: no chain), unused]. */
  private slots = new Int32Array(this.size * BANDS * 4);
  /** Chain entries, each [item, the entry before + 1 (0 ends the chain)]. */
  private entries = new Int32Array(1024);
  private used = 0;
  private items = 0;
  /** Per item, the last query that proposed it: each candidate comes once per query. */
  private seen = new Int32Array(256);
  private query = 0;

  /** The band's slot for this key: its own, or the free one it would take (then its tag is 0). */
  private slot(band: number, key: number): number {
    const mask = this.size - 1;
    const base = band * this.size;
    const tag = key >>> 16 || 1;
    let i = key & mask;
    for (;;) {
      const at = this.tags[base + i] as number;
      if (at === 0 || (at === tag && this.slots[(base + i) * 4] === key)) return base + i;
      i = (i + 1) & mask;
    }
  }

  /** Doubles the slots per band, taking each bucket to its new place. */
  private grow(): void {
    const [tags, slots, oldSize] = [this.tags, this.slots, this.size];
    this.size *= 2;
    this.tags = new Uint16Array(this.size * BANDS);
    this.slots = new Int32Array(this.size * BANDS * 4);
    for (let band = 0; band < BANDS; band++)
      for (let from = band * oldSize; from < (band + 1) * oldSize; from++) {
        if (tags[from] === 0) continue;
        const to = this.slot(band, slots[from * 4] as number);
        this.tags[to] = tags[from] as number;
        for (let k = 0; k < 3; k++) this.slots[to * 4 + k] = slots[from * 4 + k] as number;
      }
  }

  add(item: number, sig: Int32Array): void {
    this.items += 1;
    if (this.items * 2 > this.size) this.grow();
    if (item >= this.seen.length) {
      const seen = new Int32Array(Math.max(item + 1, this.seen.length * 2));
      seen.set(this.seen);
      this.seen = seen;
    }
    for (let band = 0; band < BANDS; band++) {
      const key = bandKey(sig, band);
      const slot = this.slot(band, key);
      if (this.tags[slot] === 0) {
        this.tags[slot] = key >>> 16 || 1;
        this.slots[slot * 4] = key;
        this.slots[slot * 4 + 1] = item + 1;
        continue;
      }
      if ((this.used + 1) * 2 > this.entries.length) {
        const entries = new Int32Array(this.entries.length * 2);
        entries.set(this.entries);
        this.entries = entries;
      }
      this.entries[this.used * 2] = item;
      this.entries[this.used * 2 + 1] = this.slots[slot * 4 + 2] as number;
      this.used += 1;
      this.slots[slot * 4 + 2] = this.used;
    }
  }

  /** The items that share at least one bucket with this signature, each once. */
  candidates(sig: Int32Array): number[] {
    this.query += 1;
    const found: number[] = [];
    for (let band = 0; band < BANDS; band++) {
      const slot = this.slot(band, bandKey(sig, band));
      if (this.tags[slot] === 0) continue;
      const first = (this.slots[slot * 4 + 1] as number) - 1;
      if (this.seen[first] !== this.query) {
        this.seen[first] = this.query;
        found.push(first);
      }
      for (let entry = this.slots[slot * 4 + 2] as number; entry !== 0;) {
        const item = this.entries[(entry - 1) * 2] as number;
        if (this.seen[item] !== this.query) {
          this.seen[item] = this.query;
          found.push(item);
        }
        entry = this.entries[(entry - 1) * 2 + 1] as number;
      }
    }
    return found;
  }
}
