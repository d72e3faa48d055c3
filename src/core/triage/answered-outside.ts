import type { AuditFact, Conversation, Post, TeamSettings } from '../../shared';
import { SYSTEM } from '../audit/audit-facts';
import { applyTriageChange } from '../queue/triage-change';

/** The statuses a conversation answered with another app moves from: nobody handles it here yet. */
const WAITING: ReadonlySet<Conversation['status']> = new Set(['new', 'open']);

/**
 * Conversations the brand just answered with another app than the inbox (a reply of its own made
 * elsewhere arrived, and is the last word of the conversation): each one still new or open moves to
 * the status the team chose (null: they stay as they are), recorded as the inbox's own change. A
 * customer who wrote after that reply keeps the conversation where it is: they wait for an answer.
 */
export function answeredOutside(
  conversations: readonly Conversation[],
  fresh: readonly Post[],
  status: TeamSettings['answeredOutsideStatus'],
  now: Date,
): { conversations: Conversation[]; facts: AuditFact[] } {
  const facts: AuditFact[] = [];
  if (status == null) return { conversations: [...conversations], facts };
  const lastWord = new Map<string, Post>();
  for (const p of fresh) {
    const seen = lastWord.get(p.conversationId);
    if (seen == null || p.createdAt >= seen.createdAt) lastWord.set(p.conversationId, p);
  }
  const next = conversations.map((c) => {
    const last = lastWord.get(c.id);
    if (
      last == null ||
      !(last.direction === 'outbound' && last.outside) ||
      last.createdAt < c.lastPostAt ||
      !WAITING.has(c.status) ||
      c.status === status
    )
      return c;
    facts.push({
      ...SYSTEM,
      action: 'conversation.status',
      conversationId: c.id,
      details: { from: c.status, to: status, reason: 'answered-outside', postId: last.id },
    });
    // Like a rule's change on arrival, it is part of the arrival of the reply: same version.
    return { ...applyTriageChange(c, { status }, now), version: c.version };
  });
  return { conversations: next, facts };
}
