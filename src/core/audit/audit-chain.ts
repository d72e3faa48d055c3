import { createHash } from 'node:crypto';
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

/** SHA-256 of the entry's canonical JSON (RFC 8785) without its own hash. */
export function hashOf(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, prev, action, actor, client, conversationId, details } = entry;
  const text = canonicalize({ seq, at, prev, action, actor, client, conversationId, details });
  if (text === undefined) throw new Error('An audit entry must be plain JSON');
  return createHash('sha256').update(text).digest('hex');
}

/** A lone UTF-16 surrogate: text RFC 8785 cannot hash (canonicalize refuses it). */
const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * The fact with every lone surrogate replaced by U+FFFD, so it can always be hashed. Input from the
 * API never holds one (the contract refuses it); this is for text the platforms send.
 */
export function wellFormedFact(fact: AuditFact): AuditFact {
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
  const unsealed = {
    ...fact,
    seq: (head?.seq ?? 0) + 1,
    at: at.toISOString(),
    prev: head?.hash ?? GENESIS,
  };
  return { ...unsealed, hash: hashOf(unsealed) };
}

/**
 * Checks every line of an audit file in order: each must parse, be a well-formed entry, follow the
 * previous one (seq + 1, prev = its hash) and carry its own true hash; and the chain must reach the
 * recorded head. The first line that fails is named.
 */
export function checkChain(
  lines: readonly string[],
  head: AuditHead | null,
  now: Date,
): AuditCheck {
  const result = (brokenAt: number | null, reason: string | null, entries: number): AuditCheck => ({
    intact: brokenAt == null && reason == null,
    entries,
    brokenAt,
    reason,
    checkedAt: now.toISOString(),
  });
  let previous: AuditHead | null = null;
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    if (line.trim() === '') {
      if (i === lines.length - 1) break;
      return result(lineNo, `line ${lineNo} is empty`, count);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return result(lineNo, `line ${lineNo} is not valid JSON`, count);
    }
    const parsed = AuditEntrySchema.safeParse(raw);
    if (!parsed.success)
      return result(
        lineNo,
        `line ${lineNo} is not an audit entry (${parsed.error.issues[0]?.message})`,
        count,
      );
    const entry = parsed.data;
    const expectedSeq: number = (previous?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq)
      return result(
        lineNo,
        `line ${lineNo} has number ${entry.seq}, expected ${expectedSeq}`,
        count,
      );
    if (entry.prev !== (previous?.hash ?? GENESIS))
      return result(lineNo, `line ${lineNo} does not follow the entry before it`, count);
    if (hashOf(entry) !== entry.hash)
      return result(
        lineNo,
        `line ${lineNo} was changed after it was written (its hash does not match)`,
        count,
      );
    previous = { seq: entry.seq, hash: entry.hash };
    count++;
    if (head != null && entry.seq === head.seq && entry.hash !== head.hash)
      return result(lineNo, `line ${lineNo} is not the entry the trail last ended with`, count - 1);
  }
  if (head != null && (previous?.seq ?? 0) < head.seq) {
    return result(
      count + 1,
      `the trail ends at entry ${previous?.seq ?? 0} but reached entry ${head.seq}: entries were removed from its end`,
      count,
    );
  }
  return result(null, null, count);
}
