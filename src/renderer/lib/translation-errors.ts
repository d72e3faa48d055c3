import { InboxError } from '../../shared/errors';

const SERVICES: Record<string, string> = { deepl: 'DeepL', libretranslate: 'LibreTranslate' };

/** A translation failure as the UI says it: a message key, and its values. */
export interface TranslationFault {
  key: string;
  values: Record<string, string | number>;
}

/**
 * Where the failure is told, which chooses its messages: the composer's (the draft is kept) or
 * those of a post's "Translate into…" link.
 */
export type FaultPlace = 'draft' | 'post';

/**
 * What to tell the agent when a translation failed, in their language (the inbox's own message is
 * English): the fault's code chooses the message, its details name the service and a limit.
 */
export function translationFault(err: unknown, place: FaultPlace = 'draft'): TranslationFault {
  const details =
    err instanceof InboxError && err.details && typeof err.details === 'object'
      ? (err.details as { provider?: unknown; limit?: unknown; missing?: unknown })
      : {};
  const service =
    typeof details.provider === 'string' ? (SERVICES[details.provider] ?? details.provider) : '';
  const values: Record<string, string | number> = { service };
  const key = (name: string) =>
    place === 'post'
      ? `conversation.translation.errors.${name}`
      : `composer.translate.errors.${name}`;
  if (!(err instanceof InboxError)) return { key: key('other'), values };
  switch (err.code) {
    case 'translation_quota_exceeded':
      return { key: key('quota'), values };
    case 'translation_key_refused':
      return { key: key(details.missing === true ? 'noKey' : 'keyRefused'), values };
    case 'translation_too_long':
      return typeof details.limit === 'number'
        ? { key: key('tooLongLimit'), values: { ...values, limit: details.limit } }
        : { key: key('tooLong'), values };
    case 'translation_timeout':
      return { key: key('timeout'), values };
    case 'translation_unavailable':
      return { key: key(service ? 'unavailable' : 'notConfigured'), values };
    case 'rate_limited':
      return { key: key('busy'), values };
    case 'bad_request':
      return { key: key('badRequest'), values };
    // A post gone since it was shown (its conversation folded into another, its account removed).
    case 'not_found':
      return { key: key(place === 'post' ? 'notFound' : 'other'), values };
    case 'storage_full':
    case 'storage_unavailable':
      return { key: key(place === 'post' ? 'notKept' : 'other'), values };
    default:
      return { key: key('other'), values };
  }
}
