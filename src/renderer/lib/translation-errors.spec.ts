import { describe, expect, it } from 'vitest';
import { InboxError } from '../../shared/errors';
import { en, fr } from '../i18n/messages/composer';
import { translationFault } from './translation-errors';

const messages = (lang: typeof en | typeof fr, key: string) =>
  (lang.translate.errors as Record<string, string>)[key.split('.').at(-1)!];

describe('a translation failure as the composer says it', () => {
  const cases: [InboxError, string, Record<string, string | number>][] = [
    [
      new InboxError('translation_quota_exceeded', 'x', { provider: 'deepl' }),
      'quota',
      { service: 'DeepL' },
    ],
    [
      new InboxError('translation_key_refused', 'x', { provider: 'deepl' }),
      'keyRefused',
      { service: 'DeepL' },
    ],
    [
      new InboxError('translation_key_refused', 'x', { provider: 'libretranslate', missing: true }),
      'noKey',
      { service: 'LibreTranslate' },
    ],
    [
      new InboxError('translation_too_long', 'x', { provider: 'libretranslate', limit: 200 }),
      'tooLongLimit',
      { service: 'LibreTranslate', limit: 200 },
    ],
    [
      new InboxError('translation_too_long', 'x', { provider: 'deepl' }),
      'tooLong',
      { service: 'DeepL' },
    ],
    [
      new InboxError('translation_timeout', 'x', { provider: 'deepl', timeoutMs: 10000 }),
      'timeout',
      { service: 'DeepL' },
    ],
    [
      new InboxError('translation_unavailable', 'x', { provider: 'deepl' }),
      'unavailable',
      { service: 'DeepL' },
    ],
    [new InboxError('translation_unavailable', 'x'), 'notConfigured', { service: '' }],
    [new InboxError('rate_limited', 'x', { provider: 'deepl' }), 'busy', { service: 'DeepL' }],
    [new InboxError('internal', 'x'), 'other', { service: '' }],
  ];

  it.each(cases)('%s → %s', (err, name, values) => {
    const fault = translationFault(err);
    expect(fault).toEqual({ key: `composer.translate.errors.${name}`, values });
    // Each has its message in English and in French, and says the draft is kept.
    expect(messages(en, fault.key)).toMatch(/draft is kept/);
    expect(messages(fr, fault.key)).toMatch(/brouillon est conservé/);
  });

  it('says something for an error that is not the inbox’s', () => {
    expect(translationFault(new TypeError('Failed to fetch')).key).toBe(
      'composer.translate.errors.other',
    );
  });
});
