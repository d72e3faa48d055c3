import type { Locator, Page } from '@playwright/test';

/** Working together on the open conversation: presence, the note composer, notes, toasts. */
export class CollabPanel {
  readonly header: Locator;
  readonly replyingIndicator: Locator;
  readonly replyBox: Locator;
  readonly noteTab: Locator;
  readonly noteBox: Locator;
  readonly mentionPicker: Locator;
  readonly addNote: Locator;
  readonly notes: Locator;
  readonly toasts: Locator;

  constructor(readonly page: Page) {
    const view = page.getByTestId('conversation-view');
    this.header = view.locator('.conversation-header');
    this.replyingIndicator = page.getByTestId('replying-indicator');
    this.replyBox = page.getByLabel('Reply text');
    this.noteTab = page.getByRole('tab', { name: 'Internal note' });
    this.noteBox = page.getByRole('combobox', { name: 'Note text' });
    this.mentionPicker = page.getByRole('listbox', { name: 'Team members' });
    this.addNote = page.getByTestId('add-note');
    this.notes = view.getByTestId('note');
    this.toasts = page.getByTestId('toast');
  }

  /** Who the header shows as also here (their names, as a screen reader reads them). */
  viewersInHeader(): Locator {
    return this.header.getByTestId('viewers');
  }

  viewersInRow(row: Locator): Locator {
    return row.getByTestId('viewers');
  }
}

/**
 * Records the system notifications the page asks for (the browser's own Notification still runs),
 * so a test can see them without an OS notification center.
 */
export async function recordSystemNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Options = { body?: string; tag?: string };
    type NotificationClass = new (title: string, options?: Options) => object;
    const scope = globalThis as unknown as {
      Notification: NotificationClass;
      shownNotifications: { title: string; body: string | undefined }[];
    };
    const Real = scope.Notification;
    const shown: { title: string; body: string | undefined }[] = [];
    scope.shownNotifications = shown;
    class Recording extends Real {
      constructor(title: string, options?: Options) {
        shown.push({ title, body: options?.body });
        super(title, options);
      }
    }
    Object.defineProperty(scope, 'Notification', { value: Recording, configurable: true });
  });
}

export function shownNotifications(page: Page): Promise<{ title: string; body?: string }[]> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { shownNotifications?: { title: string; body?: string }[] })
        .shownNotifications ?? [],
  );
}
