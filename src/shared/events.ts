import { z } from 'zod';
import { AccountSchema, ActivitySchema, ConversationSchema, NoteSchema } from './model';
import type { Agent, Role } from './model';
import { TagDefSchema } from './queue';
import { RuleSchema } from './rules';
import { TeamSettingsSchema } from './team-settings';

export const SyncProgressSchema = z.object({
  accountId: z.string(),
  stream: z.string(),
  phase: z.enum(['backfill', 'poll']),
  fetched: z.number().int().nonnegative(),
  estimated: z.number().int().nonnegative().nullable(),
  done: z.boolean(),
});
export type SyncProgress = z.infer<typeof SyncProgressSchema>;

/**
 * How far the one-time move of a data folder of files into the store is, phase by phase: in items,
 * or in bytes of the files read where their number of records is not known before reading them.
 */
export const OpeningProgressSchema = z.object({
  phase: z.enum([
    'conversations',
    'posts',
    'notes',
    'outbox',
    'audit',
    'checking',
    'setting-aside',
    /** The store's schema brought up to this version's, once after an update. */
    'upgrading',
  ]),
  done: z.number().nonnegative(),
  total: z.number().nonnegative().optional(),
  unit: z.enum(['items', 'bytes']),
});
export type OpeningProgress = z.infer<typeof OpeningProgressSchema>;

/** Live changes pushed to every client (IPC in Electron, WebSocket from the hub). */
export const InboxEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('conversation.changed'),
    conversation: ConversationSchema,
    /** Who made the change: an agent id, or null for the inbox itself (sync, rules); absent if unknown. */
    by: z.string().nullable().optional(),
  }),
  /**
   * A conversation found to continue another one (its parent arrived later) was folded into `into`;
   * or, with `into` null, deleted with its account's history.
   */
  z.object({
    type: z.literal('conversation.removed'),
    id: z.string(),
    into: z.string().nullable(),
  }),
  z.object({ type: z.literal('sync.progress'), progress: SyncProgressSchema }),
  /** The desktop app's inbox is still opening (moving a data folder into the store). */
  z.object({ type: z.literal('inbox.opening'), progress: OpeningProgressSchema }),
  z.object({ type: z.literal('account.status'), account: AccountSchema }),
  /** An account was disconnected: its sync stopped and its credential is gone. */
  z.object({ type: z.literal('account.removed'), accountId: z.string() }),
  z.object({
    type: z.literal('presence'),
    agentId: z.string(),
    conversationId: z.string().nullable(),
    activity: ActivitySchema,
  }),
  /** The tag registry changed (a tag registered, recoloured, renamed or deleted): all of it. */
  z.object({ type: z.literal('tags.changed'), tags: z.array(TagDefSchema) }),
  /** A reply in the outbox was sent, refused, retried or discarded. */
  z.object({
    type: z.literal('reply.changed'),
    conversationId: z.string(),
    key: z.string(),
    state: z.enum(['pending', 'sending', 'sent', 'failed', 'discarded']),
  }),
  /** The rules changed (saved, deleted, moved): all of them, in order. */
  z.object({ type: z.literal('rules.changed'), rules: z.array(RuleSchema) }),
  /** A manager changed the team's settings: all of them. */
  z.object({ type: z.literal('team.settings'), settings: TeamSettingsSchema }),
  /** An internal note was added to a conversation. */
  z.object({ type: z.literal('note.added'), note: NoteSchema }),
]);
export type InboxEvent = z.infer<typeof InboxEventSchema>;
export type InboxEventType = InboxEvent['type'];

/**
 * Who may receive each event, as `requiredRole` says who may make each call. Every event today
 * carries what an agent can also read through the API (conversations, notes, accounts, sync
 * progress, presence, tags, rules, outbox states), so each goes to agents and managers alike. An
 * event with manager-only content (reports, the audit trail, the team's administration) says
 * 'manager' here. Hosts check the receiver's current role when they send, not when it connected.
 */
export const eventAudience: Record<InboxEventType, Role> = {
  'conversation.changed': 'agent',
  'conversation.removed': 'agent',
  'sync.progress': 'agent',
  'inbox.opening': 'agent',
  'account.status': 'agent',
  'account.removed': 'agent',
  presence: 'agent',
  'tags.changed': 'agent',
  'reply.changed': 'agent',
  'rules.changed': 'agent',
  'team.settings': 'agent',
  'note.added': 'agent',
};

export function mayReceive(agent: Pick<Agent, 'role'>, event: Pick<InboxEvent, 'type'>): boolean {
  return eventAudience[event.type] === 'agent' || agent.role === 'manager';
}
