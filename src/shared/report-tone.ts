import { z } from 'zod';
import { IsoDateSchema, PlatformSchema } from './model';

/**
 * Answers in the customer's language, for the conversations of one language: of those answered,
 * how many had their first brand reply written in the conversation's language: the language the
 * inbox translated it into, or else the one detected on the reply post.
 */
export const LanguageAnswersSchema = z.object({
  /** The conversations' language, or `unknown` (not detected). */
  language: z.string(),
  answered: z.number().int().nonnegative(),
  /** The first reply post is in the conversation's language. */
  inLanguage: z.number().int().nonnegative(),
  /**
   * Of those in the conversation's language, the ones the agent drafted in their own language
   * and the inbox sent translated into the customer's.
   */
  translated: z.number().int().nonnegative(),
  /** The first reply post is in another language. */
  otherLanguage: z.number().int().nonnegative(),
  /**
   * No language to compare: the reply's was not detected (too short), the conversation's was not,
   * or only a public statement answered it (its post is not kept with the conversation).
   */
  notJudged: z.number().int().nonnegative(),
  /** inLanguage / answered; null when none was answered. */
  share: z.number().min(0).max(1).nullable(),
});
export type LanguageAnswers = z.infer<typeof LanguageAnswersSchema>;

/**
 * Reassurance over a set of conversations that began negative (their first customer post read
 * negative): answered, the customer wrote again after the first answer, and their latest post
 * since then reads neutral or positive.
 */
export const ReassuranceFiguresSchema = z.object({
  /** Began negative (for an agent: those they answered first). */
  beganNegative: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  /** The customer wrote again after the team's first answer. */
  wroteAgain: z.number().int().nonnegative(),
  /** …and their latest post since reads neutral or positive. */
  reassured: z.number().int().nonnegative(),
  /** reassured / beganNegative; null when none began negative. */
  share: z.number().min(0).max(1).nullable(),
});
export type ReassuranceFigures = z.infer<typeof ReassuranceFiguresSchema>;

export const ReassuranceSchema = z.object({
  team: ReassuranceFiguresSchema,
  /** By the agent who answered first (`outside`: a reply made with another app). */
  byResponder: z.array(
    z.object({ responder: z.string(), name: z.string(), figures: ReassuranceFiguresSchema }),
  ),
  byLanguage: z.array(z.object({ language: z.string(), figures: ReassuranceFiguresSchema })),
  byPlatform: z.array(z.object({ platform: PlatformSchema, figures: ReassuranceFiguresSchema })),
});
export type Reassurance = z.infer<typeof ReassuranceSchema>;

/** The longest range "what customer service should hear" covers. */
export const COMPLAINTS_MAX_DAYS = 31;

/** The recurring complaints of the conversations that arrived in [from, to). */
export const ComplaintsInputSchema = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .strict()
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), 'the range must end after it starts')
  .refine(
    (r) => Date.parse(r.to) - Date.parse(r.from) <= COMPLAINTS_MAX_DAYS * 86_400_000,
    `the complaints cover at most ${COMPLAINTS_MAX_DAYS} days`,
  );
export type ComplaintsInput = z.input<typeof ComplaintsInputSchema>;

/** A negative customer post shown as an example of a complaint. */
export const ComplaintExampleSchema = z.object({
  postId: z.string(),
  conversationId: z.string(),
  language: z.string().nullable(),
  createdAt: IsoDateSchema,
  excerpt: z.string(),
});
export type ComplaintExample = z.infer<typeof ComplaintExampleSchema>;

/** A story among the negative posts: conversations that say the same or share a link or tag. */
export const ComplaintStorySchema = z.object({
  id: z.string(),
  /** Its conversations' negative posts. */
  posts: z.number().int().positive(),
  conversations: z.number().int().positive(),
  /** Newest first. */
  conversationIds: z.array(z.string()),
  languages: z.array(z.string()),
  /** The links and hashtags it shares the most. */
  shared: z.array(z.string()),
  /** Up to three, newest first. */
  examples: z.array(ComplaintExampleSchema),
});
export type ComplaintStory = z.infer<typeof ComplaintStorySchema>;

/** A word that recurs among one language's negative posts (stop words left out). */
export const ComplaintKeywordSchema = z.object({
  word: z.string(),
  /** Negative posts with the word. */
  posts: z.number().int().positive(),
  conversations: z.number().int().positive(),
  /** Newest first, at most 1,000 (what a drill-down lists). */
  conversationIds: z.array(z.string()),
  /** Up to three, newest first. */
  examples: z.array(ComplaintExampleSchema),
});
export type ComplaintKeyword = z.infer<typeof ComplaintKeywordSchema>;

export const ComplaintsSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** Negative customer posts of the conversations that arrived in the range. */
  negativePosts: z.number().int().nonnegative(),
  /** Conversations with at least one. */
  conversations: z.number().int().nonnegative(),
  /** Biggest first. */
  stories: z.array(ComplaintStorySchema),
  /** By language (the most negative posts first), each language's words the most frequent first. */
  keywords: z.array(
    z.object({
      language: z.string(),
      negativePosts: z.number().int().nonnegative(),
      words: z.array(ComplaintKeywordSchema),
    }),
  ),
});
export type Complaints = z.infer<typeof ComplaintsSchema>;
