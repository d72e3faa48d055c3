import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InboxError } from '../../shared';
import { parseScenario } from '../../emulator/scenario';
import type { ScenarioInput } from '../../emulator/scenario';
import { startEmulator } from '../../emulator/server';
import type { Emulator } from '../../emulator/server';
import { MemorySecretStore } from '../secrets/secret-store';
import { smallScenario } from '../test/scenario';
import { DeepLProvider } from './deepl-provider';
import { LibreTranslateProvider } from './libretranslate-provider';
import { TRANSLATION_KEY_REFS } from './translation-provider';
import type { TranslationProvider } from './translation-provider';
import { createTranslationProvider, TRANSLATION_DEFAULTS } from './translation-settings';

const NL = '@CafeAurore Zijn jullie op Rotterdam Centraal ook open op zondagochtend?';
const FR = '@CafeAurore Êtes-vous aussi ouverts le dimanche matin à Rotterdam Centraal ?';
const EN = '@CafeAurore Are you open on Sunday morning at Rotterdam Centraal?';
const THANKS = {
  fr: 'Merci !',
  en: 'Thank you!',
  de: 'Danke!',
  nl: 'Bedankt!',
  es: '¡Gracias!',
  it: 'Grazie!',
};

function scenario(): ScenarioInput {
  return {
    ...smallScenario(),
    translation: {
      deepl: {
        auth_keys: [
          { key: 'deepl-key-ok:fx' },
          { key: 'deepl-key-nearly-spent:fx', character_limit: 100, character_count: 90 },
        ],
      },
      libretranslate: { api_keys: ['lt-key-ok'], require_api_key: true, char_limit: 200 },
      phrases: [
        { polarity: 'neutral', texts: { nl: NL, fr: FR, en: EN, de: 'de', es: 'es', it: 'it' } },
        { polarity: 'positive', texts: THANKS },
      ],
    },
  };
}

async function expectFault(promise: Promise<unknown>, code: string): Promise<InboxError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InboxError);
  expect((err as InboxError).code).toBe(code);
  return err as InboxError;
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ scenario: parseScenario(scenario()) });
});
afterAll(() => emulator.close());
afterEach(() => emulator.clearFaults());

describe('DeepL through deepl-node, against the emulator', () => {
  const deepl = (key: string | null, timeoutMs = 2000) => {
    const secrets = new MemorySecretStore();
    if (key) void secrets.set(TRANSLATION_KEY_REFS.deepl, key);
    return new DeepLProvider(secrets, {
      serverUrl: emulator.deeplBaseUrl,
      timeoutMs,
      maxRetries: 0,
    });
  };

  it('translates the texts it knows into the target, in order, naming the source it detected', async () => {
    const out = await deepl('deepl-key-ok:fx').translate([NL, THANKS.nl], 'fr');
    expect(out).toEqual([
      { text: FR, detectedSource: 'nl' },
      { text: THANKS.fr, detectedSource: 'nl' },
    ]);
    // English is asked for as British English, which DeepL requires instead of a bare EN.
    expect(await deepl('deepl-key-ok:fx').translate([NL], 'en', 'nl')).toEqual([
      { text: EN, detectedSource: 'nl' },
    ]);
  });

  it('answers an unset key, a refused key, a used-up quota and a text too long with typed errors', async () => {
    await expectFault(deepl(null).translate([NL], 'fr'), 'translation_key_refused');
    const refused = await expectFault(
      deepl('not-a-key').translate([NL], 'fr'),
      'translation_key_refused',
    );
    expect(JSON.stringify(refused.toBody())).not.toContain('not-a-key');
    await expectFault(
      deepl('deepl-key-nearly-spent:fx').translate([NL], 'fr'),
      'translation_quota_exceeded',
    );
    await expectFault(
      deepl('deepl-key-ok:fx').translate(['a'.repeat(130 * 1024)], 'fr'),
      'translation_too_long',
    );
  });

  it('gives up on a service that does not answer in time, and says the service failed on a 5xx', async () => {
    emulator.injectFault({ platform: 'deepl', kind: 'timeout' });
    const late = await expectFault(
      deepl('deepl-key-ok:fx', 300).translate([NL], 'fr'),
      'translation_timeout',
    );
    expect(late.details).toEqual({ provider: 'deepl', timeoutMs: 300 });
    emulator.injectFault({ platform: 'deepl', kind: 'error', status: 500 });
    await expectFault(deepl('deepl-key-ok:fx').translate([NL], 'fr'), 'translation_unavailable');
    // The fault is spent: the next call goes through.
    expect((await deepl('deepl-key-ok:fx').translate([NL], 'fr'))[0]!.text).toBe(FR);
  });

  it('uses a key changed in the secret store at the next call', async () => {
    const secrets = new MemorySecretStore();
    await secrets.set(TRANSLATION_KEY_REFS.deepl, 'not-a-key');
    const provider = createTranslationProvider(
      { ...TRANSLATION_DEFAULTS, provider: 'deepl', deeplServerUrl: emulator.deeplBaseUrl },
      secrets,
    )!;
    await expectFault(provider.translate([NL], 'fr'), 'translation_key_refused');
    await secrets.set(TRANSLATION_KEY_REFS.deepl, 'deepl-key-ok:fx');
    expect((await provider.translate([NL], 'fr'))[0]!.text).toBe(FR);
  });
});

describe('LibreTranslate over HTTP, against the emulator', () => {
  const libre = (key: string | null, timeoutMs = 2000): TranslationProvider => {
    const secrets = new MemorySecretStore();
    if (key) void secrets.set(TRANSLATION_KEY_REFS.libretranslate, key);
    return new LibreTranslateProvider(secrets, {
      baseUrl: emulator.libreTranslateBaseUrl,
      timeoutMs,
    });
  };

  it('translates with the source detected or given', async () => {
    expect(await libre('lt-key-ok').translate([NL, THANKS.nl], 'fr')).toEqual([
      { text: FR, detectedSource: 'nl' },
      { text: THANKS.fr, detectedSource: 'nl' },
    ]);
    expect(await libre('lt-key-ok').translate([FR], 'nl', 'fr')).toEqual([
      { text: NL, detectedSource: 'fr' },
    ]);
  });

  it('answers a missing key, a refused key, a text past the char limit and a timeout with typed errors', async () => {
    const missing = await expectFault(libre(null).translate([NL], 'fr'), 'translation_key_refused');
    expect(missing.details).toEqual({ provider: 'libretranslate', missing: true });
    await expectFault(libre('wrong').translate([NL], 'fr'), 'translation_key_refused');
    const long = await expectFault(
      libre('lt-key-ok').translate(['x'.repeat(201)], 'fr'),
      'translation_too_long',
    );
    expect(long.details).toEqual({ provider: 'libretranslate', limit: 200 });
    emulator.injectFault({ platform: 'libretranslate', kind: 'timeout' });
    await expectFault(libre('lt-key-ok', 300).translate([NL], 'fr'), 'translation_timeout');
  });

  it('says the service cannot be reached when nothing listens at its address', async () => {
    const secrets = new MemorySecretStore();
    const provider = new LibreTranslateProvider(secrets, {
      baseUrl: 'http://127.0.0.1:9',
      timeoutMs: 2000,
    });
    await expectFault(provider.translate([NL], 'fr'), 'translation_unavailable');
  });
});
