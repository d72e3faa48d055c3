import { expect, test } from '@playwright/test';
import { DisplaySettings } from './pages/display-settings';
import { InboxPage } from './pages/inbox-page';
import { ReportsPage } from './pages/reports-page';

test('switching to Français changes the UI at once, and the choice survives a reload', async ({
  page,
}) => {
  const inbox = new InboxPage(page);
  const settings = new DisplaySettings(page);
  await inbox.goto('Jan de Wit');
  const filters = page.getByRole('complementary', { name: 'Filters' });
  await expect(filters.getByRole('group', { name: 'Platform' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accounts' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // A mark on the window tells a switch in place from a reload.
  await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));
  await settings.chooseLanguage('fr');
  const filtres = page.getByRole('complementary', { name: 'Filtres' });
  await expect(filtres.getByRole('group', { name: 'Plateforme' })).toBeVisible();
  await expect(filtres.getByRole('radio', { name: 'Toutes les conversations' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Comptes' })).toBeVisible();
  await expect(page.getByTestId('signed-in-agent')).toContainText('Se déconnecter');
  await expect(page.getByRole('heading', { name: 'Conversations' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  expect(await page.evaluate(() => 'sameDocument' in globalThis)).toBe(true);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Comptes' })).toBeVisible();
  await settings.reveal();
  await expect(settings.language).toHaveValue('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // "System" follows the browser again: this one speaks English.
  await settings.chooseLanguage('system');
  await expect(page.getByRole('button', { name: 'Accounts' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Accounts' })).toBeVisible();
  await settings.reveal();
  await expect(settings.language).toHaveValue('system');
});

test('"System" follows the browser: a French browser opens the inbox in French', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    const inbox = new InboxPage(page);
    await inbox.goto('Jan de Wit');
    await expect(page.getByRole('complementary', { name: 'Filtres' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Comptes' })).toBeVisible();
    const settings = new DisplaySettings(page);
    await settings.reveal();
    await expect(settings.language).toHaveValue('system');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    // Counts read the French way: "452 conversations", grouped with a no-break space past 999.
    await expect(page.locator('#list-title + .total')).toHaveText(
      /^\d[\d\u00a0\u202f]* conversations?$/,
    );
  } finally {
    await context.close();
  }
});

test('the theme switch turns the UI dark at once and remembers it', async ({ page }) => {
  const inbox = new InboxPage(page);
  const settings = new DisplaySettings(page);
  await inbox.goto('Jan de Wit');
  type Styles = { getComputedStyle(element: unknown): { backgroundColor: string } };
  const background = () =>
    page
      .locator('body')
      .evaluate((body) => (globalThis as unknown as Styles).getComputedStyle(body).backgroundColor);
  const light = await background();

  await settings.chooseTheme('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).not.toBe(light);
  const dark = await background();

  await page.reload();
  await expect(inbox.list).toBeVisible();
  await settings.reveal();
  await expect(settings.theme).toHaveValue('dark');
  expect(await background()).toBe(dark);

  await settings.chooseTheme('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  await expect.poll(background).toBe(light);
});

test('the display menu closes on Esc and on a click outside, and gives the focus back', async ({
  page,
}) => {
  const inbox = new InboxPage(page);
  const settings = new DisplaySettings(page);
  await inbox.goto('Jan de Wit');
  await settings.reveal();
  await expect(settings.panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings.panel).toBeHidden();
  await expect(settings.menu).toBeFocused();

  // From the keyboard: Enter opens it, Tab reaches the switches, Esc from a switch closes it.
  await page.keyboard.press('Enter');
  await expect(settings.panel).toBeVisible();
  await settings.language.focus();
  await page.keyboard.press('Escape');
  await expect(settings.panel).toBeHidden();

  await settings.reveal();
  await page.getByRole('heading', { name: 'Conversations' }).click();
  await expect(settings.panel).toBeHidden();
});

test('a chart on screen takes the dark colours when the theme switches', async ({ page }) => {
  const inbox = new InboxPage(page);
  const settings = new DisplaySettings(page);
  await DisplaySettings.preset(page, { theme: 'light' });
  await inbox.goto('Camille Laurent');
  const reports = new ReportsPage(page);
  await reports.open();
  await reports.tab('Crisis').click();
  const chart = page.getByTestId('crisis-chart').locator('canvas');
  await expect(chart).toBeVisible();
  type Canvas = {
    width: number;
    height: number;
    getContext(kind: '2d'): {
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    };
  };
  type Styles = { getComputedStyle(element: unknown): { getPropertyValue(name: string): string } };
  /** How many of the chart's pixels are the theme's accent colour (its bars), and which it is. */
  const bars = () =>
    chart.evaluate((canvas) => {
      const doc = (globalThis as unknown as { document: { documentElement: unknown } }).document;
      const hex = (globalThis as unknown as Styles)
        .getComputedStyle(doc.documentElement)
        .getPropertyValue('--accent')
        .trim();
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const c = canvas as unknown as Canvas;
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) n++;
      return { accent: hex, pixels: n };
    });
  await expect.poll(async () => (await bars()).pixels).toBeGreaterThan(200);
  const light = await bars();

  await settings.chooseTheme('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The chart is drawn again in the dark theme's accent, with no pixel of the light one left.
  await expect.poll(async () => (await bars()).pixels).toBeGreaterThan(200);
  const dark = await bars();
  expect(dark.accent).not.toBe(light.accent);
  const leftover = await chart.evaluate((canvas, hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const c = canvas as unknown as Canvas;
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
    return n;
  }, light.accent);
  expect(leftover).toBe(0);
});

test("the reports' days read in the inbox's language, whatever the browser's, and are typed by keys", async ({
  page,
}) => {
  const inbox = new InboxPage(page);
  const settings = new DisplaySettings(page);
  await inbox.goto('Camille Laurent');
  const reports = new ReportsPage(page);
  await reports.open();
  const from = page.getByTestId('report-from');
  // An English inbox in an English browser: month first.
  await expect(from).toHaveText(/^\d{1,2}\/\d{1,2}\/\d{4}$/);
  const shown = (await from.textContent()) ?? '';
  const [month, day, year] = shown.split('/');
  await page.getByRole('button', { name: 'Back to the inbox' }).click();
  await settings.chooseLanguage('fr');
  await reports.open();
  // The same day in French: day first, as the browser (English) would not show it.
  await expect(from).toHaveText(`${day!.padStart(2, '0')}/${month!.padStart(2, '0')}/${year}`);
  // Typed segment by segment: the year goes back one, and the report's range follows.
  const asked = page.waitForRequest((r) => r.url().includes('/api/reports?'));
  await from.getByRole('spinbutton', { name: /^année/i }).press('ArrowDown');
  const url = new URL((await asked).url());
  expect(url.searchParams.get('from')?.slice(0, 4)).toBe(String(Number(year) - 1));
  await expect(from).toContainText(String(Number(year) - 1));
  await settings.chooseLanguage('system');
});
