import { hash as digest } from 'node:crypto';
import canonicalize from 'canonicalize';
import { AuditEntrySchema } from '../../shared';
import type { AuditCheck, AuditEntry, AuditFact } from '../../shared';

/** The `prev` of the first entry. */
export const GENESIS = '0'.repeat(64);

/** Where the chain ended last time it was written: removing entries from the end is detected. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** A lone UTF-16 surrogate: text RFC 8785 cannot hash (canonicalize refuses it). */
const LONE_SURROGATE = /\p{Cs}/gu;
const HAS_LONE_SURROGATE = /\p{Cs}/u;
/** A string JSON writes as it is, between quotes: nothing to escape, no surrogate at all. */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const PLAIN_STRING = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
/** Deeper than this, data is left to the library (which names a cycle). */
const MAX_PLAIN_DEPTH = 64;

/** The entry's canonical JSON (RFC 8785) without its own hash: the text its hash is taken of. */
export function canonicalText(
  entry: Omit<AuditEntry, 'hash' | 'seq' | 'prev'> & Partial<Pick<AuditEntry, 'seq' | 'prev'>>,
): string {
  const plain = plainEntry(entry);
  if (plain !== undefined) return plain;
  const { seq, at, prev, action, actor, client, conversationId, details } = entry;
  const text = canonicalize({ seq, at, prev, action, actor, client, conversationId, details });
  if (text === undefined) throw new Error('An audit entry must be plain JSON');
  return text;
}

/**
 * The canonical text of an entry up to its `prev` and `seq`, which sort last of its members: the
 * text of the entry that follows `prev` as number `seq` is this prefix then
 * `"prev":"<prev>","seq":<seq>}` (see chainedText). PostgreSQL's `audit_append` seals a commit's
 * entries from their prefixes once its turn comes, with the head it finds there.
 */
export function chainPrefix(fact: AuditFact, at: string): string {
  const { action, actor, client, conversationId, details } = fact;
  const text = canonicalText({ action, actor, client, conversationId, details, at });
  return `${text.slice(0, -1)},`;
}

/** The canonical text of the entry of this prefix (chainPrefix) after `prev`, as number `seq`. */
export function chainedText(prefix: string, prev: string, seq: number): string {
  return `${prefix}"prev":"${prev}","seq":${seq}}`;
}

/** An entry's members, in the order RFC 8785 sorts them (UTF-16 code units). */
const ENTRY_KEYS = [
  'action',
  'actor',
  'at',
  'client',
  'conversationId',
  'details',
  'prev',
  'seq',
] as const;

/** The canonical text of an entry of plain data (see plainCanonical): its keys are known. */
function plainEntry(entry: Parameters<typeof canonicalText>[0]): string | undefined {
  let text = '{';
  for (const key of ENTRY_KEYS) {
    const member = entry[key];
    if (member === undefined) continue;
    const value = plainCanonical(member, 1);
    if (value === undefined) return undefined;
    text += `${text.length > 1 ? ',' : ''}"${key}":${value}`;
  }
  return `${text}}`;
}

/**
 * RFC 8785 text of plain JSON data, the same text `canonicalize` gives, written in one pass: a bulk
 * commit seals hundreds of entries. Plain data is null, booleans, finite numbers, strings without a
 * lone surrogate, arrays of plain data and plain objects (members left undefined are left out, as
 * JSON has them). Anything else (toJSON, a hole, a lone surrogate, a cycle) gives undefined: the
 * library then answers, or refuses, as it always did.
 */
function plainCanonical(value: unknown, depth: number): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      if (PLAIN_STRING.test(value)) return `"${value}"`;
      return HAS_LONE_SURROGATE.test(value) ? undefined : JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (depth >= MAX_PLAIN_DEPTH) return undefined;
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
      if (Array.isArray(value)) {
        const items: string[] = [];
        for (let i = 0; i < value.length; i++) {
          const item = plainCanonical(value[i], depth + 1);
          if (item === undefined) return undefined;
          items.push(item);
        }
        return `[${items.join(',')}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return undefined;
      const record = value as Record<string, unknown>;
      const members: string[] = [];
      // Keys in UTF-16 code unit order, as RFC 8785 sorts them.
      for (const key of Object.keys(record).sort()) {
        const member = record[key];
        if (member === undefined) continue;
        if (HAS_LONE_SURROGATE.test(key)) return undefined;
        const text = plainCanonical(member, depth + 1);
        if (text === undefined) return undefined;
        members.push(`${JSON.stringify(key)}:${text}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      return undefined;
  }
}

