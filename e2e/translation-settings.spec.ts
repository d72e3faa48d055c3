import { expect, test } from '@playwright/test';
import { InboxPage } from './pages/inbox-page';
import { tokenOf } from './pages/team';
import { emulatorOrigin } from './pages/translated-reply';
import { TranslationSettings } from './pages/translation-settings';

test('a manager switches the translation service and sets its key from the UI, which never shows the key', async ({
  page,
  request,
}) => {
  const manager = tokenOf('Camille Laurent');
  const headers = { authorization: `Bearer ${manager}` };
  const emulator = await emulatorOrigin(request, manager);
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  const settings = new TranslationSettings(page);
  await settings.open();
  await expect(settings.provider).toHaveValue('deepl');
  await expect(settings.keyState).toHaveText('A DeepL key is set.');
  await expect(settings.key).toHaveValue('');
  try {
    await settings.provider.selectOption('libretranslate');
    // The demo set one; removed, then a new one typed.
    await expect(settings.keyState).toHaveText('A LibreTranslate key is set.');
    await settings.section.getByTestId('translation-remove-key').click();
    await expect(settings.keyState).toHaveText('No LibreTranslate key is set.');
    await expect(settings.provider).toHaveValue('libretranslate');
    await settings.libreTranslateUrl.fill(`${emulator}/libretranslate`);
    await settings.key.fill('demo-libretranslate-key');
    await settings.save.click();
    await expect(settings.section.getByRole('status')).toHaveText('Saved.');
    await expect(settings.keyState).toHaveText('A LibreTranslate key is set.');
    // The key left the page once saved, and the hub answers whether one is set, never the key.
    await expect(settings.key).toHaveValue('');
    const answer = await (await request.get('/api/translation/settings', { headers })).text();
    expect(answer).toContain('"libretranslate":true');
    expect(answer).not.toContain('demo-libretranslate-key');
    expect(await page.content()).not.toContain('demo-libretranslate-key');
  } finally {
    // The demo translates through DeepL again for the other tests.
    const back = await request.post('/api/translation/settings', {
      headers,
      data: { provider: 'deepl' },
    });
    expect(back.status()).toBe(200);
  }
});
