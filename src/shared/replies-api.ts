import { z } from 'zod';
import { IsoDateSchema } from './model';
import { ReplyTranslationSchema } from './translation';
import { safeText } from './text';

// Replies: what is sent, what the platform refused, and whether a private reply is still possible.

/** A reply stored in the outbox: it leaves once, and its post appears when the platform has it. */
export const ReplyReceiptSchema = z.object({
  key: z.string(),
  conversationId: z.string(),
  replyTo: z.string(),
  kind: z.enum(['public', 'private']),
  state: z.enum(['pending', 'sending', 'sent', 'failed', 'discarded']),
  createdAt: IsoDateSchema,
});
export type ReplyReceipt = z.infer<typeof ReplyReceiptSchema>;

/** A reply the platform refused, with its text and the reason, until it is retried or discarded. */
export const UnsentReplySchema = ReplyReceiptSchema.extend({
  text: z.string(),
  agentId: z.string(),
  error: z.string().nullable(),
});
export type UnsentReply = z.infer<typeof UnsentReplySchema>;

export const ReplyKeyInputSchema = z.object({ key: z.string().min(1).max(100) }).strict();

/** Whether a customer's post can still be answered privately, and until when. */
export const PrivateReplyWindowSchema = z.object({
  postId: z.string(),
  allowed: z.boolean(),
  /** Facebook: the end of the 7 days after the comment; X: null (no window). */
  until: IsoDateSchema.nullable(),
  reason: z.enum(['already-sent', 'expired']).nullable(),
});
export type PrivateReplyWindow = z.infer<typeof PrivateReplyWindowSchema>;

export const SendReplyInputSchema = z
  .object({
    conversationId: z.string().min(1).max(300),
    /** Our id of the post answered. */
    replyTo: z.string().min(1).max(300),
    /** Public reply on the thread, or private (X direct message, Facebook private reply). */
    kind: z.enum(['public', 'private']).default('public'),
    text: safeText()
      .trim()
      .min(1, 'write a reply first')
      .max(8000, 'a reply is at most 8,000 characters'),
    /** Reply on a conversation assigned to someone else, taking it over (recorded on the reply). */
    takeOver: z.boolean().default(false),
    /** Send a public reply the team already sent several times today, after the warning. */
    confirmRepeat: z.boolean().default(false),
    /**
     * The reply was drafted in the agent's language and `text` is its translation: the draft and
     * the languages go with the reply into its record and its audit entries.
     */
    translation: ReplyTranslationSchema.optional(),
  })
  .strict();
