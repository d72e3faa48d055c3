import { z } from 'zod';
import { IsoDateSchema } from './model';

/** Every kind of action the audit trail records. */
export const AuditActionSchema = z.enum([
  'post.arrived',
  'conversation.assigned',
  'conversation.status',
  'conversation.priority',
  'conversation.tagged',
  'conversation.claimed',
  'conversation.taken-over',
  'tag.renamed',
  'tag.deleted',
  'note.added',
  'reply.queued',
  'reply.sent',
  'reply.failed',
  'reply.retried',
  'reply.discarded',
  'post.hidden',
  'post.shown',
  'post.translated',
  'rule.fired',
  'rule.changed',
  'team.settings',
  'translation.settings',
  'statement.posted',
  'account.connected',
  'account.disconnected',
  'agent.created',
  'agent.updated',
  'agent.token-renewed',
  'agent.removed',
  'agent.signed-in',
]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** What an action is about and who did it, before it is chained. */
export const AuditFactSchema = z.object({
  action: AuditActionSchema,
  /** Agent id; `system` for what the inbox does on its own (arrivals, sync), `rule:<id>` for rules. */
  actor: z.string(),
  /** Where it was done from: `desktop:<host>`, `browser`, `hub:<host>`, `sync`. */
  client: z.string(),
  conversationId: z.string().nullable(),
  /** The action's particulars (the reply's exact text, the old and new assignee, …). */
  details: z.record(z.string(), z.unknown()),
});
export type AuditFact = z.infer<typeof AuditFactSchema>;

/**
 * One line of the append-only audit trail. `hash` is the SHA-256 of the entry's canonical JSON
 * (RFC 8785) without `hash`, which includes `prev`, the previous entry's hash: changing, removing or
 * reordering any line breaks every hash after it.
 */
export const AuditEntrySchema = AuditFactSchema.extend({
  seq: z.number().int().positive(),
  at: IsoDateSchema,
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Whether the chain is intact, and if not, the first entry that is not what it should be. */
export const AuditCheckSchema = z.object({
  intact: z.boolean(),
  /** Entries read. */
  entries: z.number().int().nonnegative(),
  /** 1-based line number of the first broken entry, or null. */
  brokenAt: z.number().int().positive().nullable(),
  reason: z.string().nullable(),
  checkedAt: IsoDateSchema,
});
export type AuditCheck = z.infer<typeof AuditCheckSchema>;
