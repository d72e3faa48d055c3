import type { Platform, ReplyTranslation } from '../../shared';

export type ReplyKind = 'public' | 'private';

/**
 * A reply on its way out. Its versions are appended to `outbox.jsonl`; the latest wins.
 * - `pending`: stored, not sent yet: safe to send.
 * - `sending`: the request may have reached the platform: settled by looking, never by resending.
 * - `sent`: the platform has it (`externalId`); `failed`: refused, or uncertain and not found;
 * - `discarded`: failed, and the user gave up on it.
 */
export interface OutboxItem {
  /** Idempotency key. */
  key: string;
  platform: Platform;
  accountId: string;
  conversationId: string;
  /** Our id of the post answered. */
  replyTo: string;
  kind: ReplyKind;
  text: string;
  agentId: string;
  client: string;
  /** The agent took the conversation over from its assignee to send this. */
  tookOverFrom?: string | null;
  /**
   * Drafted in the agent's language and sent translated (`text` is what was sent): the draft as
   * written, its language, the language sent in and the service. Absent: sent as written.
   */
  translation?: ReplyTranslation | null;
  state: 'pending' | 'sending' | 'sent' | 'failed' | 'discarded';
  externalId: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The platform id of the post a sent reply became: a private reply's says it is one. */
export function replyExternalId(item: Pick<OutboxItem, 'kind' | 'externalId'>): string {
  return item.kind === 'private' ? `private:${item.externalId}` : item.externalId!;
}

/** Our id of the post a sent reply became in its conversation. */
export function replyPostId(item: Pick<OutboxItem, 'platform' | 'kind' | 'externalId'>): string {
  return `${item.platform}:${replyExternalId(item)}`;
}
