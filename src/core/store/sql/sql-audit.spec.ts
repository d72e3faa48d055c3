import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS, canonicalText } from '../../audit/audit-chain';
import type { AuditEntry } from '../../../shared';

/** What a function gives, or the message of what it throws. */
function outcome(f: () => string | undefined): { text: string | undefined } | { error: string } {
  try {
    return { text: f() };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

const oddString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\ud800', 'a\udc00b', '\ud83d\ude00', '"\\\u0000\u001f\u2028', '\u00e9'),
);
/** Details as facts carry them, and the odd values a platform's text or a bug could bring. */
const details = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue(),
    oddString,
    fc.constantFrom(undefined, -0, 1e21, 5e-7, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(oddString, tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('the canonical text the trail stores', () => {
  it('is the text canonicalize writes (RFC 8785), or the same refusal, whatever the details', () => {
    fc.assert(
      fc.property(details, fc.option(fc.string(), { nil: undefined }), (value, conversationId) => {
        const entry = {
          seq: 7,
          at: '2026-11-20T10:00:00.000Z',
          prev: GENESIS,
          action: 'conversation.tagged',
          actor: 'agent-1',
          client: 'browser',
          conversationId,
          details: value,
        } as unknown as Omit<AuditEntry, 'hash'>;
        const expected = outcome(() => {
          const text = canonicalize({ ...entry });
          if (text === undefined) throw new Error('An audit entry must be plain JSON');
          return text;
        });
        expect(outcome(() => canonicalText(entry))).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives data the library reads through toJSON, holes and cycles to the library', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    const holes: unknown[] = [1];
    holes[2] = 3;
    const entry = (value: unknown) =>
      ({
        seq: 1,
        at: '2026-11-20T10:00:00.000Z',
        prev: GENESIS,
        action: 'conversation.tagged',
        actor: 'agent-1',
        client: 'browser',
        details: value,
      }) as unknown as Omit<AuditEntry, 'hash'>;
    for (const value of [
      { when: new Date(0) },
      Object.assign([1, 2], { toJSON: () => 'listed' }),
      holes,
      new String('ab'),
    ])
      expect(canonicalText(entry(value))).toBe(canonicalize(entry(value)));
    expect(() => canonicalText(entry(cycle))).toThrow('Circular reference detected');
    expect(() => canonicalText(entry({ text: 'a\ud800' }))).toThrow('Lone surrogate');
  });
});
