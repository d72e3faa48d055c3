/**
 * Translation behind one interface, whichever service does it (DeepL, a LibreTranslate server).
 * A provider reads its key from the secret store at each call, so a key changed in the keychain
 * is used at once and never kept in a data file.
 */

/** The languages the inbox translates between: ISO 639-1, lower case. */
export const TRANSLATION_LANGUAGES = ['fr', 'en', 'de', 'nl', 'es', 'it'] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];

export function isTranslationLanguage(code: string): code is TranslationLanguage {
  return (TRANSLATION_LANGUAGES as readonly string[]).includes(code);
}

export interface Translation {
  text: string;
  /** The language the service read the text in (its own detection when no source was given). */
  detectedSource: string | null;
}

export type TranslationProviderName = 'deepl' | 'libretranslate';

export interface TranslationProvider {
  readonly name: TranslationProviderName;
  /**
   * Translates each text into `target`, in order. Without `source` the service detects it.
   * Fails with an `InboxError` whose code starts with `translation_`.
   */
  translate(texts: string[], target: string, source?: string): Promise<Translation[]>;
}

/** Where each provider's key lives in the secret store (the OS keychain, the hub's store). */
export const TRANSLATION_KEY_REFS: Record<TranslationProviderName, string> = {
  deepl: 'translation:deepl',
  libretranslate: 'translation:libretranslate',
};
