import { expect } from '@playwright/test';
import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The accounts screen and the platform sign-in pages it opens in a new tab. */
export class AccountsDialog {
  readonly dialog: Locator;
  readonly rows: Locator;
  readonly connectPanel: Locator;
  readonly banner: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('accounts-dialog');
    this.rows = this.dialog.getByTestId('account-row');
    this.connectPanel = this.dialog.getByTestId('connect-panel');
    this.banner = page.getByTestId('account-banner');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('open-accounts').click();
    await expect(this.dialog).toBeVisible();
  }

  row(accountId: string): Locator {
    return this.dialog.locator(`[data-testid="account-row"][data-account-id="${accountId}"]`);
  }

  async disconnect(accountId: string, options: { deleteHistory?: boolean } = {}): Promise<void> {
    const row = this.row(accountId);
    await row.getByRole('button', { name: 'Disconnect…' }).click();
    if (options.deleteHistory) await row.getByRole('checkbox').check();
    await row.getByTestId('confirm-disconnect').click();
    await expect(row).toHaveCount(0);
  }

  /**
   * Runs a sign-in: `start` opens the platform's page in a new tab, where the user clicks `button`;
   * returns that tab once the platform sent it back to the inbox, and the sign-in page's address.
   */
  async signIn(
    context: BrowserContext,
    start: () => Promise<void>,
    button: string,
  ): Promise<{ tab: Page; signInUrl: URL }> {
    const opened = context.waitForEvent('page');
    await start();
    const tab = await opened;
    await tab.waitForLoadState();
    const signInUrl = new URL(tab.url());
    await tab.getByRole('button', { name: button }).click();
    await expect(tab.getByRole('heading')).toHaveText(/Connected|Not connected/);
    return { tab, signInUrl };
  }
}
