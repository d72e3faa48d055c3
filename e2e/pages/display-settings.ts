import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export type LanguageChoice = 'system' | 'en' | 'fr';
export type ThemeChoice = 'system' | 'light' | 'dark';

/** The language and theme switches of the top bar. */
export class DisplaySettings {
  readonly language: Locator;
  readonly theme: Locator;
  /** The top bar's button that opens the switches, and what it opens. */
  readonly menu: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.language = page.getByTestId('language-select');
    this.theme = page.getByTestId('theme-select');
    this.menu = page.getByTestId('display-menu');
    this.panel = page.getByTestId('display-panel');
  }

  /** In the top bar the switches fold into one button; on the sign-in screen they show. */
  async reveal(): Promise<void> {
    const menu = this.page.getByTestId('display-menu');
    if (!(await this.language.isVisible()) && (await menu.isVisible())) await menu.click();
    await expect(this.language).toBeVisible();
  }

  async chooseLanguage(choice: LanguageChoice): Promise<void> {
    await this.reveal();
    await this.language.selectOption(choice);
    await expect(this.language).toHaveValue(choice);
  }

  async chooseTheme(choice: ThemeChoice): Promise<void> {
    await this.reveal();
    await this.theme.selectOption(choice);
    await expect(this.theme).toHaveValue(choice);
  }

  /** Sets the choices before the app starts, as if the user had made them on an earlier visit. */
  static async preset(page: Page, choices: { language?: 'en' | 'fr'; theme?: 'light' | 'dark' }) {
    await page.addInitScript((c) => {
      const { localStorage } = globalThis as unknown as {
        localStorage: { setItem(key: string, value: string): void };
      };
      if (c.language) localStorage.setItem('social-inbox.locale', c.language);
      if (c.theme) localStorage.setItem('social-inbox.theme', c.theme);
    }, choices);
  }
}
