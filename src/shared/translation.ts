import { z } from 'zod';
import { IsoDateSchema } from './model';
import { safeText } from './text';

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

export const TranslationProviderSchema = z.enum(['deepl', 'libretranslate']);

/**
 * A reply drafted in the agent's language, to be sent in the customer's: the text and the
 * conversation it answers. Nothing of it is kept; what is sent is what the agent sends after.
 */
export const TranslateDraftInputSchema = z
  .object({
    conversationId: z.string().min(1).max(300),
    text: safeText()
      .trim()
      .min(1, 'write the reply first')
      .max(8000, 'a reply is at most 8,000 characters'),
    /** The draft's language; by default the first language the calling agent speaks. */
    source: TranslationTargetSchema.optional(),
    /** The language wanted; by default the conversation's (the customer's). */
    target: TranslationTargetSchema.optional(),
  })
  .strict();

/** A draft in the customer's language, as the translation service gave it. */
export const DraftTranslationSchema = z.object({
  text: z.string(),
  source: TranslationTargetSchema,
  target: TranslationTargetSchema,
  provider: TranslationProviderSchema,
});
export type DraftTranslation = z.infer<typeof DraftTranslationSchema>;

/**
 * What a translated reply was made from, kept with the reply and in its audit entries: the draft
 * as the agent wrote it, its language, the language sent in, the service, and whether the agent
 * changed the service's translation before sending.
 */
export const ReplyTranslationSchema = z
  .object({
    draft: safeText().trim().min(1).max(8000),
    draftLanguage: TranslationTargetSchema,
    language: TranslationTargetSchema,
    provider: TranslationProviderSchema,
    edited: z.boolean().default(false),
  })
  .strict();
export type ReplyTranslation = z.input<typeof ReplyTranslationSchema>;

const ServiceUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'expected the service’s address, e.g. https://libretranslate.example.com',
});

/**
 * Which service translates, where, and whether each service's key is set. A key itself never
 * leaves the secret store (the OS keychain, the hub's store): not in an answer, a file or a log.
 */
export const TranslationSettingsSchema = z.object({
  /** None: translation is off. */
  provider: TranslationProviderSchema.nullable(),
  /** DeepL's address; null: chosen by the key (api-free.deepl.com for a `:fx` key, api.deepl.com). */
  deeplUrl: z.string().nullable(),
  /** The LibreTranslate server. */
  libreTranslateUrl: z.string(),
  keys: z.object({ deepl: z.boolean(), libretranslate: z.boolean() }),
});
export type TranslationSettingsView = z.infer<typeof TranslationSettingsSchema>;

/** Managers: another service or address, a new key for a service, or its key removed. */
export const SaveTranslationSettingsInputSchema = z
  .object({
    provider: TranslationProviderSchema.nullable().optional(),
    deeplUrl: ServiceUrlSchema.nullable().optional(),
    libreTranslateUrl: ServiceUrlSchema.optional(),
    /** Put into the secret store under `translation:<provider>`, never kept anywhere else. */
    key: z
      .object({
        provider: TranslationProviderSchema,
        value: z
          .string()
          .trim()
          .min(1, 'paste the whole key')
          .max(500)
          .regex(/^[\x21-\x7E]+$/, 'a key has no spaces or other characters than ASCII ones'),
      })
      .strict()
      .optional(),
    /** Deletes that service's key from the secret store. */
    removeKey: TranslationProviderSchema.optional(),
  })
  .strict()
  .refine(
    (c) =>
      c.provider !== undefined ||
      c.deeplUrl !== undefined ||
      c.libreTranslateUrl !== undefined ||
      c.key !== undefined ||
      c.removeKey !== undefined,
    'say what to change: service, address or key',
  );
