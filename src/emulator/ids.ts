/** X's snowflake epoch (2010-11-04T01:42:54.657Z): an id's top bits count milliseconds from it. */
export const TWITTER_EPOCH_MS = 1288834974657n;

/** Orders two numeric id strings by value (X ids exceed Number's safe range). */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A snowflake id for an instant, so id order is time order; `seq` separates ids of one millisecond. */
export function snowflakeAt(ms: number, seq = 0): string {
  const offset = BigInt(Math.max(0, Math.floor(ms))) - TWITTER_EPOCH_MS;
  return (((offset < 0n ? 0n : offset) << 22n) | BigInt(seq & 0x3fffff)).toString();
}

/** The `{left}_{right}` halves of a Graph id such as `{page-id}_{post-id}`. */
export function graphIdParts(id: string): { left: string; right: string } {
  const at = id.indexOf('_');
  return at < 0 ? { left: id, right: '' } : { left: id.slice(0, at), right: id.slice(at + 1) };
}

/** A small seeded generator (mulberry32) for deterministic synthetic data and trace ids. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random string of letters and digits, as Graph's `fbtrace_id` or X's transaction ids look. */
export function randomToken(length: number, alphabet = ALPHANUMERIC): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}
