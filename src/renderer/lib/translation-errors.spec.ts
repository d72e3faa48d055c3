import { describe, expect, it } from 'vitest';
import { InboxError } from '../../shared/errors';
import { en, fr } from '../i18n/messages/composer';
import * as conversation from '../i18n/messages/conversation';
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

  it.each([
    [new InboxError('translation_quota_exceeded', 'x', { provider: 'deepl' }), 'quota'],
    [new InboxError('translation_key_refused', 'x', { provider: 'deepl', missing: true }), 'noKey'],
    [new InboxError('translation_timeout', 'x', { provider: 'libretranslate' }), 'timeout'],
    [new InboxError('translation_unavailable', 'x'), 'notConfigured'],
    [new InboxError('not_found', 'No post with id x:1'), 'notFound'],
    [new InboxError('storage_unavailable', 'x'), 'notKept'],
    [new TypeError('Failed to fetch'), 'other'],
  ])('a post’s translation: %s → %s, in both languages, never of a draft', (err, name) => {
    const fault = translationFault(err, 'post');
    expect(fault.key).toBe(`conversation.translation.errors.${name}`);
    const said = (lang: typeof conversation.en | typeof conversation.fr) =>
      (lang.translation.errors as Record<string, string>)[name]!;
    expect(said(conversation.en)).toBeTruthy();
    expect(said(conversation.fr)).toBeTruthy();
    expect(said(conversation.en)).not.toMatch(/draft/);
    expect(said(conversation.fr)).not.toMatch(/brouillon/);
  });

  it('says something for an error that is not the inbox’s', () => {
    expect(translationFault(new TypeError('Failed to fetch')).key).toBe(
      'composer.translate.errors.other',
    );
  });
});
