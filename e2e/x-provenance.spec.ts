import { expect, test } from '@playwright/test';
import { DisplaySettings } from './pages/display-settings';
import { InboxPage } from './pages/inbox-page';
import { mentionArrives } from './pages/rules-dialog';
import { tokenOf } from './pages/team';

/**
 * X as it really answers: a mention served escaped with its link as t.co reads as written, says X
 * did not report its app, and X's 24-hour posting cap holds the account with the banner saying
 * until when. (Runs last: it leaves the demo's X account held.)
 */
test('an X mention reads as written with its app unreported, and the posting cap says until when', async ({
  page,
  request,
}) => {
  const manager = tokenOf('Camille Laurent');
  const text = '@CafeAurore Tom & Jerry <3 > votre carte https://example.com/carte?a=1&b=2';
  const id = await mentionArrives(request, manager, {
    username: 'tom_jerry_fan',
    name: 'Tom Fan',
    text,
    lang: 'fr',
  });
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  await inbox.search.fill('Tom Fan');
  await expect(inbox.row(`x:${id}`)).toBeVisible({ timeout: 20_000 });
  await inbox.row(`x:${id}`).click();
  const post = inbox.posts.first();
  await expect(post).toContainText(text);
  await expect(post.getByTestId('post-source-app')).toHaveText('App not reported by X');

  // X answers the reply with its 24-hour posting cap used up.
  const started = (await (
    await request.post('/api/accounts/connect', {
      headers: { authorization: `Bearer ${manager}` },
      data: { platform: 'x' },
    })
  ).json()) as { result: { flowId: string; authorizeUrl: string } };
  await request.post('/api/accounts/connect/cancel', {
    headers: { authorization: `Bearer ${manager}` },
    data: { flowId: started.result.flowId },
  });
  const emulator = new URL(started.result.authorizeUrl).origin;
  const armed = await request.post(`${emulator}/__emulator/faults`, {
    data: { platform: 'x', kind: 'daily-cap', path: '/2/tweets', times: 1 },
  });
  expect(armed.status()).toBe(201);
  await page
    .getByLabel('Reply text')
    .fill('Merci Tom, la carte est en ligne : https://example.com/carte');
  await page.getByTestId('send-reply').click();
  const banner = page.getByTestId('account-banner');
  await expect(banner).toContainText('24-hour posting limit', { timeout: 15_000 });
  await expect(banner).toContainText(/replies wait until \d+ \w+, \d\d:\d\d/);
  await expect(banner.getByTestId('banner-reconnect')).toHaveCount(0);
  await expect(inbox.accounts.filter({ hasText: 'CafeAurore' })).toHaveAttribute(
    'data-state',
    'rate-limited',
  );
  await page.screenshot({ path: test.info().outputPath('x-provenance-en.png') });

  await new DisplaySettings(page).chooseLanguage('fr');
  await expect(post.getByTestId('post-source-app')).toHaveText('Application non communiquée par X');
  await expect(banner).toContainText('limite de publication de 24 heures');
  await page.screenshot({ path: test.info().outputPath('x-provenance-fr.png') });
  await new DisplaySettings(page).chooseLanguage('system');
});
