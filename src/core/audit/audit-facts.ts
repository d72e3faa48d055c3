import type { AuditFact, CallContext, Conversation, Post } from '../../shared';
import type { OutboxItem } from '../outbox/outbox-item';

/** Who did it and from where, as the audit trail records it. */
export interface Actor {
  actor: string;
  client: string;
}

/** What the inbox does on its own: arrivals found by sync. */
export const SYSTEM: Actor = { actor: 'system', client: 'sync' };

export function actorOf(context: CallContext | undefined, fallback: Actor): Actor {
  return context == null ? fallback : { actor: context.agent.id, client: context.client };
}

/** The triage changes between two versions of a conversation, one fact each. */
export function triageFacts(previous: Conversation, next: Conversation, by: Actor): AuditFact[] {
  const facts: AuditFact[] = [];
  const fact = (action: AuditFact['action'], details: Record<string, unknown>) =>
    facts.push({ ...by, action, conversationId: next.id, details });
  if (previous.assignee !== next.assignee)
    fact('conversation.assigned', { from: previous.assignee, to: next.assignee });
  if (previous.status !== next.status)
    fact('conversation.status', { from: previous.status, to: next.status });
  if (previous.priority !== next.priority)
    fact('conversation.priority', { from: previous.priority, to: next.priority });
  const added = next.tags.filter((t) => !previous.tags.includes(t));
  const removed = previous.tags.filter((t) => !next.tags.includes(t));
  if (added.length > 0 || removed.length > 0) fact('conversation.tagged', { added, removed });
  return facts;
}

/** A post the sync found: a customer's, or the brand's own made with another app. */
export function arrivalFact(post: Post): AuditFact {
  return {
    ...SYSTEM,
    action: 'post.arrived',
    conversationId: post.conversationId,
    details: {
      postId: post.id,
      platform: post.platform,
      direction: post.direction,
      author: post.author.handle ?? post.author.name,
      language: post.language,
      private: post.private,
      outside: post.outside,
      app: post.sourceApp?.name ?? null,
      createdAt: post.createdAt,
    },
  };
}

/** A reply queued, sent or refused, with its exact text. */
export function replyFact(
  item: OutboxItem,
  action: 'reply.queued' | 'reply.sent' | 'reply.failed',
): AuditFact {
  return {
    actor: item.agentId,
    client: item.client,
    action,
    conversationId: item.conversationId,
    details: {
      key: item.key,
      kind: item.kind,
      replyTo: item.replyTo,
      text: item.text,
      ...(item.tookOverFrom ? { tookOverFrom: item.tookOverFrom } : {}),
      ...(item.translation ? translatedDetails(item) : {}),
      ...(action === 'reply.sent' ? { externalId: item.externalId } : {}),
      ...(action === 'reply.failed' ? { error: item.error } : {}),
    },
  };
}

/** A translated reply's entry: both texts, both languages, the service; `translated` marks it. */
export function translatedDetails(item: OutboxItem): Record<string, unknown> {
  const t = item.translation!;
  return {
    translated: true,
    language: t.language,
    draft: t.draft,
    draftLanguage: t.draftLanguage,
    provider: t.provider,
    ...(t.edited ? { translationEdited: true } : {}),
  };
}
