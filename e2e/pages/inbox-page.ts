import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { signInAs } from './team';
import type { DemoAgent } from './team';

/** The inbox screen: the conversation list, the filters and the open conversation. */
export class InboxPage {
  readonly list: Locator;
  readonly rows: Locator;
  readonly conversation: Locator;
  readonly posts: Locator;
  readonly accounts: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('conversation-list');
    this.rows = page.getByTestId('conversation-row');
    this.conversation = page.getByTestId('conversation-view');
    this.posts = this.conversation.getByTestId('post');
    this.accounts = page.getByTestId('account-chip');
    this.search = page.getByRole('searchbox');
  }

  /** Opens the inbox signed in as a demo agent (the manager unless told). */
  async goto(agent: DemoAgent = 'Camille Laurent'): Promise<void> {
    await signInAs(this.page, agent);
    await expect(this.list).toBeVisible();
  }

  rowsOf(platform: 'x' | 'facebook'): Locator {
    return this.page.locator(`[data-testid="conversation-row"][data-platform="${platform}"]`);
  }

  row(conversationId: string): Locator {
    return this.page.locator(
      `[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`,
    );
  }

  /** Narrows the list with the search box, then opens the conversation. */
  async open(conversationId: string, searchText: string): Promise<void> {
    await this.search.fill(searchText);
    await this.row(conversationId).click();
    await expect(this.conversation).toBeVisible();
  }
}
