import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { DisplaySettings } from './pages/display-settings';
import { InboxPage } from './pages/inbox-page';
import { ReportsPage } from './pages/reports-page';
import { mentionArrives } from './pages/rules-dialog';
import { tokenOf } from './pages/team';

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

/** A reply of the demo's reply book, which the emulated DeepL knows in every language. */
const SUNDAY = {
  fr: 'Bonjour, oui, ce café est ouvert le dimanche de 8 h à 18 h. À bientôt !',
  nl: 'Hallo, ja, dat café is op zondag open van 8.00 tot 18.00 uur. Tot snel!',
};

/** Camille answers a Dutch mention: drafted in French, sent in Dutch by the inbox. */
async function translatedAnswer(request: APIRequestContext): Promise<void> {
  const token = tokenOf('Camille Laurent');
  const headers = { authorization: `Bearer ${token}` };
  const tweet = await mentionArrives(request, token, {
    username: 'daan_bakker',
    name: 'Daan Bakker',
    text: '@CafeAurore Is het café in het station op zondag open?',
    lang: 'nl',
  });
  const id = `x:${tweet}`;
  const opened = () => request.get(`/api/conversations/${encodeURIComponent(id)}`, { headers });
  await expect.poll(async () => (await opened()).status(), { timeout: 30_000 }).toBe(200);
  const translated = await request.post('/api/replies/translate', {
    headers,
    data: { conversationId: id, text: SUNDAY.fr, source: 'fr' },
  });
  expect(translated.status()).toBe(200);
  const { result } = (await translated.json()) as { result: { text: string; provider: string } };
  expect(result.text).toBe(SUNDAY.nl);
  const sent = await request.post('/api/replies', {
    headers,
    data: {
      conversationId: id,
      replyTo: id,
      text: result.text,
      takeOver: true,
      confirmRepeat: true,
      translation: {
        draft: SUNDAY.fr,
        draftLanguage: 'fr',
        language: 'nl',
        provider: result.provider,
      },
    },
  });
  expect(sent.status()).toBe(200);
  // The reply joins the conversation once X has it.
  await expect
    .poll(
      async () => {
        const body = (await (await opened()).json()) as {
          result: { posts: { direction: string }[] };
        };
        return body.result.posts.filter((p) => p.direction === 'outbound').length;
      },
      { timeout: 30_000 },
    )
    .toBe(1);
}

test('the languages tab marks the answers the inbox sent translated, and lists them', async ({
  page,
  request,
}) => {
  await translatedAnswer(request);
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  const reports = new ReportsPage(page);
  await reports.open();
  await reports.tab('Languages').click();
  await expect(page.getByTestId('language-answers-translated')).toContainText(
    /the answer was drafted in the agent’s language and sent translated by the inbox\.$/,
  );
  const dutch = page.getByTestId('language-answers').locator('tr[data-row="nl"]');
  const headers = await page.getByTestId('language-answers').locator('thead th').allTextContents();
  const column = headers.indexOf('of which translated');
  expect(column).toBeGreaterThan(0);
  // The row's cells after its heading: the column's figure opens the conversations behind it.
  const figure = dutch
    .locator('td')
    .nth(column - 1)
    .getByRole('button');
  const count = Number(await figure.textContent());
  expect(count).toBeGreaterThanOrEqual(1);
  await figure.click();
  await expect(reports.drilled).toHaveCount(count);
  await expect(reports.drilled.filter({ hasText: 'Daan Bakker' })).toHaveCount(1);
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'languages-translated-drill.png') });
  }
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
