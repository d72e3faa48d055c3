import { z } from 'zod';
import { nameSchema } from './names';
import {
  ConversationSchema,
  LanguageCodeSchema,
  PlatformSchema,
  PrioritySchema,
  SentimentSchema,
  StatusFilterSchema,
} from './model';
import { safeText } from './text';

/**
 * The tag colours: named, so each theme draws them with enough contrast (a free hex would not stay
 * readable in both light and dark).
 */
export const TAG_COLORS = [
  'gray',
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'indigo',
  'purple',
  'pink',
] as const;
export const TagColorSchema = z.enum(TAG_COLORS);
export type TagColor = z.infer<typeof TagColorSchema>;

/** The colour a tag gets when someone applies it before anyone registered it. */
export const DEFAULT_TAG_COLOR: TagColor = 'gray';

/** A tag's name: NFC, visible, one line (see names.ts). */
export const TagNameSchema = nameSchema({
  what: 'tag',
  max: 40,
  required: 'a tag needs a name',
  tooLong: 'a tag is at most 40 characters',
});

/** A tag of the team's registry. */
export const TagDefSchema = z.object({ name: TagNameSchema, color: TagColorSchema });
export type TagDef = z.infer<typeof TagDefSchema>;

/** A registered tag and how many conversations carry it. */
export const TagSummarySchema = TagDefSchema.extend({ count: z.number().int().nonnegative() });
export type TagSummary = z.infer<typeof TagSummarySchema>;

export const RenameTagInputSchema = z
  .object({ name: TagNameSchema, newName: TagNameSchema })
  .strict();
export const DeleteTagInputSchema = z.object({ name: TagNameSchema }).strict();

/** A tag change across the queue: the tag as it now is (null once deleted), conversations changed. */
export const TagChangeSchema = z.object({
  tag: TagDefSchema.nullable(),
  updated: z.number().int().nonnegative(),
});

/** The filters and order a saved view applies; absent fields mean "any". */
export const ViewFiltersSchema = z
  .object({
    platform: PlatformSchema.optional(),
    accountId: z.string().min(1).max(200).optional(),
    status: StatusFilterSchema.optional(),
    language: LanguageCodeSchema.optional(),
    priority: PrioritySchema.optional(),
    /** `mine` (whoever applies the view) or `unassigned`. */
    assignee: z.enum(['mine', 'unassigned']).optional(),
    tag: TagNameSchema.optional(),
    answered: z.enum(['outside']).optional(),
    sentiment: SentimentSchema.optional(),
    q: safeText().max(200).optional(),
    sort: z.enum(['newest', 'oldest', 'priority', 'reach']).default('newest'),
  })
  .strict();
export type ViewFilters = z.infer<typeof ViewFiltersSchema>;

/** An agent's saved view: a name for a set of filters and an order. */
export const SavedViewSchema = z.object({
  id: z.string().min(1).max(100),
  /** NFC, visible; an agent's views have names that cannot be taken for one another. */
  name: nameSchema({
    what: 'view',
    max: 60,
    required: 'give the view a name',
    tooLong: 'a view name is at most 60 characters',
  }),
  filters: ViewFiltersSchema,
});
export type SavedView = z.infer<typeof SavedViewSchema>;

export const SaveViewInputSchema = z
  .object({
    /** The view to replace; a new view without it. */
    id: z.string().min(1).max(100).optional(),
    name: SavedViewSchema.shape.name,
    filters: ViewFiltersSchema,
  })
  .strict();
export const DeleteViewInputSchema = z.object({ id: z.string().min(1).max(100) }).strict();

/** What became of one change of a bulk update. */
export const BulkResultSchema = z.discriminatedUnion('outcome', [
  z.object({ id: z.string(), outcome: z.literal('applied'), conversation: ConversationSchema }),
  /** Someone changed it since: nothing applied, here is how it now is. */
  z.object({ id: z.string(), outcome: z.literal('conflict'), conversation: ConversationSchema }),
  z.object({ id: z.string(), outcome: z.literal('not_found') }),
]);
export type BulkResult = z.infer<typeof BulkResultSchema>;
export const BulkResultsSchema = z.object({ results: z.array(BulkResultSchema) });
export type BulkResults = z.infer<typeof BulkResultsSchema>;