/** SHA-256 of a text, in hex (one call: no hash object per entry). */
export function sha256(text: string): string {
  return digest('sha256', text, 'hex');
}

/** SHA-256 of the entry's canonical JSON (RFC 8785) without its own hash. */
export function hashOf(entry: Omit<AuditEntry, 'hash'>): string {
  return sha256(canonicalText(entry));
}

/** Whether no string in a value (keys included) holds a lone surrogate. */
function wellFormed(value: unknown): boolean {
  if (typeof value === 'string') return !HAS_LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.every(wellFormed);
  if (value != null && typeof value === 'object')
    return Object.entries(value).every(([k, v]) => !HAS_LONE_SURROGATE.test(k) && wellFormed(v));
  return true;
}

/**
 * The fact with every lone surrogate replaced by U+FFFD, so it can always be hashed. Input from the
 * API never holds one (the contract refuses it); this is for text the platforms send.
 */
export function wellFormedFact(fact: AuditFact): AuditFact {
  // Nearly every fact is well formed already: it is returned as it is, not copied.
  if (wellFormed(fact)) return fact;
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD');
    if (Array.isArray(value)) return value.map(clean);
    if (value != null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), clean(v)]));
    return value;
  };
  return clean(fact) as AuditFact;
}

/** The entry that follows `head` (null: the first one). */
export function chainEntry(head: AuditHead | null, fact: AuditFact, at: Date): AuditEntry {
  return sealEntry(head, fact, at).entry;
}

/** The entry that follows `head`, with the canonical text its hash was taken of. */
export function sealEntry(
  head: AuditHead | null,
  fact: AuditFact,
  at: Date,
): { entry: AuditEntry; canonical: string } {
  const unsealed = {
    ...fact,
    seq: (head?.seq ?? 0) + 1,
    at: at.toISOString(),
    prev: head?.hash ?? GENESIS,
  };
  const canonical = canonicalText(unsealed);
  return { entry: { ...unsealed, hash: sha256(canonical) }, canonical };
}

/**
 * The entries of a commit's facts, sealed one after the other from `head` (each fact made well
 * formed first), with the head they leave: what every engine appends, byte for byte.
 */
export function sealEntries(
  head: AuditHead | null,
  facts: readonly AuditFact[],
  at: Date,
): { sealed: { entry: AuditEntry; canonical: string }[]; head: AuditHead | null } {
  let last = head;
  const sealed = facts.map((fact) => {
    const one = sealEntry(last, wellFormedFact(fact), at);
    last = { seq: one.entry.seq, hash: one.entry.hash };
    return one;
  });
  return { sealed, head: last };
}

/**
 * Checks a trail one entry (one line of JSON) at a time, in order, holding only the last one: each
 * must parse, be a well-formed entry, follow the previous one (seq + 1, prev = its hash) and carry
 * its own true hash; and the chain must reach the recorded head. The first line that fails is named.
 */
export class ChainChecker {
  private previous: AuditHead | null = null;
  private count = 0;
  private lineNo = 0;
  private broken: { at: number; reason: string; entries: number } | null = null;
  /** A blank line, which is only allowed as the last one. */
  private blankAt: number | null = null;

  constructor(private readonly head: AuditHead | null) {}

  /** Whether a break was found (what follows need not be read). */
  get done(): boolean {
    return this.broken != null;
  }

