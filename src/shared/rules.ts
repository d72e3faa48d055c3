import { z } from 'zod';
import {
  ConversationSchema,
  LanguageCodeSchema,
  ConversationStatusSchema,
  PlatformSchema,
  PrioritySchema,
  SentimentSchema,
} from './model';
import { TagNameSchema } from './queue';
import { uniqueIds } from './unique-ids';
import { safeText } from './text';

/** What a new conversation must be like for a rule to apply: every condition given must hold. */
export const RuleConditionsSchema = z
  .object({
    /** Any of these words or phrases in the first post (case, accents and # aside; whole words). */
    keywords: z.array(safeText().trim().min(1).max(60)).max(30).default([]),
    languages: z.array(LanguageCodeSchema).max(20).default([]),
    platforms: z.array(PlatformSchema).max(2).default([]),
    /** The author has at least this many followers. */
    minReach: z.number().int().nonnegative().nullable().default(null),
    /** The tone of the customer's post is one of these (a post in a language not scored has none). */
    sentiments: z.array(SentimentSchema).max(3).default([]),
    accountIds: uniqueIds(z.string().min(1).max(200), 'account').max(50).default([]),
  })
  .strict();
export type RuleConditions = z.infer<typeof RuleConditionsSchema>;

/** An agent, or whoever's turn it is among the agents who speak the conversation's language. */
export const RuleAssignSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent'), agentId: z.string().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('round-robin') }).strict(),
]);
export type RuleAssign = z.infer<typeof RuleAssignSchema>;

export const RuleActionsSchema = z
  .object({
    addTags: z.array(TagNameSchema).max(10).default([]),
    assign: RuleAssignSchema.nullable().default(null),
    priority: PrioritySchema.nullable().default(null),
    status: ConversationStatusSchema.nullable().default(null),
  })
  .strict();
export type RuleActions = z.infer<typeof RuleActionsSchema>;

export const RuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  conditions: RuleConditionsSchema,
  actions: RuleActionsSchema,
});
export type Rule = z.infer<typeof RuleSchema>;

const hasAction = (a: RuleActions) =>
  a.addTags.length > 0 || a.assign != null || a.priority != null || a.status != null;

/** A new rule (no id) or a change of one; it must do something. */
export const SaveRuleInputSchema = z
  .object({
    id: z.string().min(1).max(100).optional(),
    name: safeText().trim().min(1, 'give the rule a name').max(80),
    enabled: z.boolean().default(true),
    conditions: RuleConditionsSchema.default({
      keywords: [],
      languages: [],
      platforms: [],
      minReach: null,
      sentiments: [],
      accountIds: [],
    }),
    actions: RuleActionsSchema,
  })
  .strict()
  .refine((r) => hasAction(r.actions), {
    message: 'say what the rule does: a tag, an assignment, a priority or a status',
    path: ['actions'],
  });
export type SaveRuleInput = z.input<typeof SaveRuleInputSchema>;

export const RuleIdInputSchema = z.object({ id: z.string().min(1).max(100) }).strict();

/** Rules run in order: this puts one at another place. */
export const MoveRuleInputSchema = z
  .object({ id: z.string().min(1).max(100), to: z.number().int().nonnegative() })
  .strict();

/** Managers: what a rule's conditions, as being edited, would catch in the queue still to handle. */
export const PreviewRuleInputSchema = z
  .object({
    conditions: RuleConditionsSchema,
    /** How many matching conversations to show as examples, newest first. */
    examples: z.number().int().min(0).max(10).default(3),
  })
  .strict();
export type PreviewRuleInput = z.input<typeof PreviewRuleInputSchema>;

/** How many conversations still to handle (new, open, pending) the conditions match, and some. */
export const RulePreviewSchema = z.object({
  matched: z.number().int().nonnegative(),
  /** The conversations looked at: the newest still to handle, up to a bound. */
  scanned: z.number().int().nonnegative(),
  /** More conversations are still to handle than were looked at: `matched` counts the newest. */
  partial: z.boolean(),
  examples: z.array(ConversationSchema),
});
export type RulePreview = z.infer<typeof RulePreviewSchema>;
