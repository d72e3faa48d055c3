import type { SecretStore } from '../secrets/secret-store';
import { DEEPL_DEFAULTS, DeepLProvider } from './deepl-provider';
import { LIBRETRANSLATE_DEFAULTS, LibreTranslateProvider } from './libretranslate-provider';
import type { TranslationProvider, TranslationProviderName } from './translation-provider';

/** Which service translates, and where it is: configuration, never a key (keys are secrets). */
export interface TranslationSettings {
  /** None: translation is off. */
  provider: TranslationProviderName | null;
  /** DeepL's address; null: deepl-node's choice by key (api-free.deepl.com or api.deepl.com). */
  deeplServerUrl: string | null;
  /** The LibreTranslate server (self-hosted, or https://libretranslate.com). */
  libreTranslateUrl: string;
  /** How long one translation request may take. */
  timeoutMs: number;
}

export const TRANSLATION_DEFAULTS: TranslationSettings = {
  provider: null,
  deeplServerUrl: DEEPL_DEFAULTS.serverUrl,
  libreTranslateUrl: LIBRETRANSLATE_DEFAULTS.baseUrl,
  timeoutMs: 10_000,
};

/** The configured provider, reading its key from `secrets` at each call; null when none is. */
export function createTranslationProvider(
  settings: TranslationSettings,
  secrets: SecretStore,
): TranslationProvider | null {
  if (settings.provider === 'deepl')
    return new DeepLProvider(secrets, {
      serverUrl: settings.deeplServerUrl,
      timeoutMs: settings.timeoutMs,
      maxRetries: DEEPL_DEFAULTS.maxRetries,
    });
  if (settings.provider === 'libretranslate')
    return new LibreTranslateProvider(secrets, {
      baseUrl: settings.libreTranslateUrl,
      timeoutMs: settings.timeoutMs,
    });
  return null;
}
