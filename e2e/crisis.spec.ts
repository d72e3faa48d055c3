import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DisplaySettings } from './pages/display-settings';
import { InboxPage } from './pages/inbox-page';
import { ReportsPage } from './pages/reports-page';

/**
 * The demo's crisis as a manager sees it: the morning's spike, the hidden-camera report's story in
 * six languages, a window chosen with the keyboard, one language's conversations to answer with one
 * statement. With SHOTS_DIR set, the view is saved there, whole, in both languages and themes.
 */
const shots = process.env.SHOTS_DIR;

test('the crisis view names the demo’s spike and its story in six languages', async ({ page }) => {
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  const reports = new ReportsPage(page);
  await reports.open();
  await reports.tab('Crisis').click();

  const banner = page.getByTestId('crisis-banner');
  await expect(banner).toContainText(/^Largest spike: \d+ arrivals in the hour from .+×/);
  await expect(banner).not.toContainText(/usual level of 0 per hour/);
  const story = page.getByTestId('story').filter({ hasText: 'youtube.com/watch?v=Kq3oatVt9Xs' });
  await expect(story).toHaveCount(1);
  await expect(story.getByTestId('story-language')).toHaveCount(6);

  // The window, by keyboard: the radio group moves with the arrows.
  const window = page.getByTestId('crisis-window');
  await window.getByRole('radio', { name: '24 hours' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(window.getByRole('radio', { name: '72 hours' })).toBeChecked();
  await expect(
    page.getByRole('heading', { name: 'Arrivals per hour, last 72 hours' }),
  ).toBeVisible();

  // One language's conversations, to answer them with one statement in German.
  await page.getByRole('radio', { name: '24 hours' }).check();
  const german = story.getByTestId('story-language').filter({ hasText: 'German' });
  const count = Number(/\((\d+)\)/.exec((await german.textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThan(0);
  await german.click();
  await expect(reports.drilled).toHaveCount(count);
  const group = await reports.groupActions();
  await expect(group.getByTestId('post-statement')).toBeVisible();
});

if (shots)
  for (const language of ['en', 'fr'] as const)
    for (const theme of ['light', 'dark'] as const)
      test(`the crisis view, ${language}, ${theme} (screenshot)`, async ({ page }) => {
        await page.setViewportSize({ width: 1440, height: 900 });
        await DisplaySettings.preset(page, { language, theme });
        const inbox = new InboxPage(page);
        await inbox.goto('Camille Laurent');
        await new ReportsPage(page).open();
        await page.getByRole('tab').last().click();
        await expect(page.getByTestId('story').first()).toBeVisible();
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: join(shots, `crisis-${language}-${theme}.png`) });
        await page
          .getByTestId('crisis-view')
          .screenshot({ path: join(shots, `crisis-whole-${language}-${theme}.png`) });
      });
