import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeychainSecretStore } from '../secrets/keychain-store';
import { lookup } from '../secrets/test/keytar-item';
import { inboxOnEmulator, useCleanups } from '../test/inbox-harness';
import { smallScenario } from '../test/scenario';

// Runs inside a D-Bus session with an unlocked GNOME Keyring (see scripts/with-keyring.sh).
describe('a translation key set from the UI, against a real Secret Service', () => {
  const cleanup = useCleanups();

  it('goes into the keychain under translation:deepl, and out of it when removed', async () => {
    const name = `Social Inbox test ${randomUUID()}`;
    const key = `deepl-${randomUUID()}:fx`;
    const { service } = await inboxOnEmulator(cleanup, {
      scenario: smallScenario(),
      sync: [],
      service: { secrets: new KeychainSecretStore(name) },
    });
    const saved = await service.saveTranslationSettings({
      provider: 'deepl',
      key: { provider: 'deepl', value: key },
    });
    expect(saved.keys.deepl).toBe(true);
    expect(JSON.stringify(saved)).not.toContain(key);
    expect(lookup({ service: name, username: 'translation:deepl' })?.trim()).toBe(key);

    await service.saveTranslationSettings({ removeKey: 'deepl' });
    expect(lookup({ service: name, username: 'translation:deepl' })).toBeNull();
    expect((await service.getTranslationSettings({})).keys.deepl).toBe(false);
  });
});
