import { z } from 'zod';
import { IsoDateSchema, LanguageCodeSchema, PlatformSchema, SyncGapSchema } from './model';
import { TagNameSchema } from './queue';
import { uniqueIds } from './unique-ids';
import { safeText } from './text';
import { LanguageAnswersSchema, ReassuranceSchema } from './report-tone';

/**
 * The language key of the conversations whose language could not be detected: reported on its own
 * line, never as a language nobody answered or nobody speaks.
 */
export const UNKNOWN_LANGUAGE = 'unknown';

/**
 * A report covers the conversations that **arrived** in [from, to) and everything done on them,
 * whenever it was done: who answered, how, and how fast.
 */
export const ReportInputSchema = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    /** The first-response time the team aims at, in minutes. */
    targetMinutes: z.coerce.number().int().min(1).max(10_080).default(60),
  })
  .strict()
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), 'the range must end after it starts')
  .refine(
    (r) => Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000,
    'a report covers at most a year',
  );
export type ReportInput = z.input<typeof ReportInputSchema>;

/** Figures of a set of conversations (the team's, an agent's, a platform's, a language's). */
export const FiguresSchema = z.object({
  /** Conversations in the set (arrived; for an agent: those they replied in). */
  conversations: z.number().int().nonnegative(),
  /** With a first brand reply (a responder's: those they answered first). */
  answered: z.number().int().nonnegative(),
  repliesPublic: z.number().int().nonnegative(),
  repliesPrivate: z.number().int().nonnegative(),
  /** Nearest-rank percentiles of the first-response times of the answered ones; null if none. */
  firstResponseMedianMs: z.number().int().nonnegative().nullable(),
  firstResponseP90Ms: z.number().int().nonnegative().nullable(),
  /** First answered within the target time. */
  withinTarget: z.number().int().nonnegative(),
  /** withinTarget / conversations (an unanswered conversation misses the target); null if none. */
  withinTargetShare: z.number().min(0).max(1).nullable(),
});
export type Figures = z.infer<typeof FiguresSchema>;

/** Which conversations a figure counts, to list them (drill down). */
export const ReportDrillSchema = z
  .object({
    /** An agent id, or `outside` for the brand's replies made with another app. */
    responder: z.string().min(1).max(200).optional(),
    platform: PlatformSchema.optional(),
    /** A language code, or `unknown` (not detected). */
    language: z.union([LanguageCodeSchema, z.literal(UNKNOWN_LANGUAGE)]).optional(),
    /** Only these conversations (a cluster of the crisis view). */
    conversationIds: uniqueIds(z.string().min(1).max(300), 'conversation').max(1000).optional(),
    set: z.enum([
      'conversations',
      'answered',
      'unanswered',
      'within-target',
      'over-target',
      'replied-public',
      'replied-private',
      'outside-replies',
      // Answers in the customer's language (of the answered ones).
      'answered-in-language',
      'answered-translated',
      'answered-other-language',
      'answer-language-not-judged',
      // Reassurance: the responder is the one who answered first.
      'began-negative',
      'negative-answered',
      'negative-wrote-again',
      'reassured',
    ]),
  })
  .strict();
export type ReportDrill = z.infer<typeof ReportDrillSchema>;

export const ReportDrillInputSchema = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    targetMinutes: z.coerce.number().int().min(1).max(10_080).default(60),
    drill: ReportDrillSchema,
  })
  .strict();

export const ReportSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  targetMinutes: z.number().int(),
  team: FiguresSchema,
  /** Each agent who replied in the range's conversations; `outside` is the replies made elsewhere. */
  responders: z.array(
    z.object({ responder: z.string(), name: z.string(), figures: FiguresSchema }),
  ),
  byPlatform: z.array(z.object({ platform: PlatformSchema, figures: FiguresSchema })),
  byLanguage: z.array(z.object({ language: z.string(), figures: FiguresSchema })),
  coverage: z.object({
    unanswered: z.number().int().nonnegative(),
    byLanguage: z.array(
      z.object({
        language: z.string(),
        arrived: z.number().int(),
        unanswered: z.number().int(),
      }),
    ),
    byPlatform: z.array(
      z.object({
        platform: PlatformSchema,
        arrived: z.number().int(),
        unanswered: z.number().int(),
      }),
    ),
    /** Languages with arrivals and not one reply (never `unknown`: no language is not one). */
    silentLanguages: z.array(z.string()),
  }),
  /** Brand replies made outside the inbox (another app, the platform's site): uncoordinated answering. */
  outside: z.object({
    replies: z.array(
      z.object({
        postId: z.string(),
        conversationId: z.string(),
        platform: PlatformSchema,
        /** The app the platform reported; null when it reported none (X never does). */
        app: z.string().nullable(),
        createdAt: IsoDateSchema,
        excerpt: z.string(),
      }),
    ),
    byApp: z.array(z.object({ app: z.string().nullable(), replies: z.number().int() })),
  }),
  /** Answers in the customer's language, for the team and by the conversations' language. */
  languageAnswers: z.object({
    team: LanguageAnswersSchema.omit({ language: true }),
    byLanguage: z.array(LanguageAnswersSchema),
  }),
  /** Of the conversations that began negative, those the team turned around. */
  reassurance: ReassuranceSchema,
  /**
   * Stretches of the range whose posts sync could not fetch (X mentions beyond the 800-mention
   * window and recent search's reach): the figures leave them out. Absent when there are none.
   */
  missing: z.array(SyncGapSchema).optional(),
});
export type Report = z.infer<typeof ReportSchema>;

