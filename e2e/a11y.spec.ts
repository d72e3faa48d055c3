import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { DisplaySettings } from './pages/display-settings';
import { InboxPage } from './pages/inbox-page';
import { ReportsPage } from './pages/reports-page';
import { tokenOf } from './pages/team';
import { TranslatedReply } from './pages/translated-reply';

/**
 * axe-core on the main screens, in both languages and both themes: no serious or critical WCAG 2.1
 * A/AA violation. With SHOTS_DIR set, each screen is also saved there as a 1440×900 screenshot.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const shots = process.env.SHOTS_DIR;

async function check(page: Page, screen: string): Promise<void> {
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `${screen}.png`) });
  }
  const { violations, passes } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // The rules did run on the screen: many pass.
  expect(passes.length).toBeGreaterThan(10);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
          )
          .join('\n'),
    )
    .join('\n');
  expect(bad.length, `${screen}: accessibility violations\n${report}`).toBe(0);
}

for (const language of ['en', 'fr'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${language}, ${theme}`, () => {
      const name = (screen: string) => `${screen}-${language}-${theme}`;

      test.beforeEach(async ({ page }) => {
        await page.setViewportSize({ width: 1440, height: 900 });
        await DisplaySettings.preset(page, { language, theme });
      });

      test('the sign-in screen', async ({ page }) => {
        await page.goto('/');
        await expect(page.getByTestId('sign-in')).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await check(page, name('sign-in'));
      });

      test('the inbox, a conversation, the accounts and team dialogs', async ({ page }) => {
        const inbox = new InboxPage(page);
        await inbox.goto('Camille Laurent');
        await expect(inbox.rows.nth(5)).toBeVisible();
        await check(page, name('inbox'));
        await inbox.rows.nth(2).click();
        await expect(inbox.conversation).toBeVisible();
        await expect(inbox.posts.first()).toBeVisible();
        await check(page, name('conversation'));

        await page.getByTestId('open-accounts').click();
        const accounts = page.getByTestId('accounts-dialog');
        await expect(accounts.getByTestId('account-row').first()).toBeVisible();
        await check(page, name('accounts'));
        await page.keyboard.press('Escape');
        await expect(accounts).toBeHidden();

        await page.getByTestId('open-team').click();
        const team = page.getByTestId('team-dialog');
        await expect(team.getByTestId('agent-row').first()).toBeVisible();
        await check(page, name('team'));
      });

      test('the composer writing in the agent’s language', async ({ page, request }) => {
        // A Dutch mention for Camille, who writes French: her draft and the Dutch that is sent.
        const list = (await (
          await request.get('/api/conversations?language=nl&platform=x&limit=20', {
            headers: { authorization: `Bearer ${tokenOf('Camille Laurent')}` },
          })
        ).json()) as { result: { items: { id: string; author: { name: string } }[] } };
        const target = list.result.items.at(-2)!;
        const inbox = new InboxPage(page);
        await inbox.goto('Camille Laurent');
        await inbox.open(target.id, target.author.name);
        const reply = new TranslatedReply(page);
        await reply.writeInOwnLanguage();
        await reply.draftAndTranslate(
          'Bonjour, oui, ce café est ouvert le dimanche de 8 h à 18 h. À bientôt !',
          'Hallo, ja, dat café is op zondag open van 8.00 tot 18.00 uur. Tot snel!',
        );
        await check(page, name('composer-translate'));
      });

      test('the reports, a drill-down and the crisis view', async ({ page }) => {
        const inbox = new InboxPage(page);
        await inbox.goto('Camille Laurent');
        const reports = new ReportsPage(page);
        await reports.open();
        await expect(reports.responders).toBeVisible();
        await reports.figure('outside', 'conversations').click();
        await expect(reports.drilled.first()).toBeVisible();
        await check(page, name('reports'));
        await page.getByRole('tab').last().click();
        await expect(page.getByTestId('crisis-chart')).toBeVisible();
        await check(page, name('crisis'));
      });
    });
  }
}
