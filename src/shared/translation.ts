import { z } from 'zod';
import { IsoDateSchema } from './model';

/** The languages a post is translated into: the six the inbox's customers write in. */
export const TranslationTargetSchema = z.enum(['fr', 'en', 'de', 'nl', 'es', 'it']);
export type TranslationTarget = z.infer<typeof TranslationTargetSchema>;

export const TranslatePostInputSchema = z
  .object({
    /** Our id of the post: `${platform}:${externalId}`. */
    postId: z.string().min(1).max(300),
    /** The language wanted; by default the first language the calling agent speaks. */
    target: TranslationTargetSchema.optional(),
  })
  .strict();

/** A post's text in another language, as the translation service gave it (kept once made). */
export const PostTranslationSchema = z.object({
  postId: z.string(),
  target: TranslationTargetSchema,
  text: z.string(),
  /** The language the service read the post in (null: it did not say). */
  source: z.string().nullable(),
  provider: z.enum(['deepl', 'libretranslate']),
  translatedAt: IsoDateSchema,
});
export type PostTranslation = z.infer<typeof PostTranslationSchema>;
