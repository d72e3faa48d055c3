import type { Locator, Page } from '@playwright/test';

/** The translation section of the Accounts dialog (managers). */
export class TranslationSettings {
  readonly section: Locator;
  readonly provider: Locator;
  readonly libreTranslateUrl: Locator;
  readonly keyState: Locator;
  readonly key: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('translation-settings');
    this.provider = this.section.getByTestId('translation-provider');
    this.libreTranslateUrl = this.section.getByTestId('translation-libretranslate-url');
    this.keyState = this.section.getByTestId('translation-key-state');
    this.key = this.section.getByTestId('translation-key');
    this.save = this.section.getByTestId('translation-save');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('open-accounts').click();
    await this.section.waitFor();
  }
}
