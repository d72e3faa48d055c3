import { describe, expect, it } from 'vitest';
import type { AuditFact } from '../../shared';
import { GENESIS, chainPrefix, chainedText, sealEntries, wellFormedFact } from './audit-chain';

const at = new Date('2026-03-01T09:30:00.000Z');

/** Facts whose canonical text takes every path of the chain code. */
const facts: AuditFact[] = [
  { action: 'note.added', actor: 'a1', client: 'browser', conversationId: null, details: {} },
  {
    action: 'reply.queued',
    actor: 'agent-7',
    client: 'desktop:host',
    conversationId: 'x:1',
    details: {
      text: 'Désolé 😔 "quoted" \\ back\nslash\t\u0001 日本語 עברית',
      nested: { z: [1, 2.5, -0, 1e21, null, true], a: { é: 'é', '😀': '' } },
    },
  },
  // Not plain data: a Date (toJSON) goes through the library's canonicalization.
  {
    action: 'conversation.tagged',
    actor: 'rule:r1',
    client: 'sync',
    conversationId: 'facebook:9_8',
    details: { when: new Date('2026-01-02T03:04:05.000Z'), keys: { b: 1, B: 2, ä: 3 } },
  },
  // A lone surrogate is made well formed before it is hashed.
  {
    action: 'post.arrived',
    actor: 'system',
    client: 'sync',
    conversationId: 'x:2',
    details: { text: 'broken \ud800 pair' },
  },
];

describe('the prefix of an entry that the database seals', () => {
  it('followed by prev and seq is the canonical text the chain code hashes, for every kind of fact', () => {
    const { sealed } = sealEntries({ seq: 41, hash: 'a'.repeat(64) }, facts, at);
    sealed.forEach(({ entry, canonical }, i) => {
      const prefix = chainPrefix(wellFormedFact(facts[i]!), at.toISOString());
      expect(chainedText(prefix, entry.prev, entry.seq)).toBe(canonical);
    });
    expect(sealed.map((s) => s.entry.seq)).toEqual([42, 43, 44, 45]);
  });

  it('leaves out prev and seq themselves, whatever the fact', () => {
    const prefix = chainPrefix(facts[0]!, at.toISOString());
    expect(prefix).toBe(
      '{"action":"note.added","actor":"a1","at":"2026-03-01T09:30:00.000Z","client":"browser","conversationId":null,"details":{},',
    );
    expect(JSON.parse(chainedText(prefix, GENESIS, 1))).toMatchObject({ prev: GENESIS, seq: 1 });
  });
});
