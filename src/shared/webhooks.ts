import { z } from 'zod';

/** Where the hub receives Facebook's Page webhooks (the app's callback URL ends with this). */
export const FACEBOOK_WEBHOOK_PATH = '/webhooks/facebook';

/** A Graph id: digits, or `{parent}_{id}` as posts and comments are named. */
const GraphIdSchema = z
  .string()
  .max(100)
  .regex(/^[0-9]+(?:_[0-9]+)?$/);

/** Facebook's verification request, made once when the app's webhook is set up. */
export const FacebookVerificationSchema = z.object({
  'hub.mode': z.literal('subscribe'),
  'hub.verify_token': z.string().min(1).max(500),
  'hub.challenge': z.string().min(1).max(200),
});
export type FacebookVerification = z.infer<typeof FacebookVerificationSchema>;

/** The verbs of a Page `feed` change about a comment. */
export const CommentVerbSchema = z.enum(['add', 'edited', 'remove', 'hide', 'unhide']);
export type CommentVerb = z.infer<typeof CommentVerbSchema>;

/**
 * A Page `feed` change about a comment (`item: "comment"`). Graph may add keys (`post`, `photo`),
 * which are kept out; the comment is read again from Graph by its id, so only the ids and the verb
 * are relied on.
 */
export const FacebookCommentChangeSchema = z.object({
  item: z.literal('comment'),
  verb: CommentVerbSchema,
  comment_id: GraphIdSchema,
  post_id: GraphIdSchema,
  parent_id: GraphIdSchema.optional(),
  from: z.object({ id: z.string().max(100), name: z.string().max(1000).optional() }).optional(),
  message: z.string().max(100_000).optional(),
  /** Unix seconds. */
  created_time: z.number().int().nonnegative().optional(),
});
export type FacebookCommentChange = z.infer<typeof FacebookCommentChangeSchema>;

/**
 * A Page webhook delivery: `{object: "page", entry: [{id, time, changes: [{field, value}]}]}`.
 * Changes of other fields and items (likes, reactions, statuses) are let through untouched and then
 * ignored; a comment change must be well formed.
 */
export const FacebookWebhookSchema = z.object({
  object: z.literal('page'),
  entry: z
    .array(
      z.object({
        id: GraphIdSchema,
        time: z.number().int().nonnegative(),
        changes: z
          .array(
            z.object({
              field: z.string().max(100),
              value: z.record(z.string(), z.unknown()),
            }),
          )
          .max(1000)
          .default([]),
      }),
    )
    .min(1)
    .max(1000),
});
export type FacebookWebhook = z.infer<typeof FacebookWebhookSchema>;

/**
 * The comment changes of a delivery, each with its Page and the entry's time (Unix seconds);
 * throws a ZodError on a malformed one.
 */
export function commentChangesOf(
  payload: FacebookWebhook,
): { pageId: string; time: number; change: FacebookCommentChange }[] {
  return payload.entry.flatMap((entry) =>
    entry.changes
      .filter((c) => c.field === 'feed' && c.value.item === 'comment')
      .map((c) => ({
        pageId: entry.id,
        time: entry.time,
        change: FacebookCommentChangeSchema.parse(c.value),
      })),
  );
}
