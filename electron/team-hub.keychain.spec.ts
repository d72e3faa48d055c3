import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeychainSecretStore } from '../src/core/secrets/keychain-store';
import { tempDir } from '../src/core/test/fixtures';
import { TeamHubLink, hubSettingsFile } from './team-hub';

// Runs inside a D-Bus session with an unlocked GNOME Keyring (see scripts/with-keyring.sh).
const temp = await tempDir();
afterAll(() => temp.cleanup());

describe('the desktop app’s team hub link against a real Secret Service', () => {
  it('keeps the personal token in the keychain and only the address in the settings file', async () => {
    const keychain = new KeychainSecretStore(`Social Inbox test ${randomUUID()}`);
    const file = hubSettingsFile(join(temp.dir, 'user-data'));
    const link = new TeamHubLink(file, keychain);
    const token = `sia_${randomUUID()}`;
    await link.save('https://inbox.cafe-aurore.example', token);

    expect(await keychain.get('hub:https://inbox.cafe-aurore.example')).toBe(token);
    expect(await readFile(file, 'utf8')).toBe('{"url":"https://inbox.cafe-aurore.example"}');
    // A new start of the app finds both again.
    expect(await new TeamHubLink(file, keychain).current()).toEqual({
      origin: 'https://inbox.cafe-aurore.example',
      token,
    });

    await link.forget();
    expect(await keychain.get('hub:https://inbox.cafe-aurore.example')).toBeNull();
    expect(await link.current()).toBeNull();
  });
});