  /** Checks the next line; false once the trail is known broken. */
  feed(line: string): boolean {
    if (this.broken != null) return false;
    this.lineNo += 1;
    const lineNo = this.lineNo;
    if (this.blankAt != null) return this.fail(this.blankAt, `line ${this.blankAt} is empty`);
    if (line.trim() === '') {
      this.blankAt = lineNo;
      return true;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return this.fail(lineNo, `line ${lineNo} is not valid JSON`);
    }
    const parsed = AuditEntrySchema.safeParse(raw);
    if (!parsed.success)
      return this.fail(
        lineNo,
        `line ${lineNo} is not an audit entry (${parsed.error.issues[0]?.message})`,
      );
    const entry = parsed.data;
    const expectedSeq: number = (this.previous?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq)
      return this.fail(lineNo, `line ${lineNo} has number ${entry.seq}, expected ${expectedSeq}`);
    if (entry.prev !== (this.previous?.hash ?? GENESIS))
      return this.fail(lineNo, `line ${lineNo} does not follow the entry before it`);
    if (hashOf(entry) !== entry.hash)
      return this.fail(
        lineNo,
        `line ${lineNo} was changed after it was written (its hash does not match)`,
      );
    this.previous = { seq: entry.seq, hash: entry.hash };
    this.count++;
    const head = this.head;
    if (head != null && entry.seq === head.seq && entry.hash !== head.hash)
      return this.fail(
        lineNo,
        `line ${lineNo} is not the entry the trail last ended with`,
        this.count - 1,
      );
    return true;
  }

  /**
   * Checks the next entry kept as the canonical text its hash was taken of, with the hash beside
   * it: hashing the text is the whole check of its content, so no second serialization is needed.
   */
  feedCanonical(canonical: string, hash: string): boolean {
    // A line kept as it was read (not an entry: no hash) is checked as a line of the file.
    if (hash === '') return this.feed(canonical);
    if (this.broken != null) return false;
    if (this.blankAt != null) return this.fail(this.blankAt, `line ${this.blankAt} is empty`);
    this.lineNo += 1;
    const lineNo = this.lineNo;
    let raw: { seq?: unknown; prev?: unknown; action?: unknown };
    try {
      raw = JSON.parse(canonical) as typeof raw;
    } catch {
      return this.fail(lineNo, `line ${lineNo} is not valid JSON`);
    }
    if (
      typeof raw.seq !== 'number' ||
      typeof raw.prev !== 'string' ||
      typeof raw.action !== 'string'
    )
      return this.fail(lineNo, `line ${lineNo} is not an audit entry`);
    const expectedSeq: number = (this.previous?.seq ?? 0) + 1;
    if (raw.seq !== expectedSeq)
      return this.fail(lineNo, `line ${lineNo} has number ${raw.seq}, expected ${expectedSeq}`);
    if (raw.prev !== (this.previous?.hash ?? GENESIS))
      return this.fail(lineNo, `line ${lineNo} does not follow the entry before it`);
    if (sha256(canonical) !== hash)
      return this.fail(
        lineNo,
        `line ${lineNo} was changed after it was written (its hash does not match)`,
      );
    this.previous = { seq: raw.seq, hash };
    this.count++;
    const head = this.head;
    if (head != null && raw.seq === head.seq && hash !== head.hash)
      return this.fail(
        lineNo,
        `line ${lineNo} is not the entry the trail last ended with`,
        this.count - 1,
      );
    return true;
  }

  /** The verdict once every line was fed. */
  finish(now: Date): AuditCheck {
    const result = (
      brokenAt: number | null,
      reason: string | null,
      entries: number,
    ): AuditCheck => ({
      intact: brokenAt == null && reason == null,
      entries,
      brokenAt,
      reason,
      checkedAt: now.toISOString(),
    });
    if (this.broken != null) return result(this.broken.at, this.broken.reason, this.broken.entries);
    const head = this.head;
    if (head != null && (this.previous?.seq ?? 0) < head.seq) {
      return result(
        this.count + 1,
        `the trail ends at entry ${this.previous?.seq ?? 0} but reached entry ${head.seq}: entries were removed from its end`,
        this.count,
      );
    }
    return result(null, null, this.count);
  }

  private fail(at: number, reason: string, entries = this.count): false {
    this.broken = { at, reason, entries };
    return false;
  }
}

/** Checks every line of an audit file in order (see ChainChecker). */
export function checkChain(lines: Iterable<string>, head: AuditHead | null, now: Date): AuditCheck {
  const checker = new ChainChecker(head);
  for (const line of lines) if (!checker.feed(line)) break;
  return checker.finish(now);
}
