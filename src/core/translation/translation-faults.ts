import { InboxError } from '../../shared';
import type { TranslationProviderName } from './translation-provider';

const SERVICE_NAMES: Record<TranslationProviderName, string> = {
  deepl: 'DeepL',
  libretranslate: 'LibreTranslate',
};

/** The typed errors a provider answers with; `details` name the provider and never hold a key. */
export const translationFault = {
  quota(provider: TranslationProviderName): InboxError {
    return new InboxError(
      'translation_quota_exceeded',
      `${SERVICE_NAMES[provider]}'s translation quota for this period is used up: nothing was translated.`,
      { provider },
    );
  },
  keyRefused(provider: TranslationProviderName): InboxError {
    return new InboxError(
      'translation_key_refused',
      `${SERVICE_NAMES[provider]} refused the inbox's key: a manager should check it.`,
      { provider },
    );
  },
  noKey(provider: TranslationProviderName): InboxError {
    return new InboxError(
      'translation_key_refused',
      `No ${SERVICE_NAMES[provider]} key is set: a manager should add one.`,
      { provider, missing: true },
    );
  },
  tooLong(provider: TranslationProviderName, limit?: number): InboxError {
    return new InboxError(
      'translation_too_long',
      `The text is longer than ${SERVICE_NAMES[provider]} translates at once${limit ? ` (${limit} characters)` : ''}.`,
      limit ? { provider, limit } : { provider },
    );
  },
  timeout(provider: TranslationProviderName, ms: number): InboxError {
    return new InboxError(
      'translation_timeout',
      `${SERVICE_NAMES[provider]} did not answer within ${Math.round(ms / 1000)} s: try again.`,
      { provider, timeoutMs: ms },
    );
  },
  unavailable(provider: TranslationProviderName, reason: string): InboxError {
    return new InboxError(
      'translation_unavailable',
      `${SERVICE_NAMES[provider]} cannot translate now (${reason}).`,
      { provider },
    );
  },
  /** Too many requests at once: the service asks to slow down. */
  busy(provider: TranslationProviderName): InboxError {
    return new InboxError(
      'rate_limited',
      `${SERVICE_NAMES[provider]} is busy and asks to slow down: try again in a moment.`,
      { provider },
    );
  },
};
