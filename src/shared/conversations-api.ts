import { z } from 'zod';
import {
  ActivitySchema,
  ConversationSchema,
  LanguageCodeSchema,
  ConversationStatusSchema,
  NoteSchema,
  PlatformSchema,
  PostSchema,
  PrioritySchema,
  SentimentSchema,
  StatusFilterSchema,
} from './model';
import { TagNameSchema } from './queue';
import { AuditEntrySchema } from './audit';
import { PrivateReplyWindowSchema, UnsentReplySchema } from './replies-api';
import { uniqueBy } from './unique-ids';
import { safeText } from './text';

// The queue's calls: lists, a conversation with its timeline, triage changes, notes, presence.

/** Query-string friendly: every field optional, numbers coerced, so HTTP and IPC share one schema. */
export const ListConversationsInputSchema = z
  .object({
    platform: PlatformSchema.optional(),
    accountId: z.string().min(1).max(200).optional(),
    status: StatusFilterSchema.optional(),
    language: LanguageCodeSchema.optional(),
    priority: PrioritySchema.optional(),
    /** `mine` (the caller's), `unassigned`, or an agent id. */
    assignee: z.string().min(1).max(200).optional(),
    /** Conversations carrying this tag. */
    tag: TagNameSchema.optional(),
    /** `outside`: the conversations the brand answered with another app than this inbox. */
    answered: z.enum(['outside']).optional(),
    /** The tone of the customer's latest post. */
    sentiment: SentimentSchema.optional(),
    /** Full text over author and excerpt. */
    q: safeText().max(200).optional(),
    sort: z.enum(['newest', 'oldest', 'priority', 'reach']).default('newest'),
    /** Opaque cursor from a previous page's nextCursor. */
    cursor: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ListConversationsInput = z.input<typeof ListConversationsInputSchema>;

export const ConversationPageSchema = z.object({
  items: z.array(ConversationSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().nonnegative(),
  /** The total is a floor: more conversations match than were counted (a very broad search). */
  totalAtLeast: z.boolean().optional(),
});
export type ConversationPage = z.infer<typeof ConversationPageSchema>;

export const GetConversationInputSchema = z.object({ id: z.string().min(1).max(300) }).strict();
export type GetConversationInput = z.infer<typeof GetConversationInputSchema>;

export const ConversationDetailSchema = z.object({
  conversation: ConversationSchema,
  /** Every post, oldest first. */
  posts: z.array(PostSchema),
  /** What people and rules did on it (the audit trail's entries about it), oldest first. */
  actions: z.array(AuditEntrySchema).default([]),
  /** The team's internal notes, oldest first. */
  notes: z.array(NoteSchema).default([]),
  /** Replies the platform refused, to retry or discard. */
  unsent: z.array(UnsentReplySchema).default([]),
  /** For each customer post, whether a private reply is still possible. */
  privateReplies: z.array(PrivateReplyWindowSchema).default([]),
});
export type ConversationDetail = z.infer<typeof ConversationDetailSchema>;

/**
 * A triage change. `version` is the conversation's version the change was made on: if someone
 * changed it since, the change is refused with a conflict that carries the fresh conversation.
 */
export const UpdateConversationInputSchema = z
  .object({
    id: z.string().min(1).max(300),
    version: z.number().int().positive(),
    status: ConversationStatusSchema.optional(),
    /** An agent id, or null to unassign. */
    assignee: z.string().min(1).max(200).nullable().optional(),
    priority: PrioritySchema.optional(),
    addTags: z.array(TagNameSchema).max(20).optional(),
    removeTags: z.array(TagNameSchema).max(20).optional(),
    /**
     * Facebook: with a change to spam, also hide the customer's public comments on the Page (out of
     * spam, show them again).
     */
    hideOnPlatform: z.boolean().optional(),
  })
  .strict()
  .refine(
    (c) =>
      c.status !== undefined ||
      c.assignee !== undefined ||
      c.priority !== undefined ||
      (c.addTags?.length ?? 0) > 0 ||
      (c.removeTags?.length ?? 0) > 0,
    'say what to change: status, assignee, priority or tags',
  );

/**
 * One change per conversation, each on its own version; at most 500 at once. The same conversation
 * twice is refused: the second change would be made on a version the first one already moved on.
 */
export const UpdateConversationsInputSchema = z
  .object({
    changes: uniqueBy(UpdateConversationInputSchema, (c) => c.id, 'conversation')
      .min(1)
      .max(500),
  })
  .strict();

export const HidePostInputSchema = z
  .object({
    postId: z.string().min(1).max(300),
    /** False shows it again. */
    hidden: z.boolean().default(true),
  })
  .strict();

export const AddNoteInputSchema = z
  .object({
    conversationId: z.string().min(1).max(300),
    text: safeText()
      .trim()
      .min(1, 'write the note first')
      .max(4000, 'a note is at most 4,000 characters'),
  })
  .strict();

export const ReportPresenceInputSchema = z
  .object({
    /** The conversation looked at or replied to; null when none is open. */
    conversationId: z.string().min(1).max(300).nullable(),
    activity: ActivitySchema,
  })
  .strict()
  .refine(
    (p) => p.activity === 'idle' || p.conversationId != null,
    'say which conversation is viewed or replied to',
  );