/**
 * The windows the crisis view offers: the last 24 hours, 72 hours or 7 days up to now, or a range
 * of the caller's (the report's) given by `from` and `to`.
 */
export const CrisisWindowSchema = z.enum(['24h', '72h', '7d', 'range']);
export type CrisisWindow = z.infer<typeof CrisisWindowSchema>;

/** Hours of each window that ends now. */
export const CRISIS_WINDOW_HOURS = { '24h': 24, '72h': 72, '7d': 168 } as const;

/** The longest range the crisis view covers by the hour; a longer one is cut to its last 31 days. */
export const CRISIS_MAX_HOURS = 31 * 24;

/** The crisis view: the hours of a window against the usual level, and the stories in them. */
export const CrisisInputSchema = z
  .object({
    /** The end of a window that ends now (default: now). */
    at: IsoDateSchema.optional(),
    /** Hours up to `at`, when no window is named (24 by default). */
    hours: z.coerce.number().int().min(1).max(168).default(24),
    window: CrisisWindowSchema.optional(),
    /** The range of the `range` window. */
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  })
  .strict()
  .refine(
    (c) => c.window !== 'range' || (c.from != null && c.to != null),
    'the range window needs from and to',
  )
  .refine(
    (c) => c.from == null || c.to == null || Date.parse(c.from) < Date.parse(c.to),
    'the range must end after it starts',
  );
export type CrisisInput = z.input<typeof CrisisInputSchema>;

/**
 * A story: conversations that say nearly the same thing, or share a link, a hashtag, a post quoted
 * or answered, or media, whatever their language.
 */
export const ClusterSchema = z.object({
  /** The id of the story's first conversation. */
  id: z.string(),
  size: z.number().int().positive(),
  /** Newest first. */
  conversationIds: z.array(z.string()),
  /** The first conversation's opening text, as a sample of what they all say. */
  sample: z.string(),
  languages: z.array(z.string()),
  /** Its conversations by language (`unknown` when none was found), the most first: one statement each. */
  byLanguage: z.array(
    z.object({
      language: z.string(),
      /** Newest first. */
      conversationIds: z.array(z.string()),
      unanswered: z.number().int().nonnegative(),
    }),
  ),
  /** The links (without their scheme) and hashtags its conversations share the most, up to 3. */
  shared: z.array(z.string()),
  /** Its languages nobody on the team speaks (none when the team declared no languages). */
  unspokenLanguages: z.array(z.string()),
  unanswered: z.number().int().nonnegative(),
  firstAt: IsoDateSchema,
  lastAt: IsoDateSchema,
});
export type Cluster = z.infer<typeof ClusterSchema>;

export const CrisisSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  /**
   * Customer posts (mentions, comments) per hour, oldest first; of them, those with a tone (in a
   * language the inbox scores) and the negative ones, and their share (null: none had a tone).
   */
  hours: z.array(
    z.object({
      start: IsoDateSchema,
      arrivals: z.number().int().nonnegative(),
      scored: z.number().int().nonnegative(),
      negative: z.number().int().nonnegative(),
      negativeShare: z.number().min(0).max(1).nullable(),
    }),
  ),
  /** Arrivals per hour over the 7 days before the window (their mean). */
  usualPerHour: z.number().nonnegative(),
  /** Arrivals in those 7 days: 0 when there is no earlier activity to compare with. */
  baselineArrivals: z.number().int().nonnegative(),
  /** The window's largest hour well above the usual level (the banner), or null. */
  spike: z
    .object({
      start: IsoDateSchema,
      arrivals: z.number().int(),
      /** arrivals / usual level; null when there was no earlier activity. */
      ratio: z.number().nullable(),
    })
    .nullable(),
  /** Stories: conversations told alike or sharing a link, hashtag, post or media (3 or more), biggest first. */
  clusters: z.array(ClusterSchema),
});
export type Crisis = z.infer<typeof CrisisSchema>;

/**
 * One public statement from the brand's account, instead of the same reply to each of many
 * people; the conversations it answers (a crisis cluster) are tagged and, unless told, marked done.
 */
export const PostStatementInputSchema = z
  .object({
    accountId: z.string().min(1).max(200),
    text: safeText()
      .trim()
      .min(1, 'write the statement first')
      .max(8000, 'a statement is at most 8,000 characters'),
    conversationIds: uniqueIds(z.string().min(1).max(300), 'conversation').max(1000).default([]),
    tag: TagNameSchema.default('statement'),
    markDone: z.boolean().default(true),
  })
  .strict();
export type PostStatementInput = z.input<typeof PostStatementInputSchema>;

export const StatementResultSchema = z.object({
  platform: PlatformSchema,
  externalId: z.string(),
  permalink: z.string(),
  /** Conversations tagged (and marked done) as answered by it. */
  conversations: z.number().int().nonnegative(),
});
export type StatementResult = z.infer<typeof StatementResultSchema>;
