import { expect } from '@playwright/test';
import type { Download, Locator, Page } from '@playwright/test';

/** The managers' reports screen. */
export class ReportsPage {
  readonly screen: Locator;
  readonly responders: Locator;
  readonly drill: Locator;
  readonly drilled: Locator;
  readonly audit: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('reports-screen');
    this.responders = page.getByTestId('responders-table');
    this.drill = page.getByTestId('report-drill');
    this.drilled = this.drill.getByTestId('drill-conversation');
    this.audit = page.getByTestId('audit-status');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('open-reports').click();
    await expect(this.screen).toBeVisible();
  }

  /** The figure of a responder's row (`outside` for replies made elsewhere), by column name. */
  figure(responder: string, column: 'conversations' | 'answered'): Locator {
    const index = column === 'conversations' ? 0 : 1;
    return this.responders.locator(`tr[data-row="${responder}"] td`).nth(index).getByRole('button');
  }

  tab(name: string | RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** Opens the actions on the drilled conversations (assign, tag, status, replies, statement). */
  async groupActions(): Promise<Locator> {
    const group = this.page.getByTestId('group-actions');
    await group.locator('summary').click();
    return group;
  }

  /** Each table of the report is its own CSV file. */
  async exportCsv(table: 'figures' | 'outside-replies' = 'figures'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(table === 'figures' ? 'export-csv' : 'export-outside-csv').click();
    return download;
  }
}
