import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, InboxError } from '../../shared';
import type { ScenarioInput } from '../../emulator/scenario';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';
import { smallScenario } from '../test/scenario';

const DUTCH = `x:${smallScenario().x.tweets[4]!.id}`;
const FR = 'Merci beaucoup pour ce message, nous le transmettons à l’équipe du café.';
const NL = 'Hartelijk dank voor dit bericht, we geven het door aan het team van het café.';
const KEY = 'deepl-settings-key:fx';

function scenario(): ScenarioInput {
  return {
    ...smallScenario(),
    translation: {
      deepl: { auth_keys: [{ key: KEY }] },
      libretranslate: { api_keys: ['lt-settings-key'], require_api_key: true },
      phrases: [
        {
          texts: {
            fr: FR,
            nl: NL,
            en: 'Thank you very much for this message, we are passing it on to the café team.',
            de: 'Vielen Dank für diese Nachricht, wir geben sie an das Team des Cafés weiter.',
            es: 'Muchas gracias por este mensaje, se lo transmitimos al equipo de la cafetería.',
            it: 'Grazie mille per questo messaggio, lo giriamo al team del locale.',
          },
        },
      ],
    },
  };
}

const fault = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as InboxError,
  );

describe('translation settings made from the UI', () => {
  const cleanup = useCleanups();

  it('turns a service on with its address and key, keeps the key in the secret store only, and records the change', async () => {
    // An inbox started with no translation service (the desktop app's solo mode, a bare hub).
    const { service, emulator, dir, open, store } = await inboxOnEmulator(cleanup, {
      scenario: scenario(),
      sync: ['x'],
    });
    const draft = { conversationId: DUTCH, text: FR, source: 'fr' as const };
    expect((await fault(service.translateDraft(draft)))?.code).toBe('translation_unavailable');
    expect(await service.getTranslationSettings({})).toMatchObject({
      provider: null,
      keys: { deepl: false, libretranslate: false },
    });

    const saved = await service.saveTranslationSettings({
      provider: 'deepl',
      deeplUrl: emulator.deeplBaseUrl,
      key: { provider: 'deepl', value: ` ${KEY} ` },
    });
    expect(saved).toEqual({
      provider: 'deepl',
      deeplUrl: emulator.deeplBaseUrl,
      libreTranslateUrl: 'https://libretranslate.com',
      keys: { deepl: true, libretranslate: false },
    });
    expect(JSON.stringify(saved)).not.toContain(KEY);
    expect((await service.translateDraft(draft)).text).toBe(NL);

    // The choice is in the settings document; the key is in no file of the data folder.
    const workspace = await readFile(join(dir, 'workspace.json'), 'utf8');
    expect(JSON.parse(workspace)).toMatchObject({
      translation: { provider: 'deepl', deeplServerUrl: emulator.deeplBaseUrl },
    });
    expect(await anyFileHolds(dir, KEY)).toBe(false);
    const recorded: AuditEntry[] = [];
    for await (const e of store().audit.between(
      '2000-01-01T00:00:00.000Z',
      '2100-01-01T00:00:00.000Z',
    ))
      if (e.action === 'translation.settings') recorded.push(e);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.details).toMatchObject({ to: { provider: 'deepl' }, keySet: 'deepl' });
    expect(JSON.stringify(recorded)).not.toContain(KEY);

    // After a restart the inbox still translates with them.
    await service.close();
    const again = await open();
    expect((await again.translateDraft(draft)).text).toBe(NL);

    // Another service, then the key removed: the inbox says no key is set.
    const libre = await again.saveTranslationSettings({
      provider: 'libretranslate',
      libreTranslateUrl: emulator.libreTranslateBaseUrl,
      key: { provider: 'libretranslate', value: 'lt-settings-key' },
    });
    expect(libre.keys).toEqual({ deepl: true, libretranslate: true });
    expect((await again.translateDraft(draft)).text).toBe(NL);
    await again.saveTranslationSettings({ removeKey: 'libretranslate' });
    const missing = await fault(again.translateDraft(draft));
    expect(missing?.code).toBe('translation_key_refused');
    expect(missing?.details).toMatchObject({ provider: 'libretranslate', missing: true });
  });

  it('refuses a key with spaces inside, an address that is not http, and an empty change', async () => {
    const { service } = await inboxOnEmulator(cleanup, { scenario: scenario(), sync: [] });
    await expect(
      service.saveTranslationSettings({ key: { provider: 'deepl', value: 'two words' } }),
    ).rejects.toThrow();
    await expect(
      service.saveTranslationSettings({ libreTranslateUrl: 'file:///etc/passwd' }),
    ).rejects.toThrow();
    await expect(service.saveTranslationSettings({})).rejects.toThrow(/say what to change/);
    expect((await service.getTranslationSettings({})).keys).toEqual({
      deepl: false,
      libretranslate: false,
    });
  });
});

/** Whether any file under `dir` holds `text` (the store's files included). */
async function anyFileHolds(dir: string, text: string): Promise<boolean> {
  const { readdir } = await import('node:fs/promises');
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(text)) return true;
  }
  return false;
}
