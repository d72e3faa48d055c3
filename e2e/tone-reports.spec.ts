import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { DisplaySettings } from './pages/display-settings';
import { InboxPage } from './pages/inbox-page';
import { ReportsPage } from './pages/reports-page';

/**
 * The reports read from the customers' tone and language, on the demo: answers in their language,
 * reassurance, what customer service should hear (and its CSV), the negative share on the crisis
 * chart. Each tab is checked by axe-core in both languages and themes; with SHOTS_DIR set, each is
 * also saved there as a 1440×900 screenshot.
 */
const shots = process.env.SHOTS_DIR;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axeClean(page: Page, screen: string): Promise<void> {
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `${screen}.png`) });
  }
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, screen).toEqual([]);
}

test('a manager reads answers in each language, reassurance and what customer service should hear', async ({
  page,
}) => {
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  const reports = new ReportsPage(page);
  await reports.open();

  await reports.tab('Languages').click();
  const languages = page.getByTestId('language-answers');
  await expect(languages.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('language-answers-lead')).toContainText(
    /^\d+% of the answered conversations got their first answer in the customer’s language\.$/,
  );
  const answered = languages.locator('tbody tr').first().getByRole('button').first();
  const count = Number(await answered.textContent());
  await answered.click();
  await expect(reports.drilled).toHaveCount(count);

  await reports.tab('Reassurance').click();
  await expect(page.getByTestId('reassurance-lead')).toContainText(/that began negative ended/);
  const began = page.getByTestId('reassurance-languages').locator('tbody tr').first();
  const negative = began.getByRole('button').first();
  const opened = Number(await negative.textContent());
  await negative.click();
  await expect(reports.drilled).toHaveCount(opened);

  await reports.tab('For customer service').click();
  await expect(
    page.getByRole('heading', { name: 'What customer service should hear' }),
  ).toBeVisible();
  await expect(page.getByTestId('complaints-lead')).toContainText(/negative posts? in \d+/);
  await expect(
    page.getByTestId('complaint-words').first().locator('tbody tr').first(),
  ).toBeVisible();
  const word = page.getByTestId('complaint-words').locator('tbody th button').first();
  await word.click();
  await expect(reports.drilled.first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-complaints-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^social-inbox-complaints-.*\.csv$/);
  const lines = (await readFile(await file.path(), 'utf8')).split('\r\n');
  expect(lines[0]).toBe(
    'kind,language,story_or_word,posts,conversations,languages,shared,example_1,example_2,example_3,from,to',
  );
  expect(lines.some((l) => l.startsWith('word,'))).toBe(true);

  await reports.tab('Crisis').click();
  await expect(page.getByTestId('crisis-chart')).toBeVisible();
  await expect(page.getByTestId('crisis-negative-note')).toBeVisible();
  // The chart's figures, also in a table: each hour's negative share, in percent or a dash.
  const hours = page.getByTestId('crisis-hours');
  await expect(hours.locator('thead th').nth(2)).toHaveText('Negative share (%)');
  const shares = await hours.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(shares.length).toBe(24);
  expect(shares.every((s) => s === '—' || (Number(s) >= 0 && Number(s) <= 100))).toBe(true);
  expect(shares.some((s) => s !== '—')).toBe(true);
});

for (const language of ['en', 'fr'] as const)
  for (const theme of ['light', 'dark'] as const)
    test(`the new tabs, ${language}, ${theme}: axe-clean`, async ({ page }) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await DisplaySettings.preset(page, { language, theme });
      const inbox = new InboxPage(page);
      await inbox.goto('Camille Laurent');
      const reports = new ReportsPage(page);
      await reports.open();
      const tabs = page.getByRole('tab');
      const name = (screen: string) => `${screen}-${language}-${theme}`;
      await tabs.nth(2).click();
      await expect(page.getByTestId('language-answers')).toBeVisible();
      await axeClean(page, name('languages'));
      await tabs.nth(3).click();
      await expect(page.getByTestId('reassurance-languages')).toBeVisible();
      await axeClean(page, name('reassurance'));
      await tabs.nth(4).click();
      await expect(page.getByTestId('complaint-words').first()).toBeVisible();
      await axeClean(page, name('complaints'));
      if (shots)
        await page
          .getByTestId('complaints')
          .screenshot({ path: join(shots, `${name('complaints-whole')}.png`) });
      await tabs.last().click();
      await expect(page.getByTestId('crisis-chart')).toBeVisible();
      await axeClean(page, name('crisis-negative'));
    });
