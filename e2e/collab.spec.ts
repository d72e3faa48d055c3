import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { CollabPanel, recordSystemNotifications, shownNotifications } from './pages/collab';
import { InboxPage } from './pages/inbox-page';
import { tokenOf } from './pages/team';
import type { DemoAgent } from './pages/team';

/** An agent at their own machine; `notifications` grants system notifications to the site. */
async function agentAt(
  browser: Browser,
  agent: DemoAgent,
  options: { notifications?: boolean } = {},
) {
  const context = await browser.newContext({
    permissions: options.notifications ? ['notifications'] : [],
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await recordSystemNotifications(page);
  const inbox = new InboxPage(page);
  await inbox.goto(agent);
  return { context, page, inbox, collab: new CollabPanel(page) };
}

/** WCAG A/AA problems in the parts of the page this feature adds. */
async function accessibilityProblems(page: Page, selectors: string[]) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of selectors) builder = builder.include(selector);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('two agents see each other on a conversation, and a note mentioning Lucía reaches her at once', async ({
  browser,
  playwright,
  baseURL,
}) => {
  // A Facebook conversation nobody else's test touches: deep in the new ones.
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${tokenOf('Camille Laurent')}` },
  });
  const list = await (
    await api.get('/api/conversations?platform=facebook&status=new&limit=60')
  ).json();
  const target = list.result.items[45] as { id: string; author: { name: string } };
  await api.dispose();

  const jan = await agentAt(browser, 'Jan de Wit');
  const lucia = await agentAt(browser, 'Lucía Ortega', { notifications: true });
  try {
    // Lucía has the conversation open; Jan opens it: she sees him in the list and the header.
    await lucia.inbox.open(target.id, target.author.name);
    await expect(lucia.page.getByTestId('notifications-on')).toBeVisible();
    await jan.inbox.open(target.id, target.author.name);
    await expect(lucia.collab.viewersInHeader()).toContainText('Jan de Wit is viewing', {
      timeout: 1000,
    });
    await expect(lucia.collab.viewersInRow(lucia.inbox.row(target.id))).toContainText(
      'Jan de Wit is viewing',
      { timeout: 1000 },
    );
    // Nobody sees themselves.
    await expect(jan.collab.viewersInHeader()).toContainText('Lucía Ortega is viewing');
    await expect(jan.collab.viewersInHeader()).not.toContainText('Jan de Wit');
    await lucia.page.screenshot({ path: test.info().outputPath('presence-viewing.png') });

    // Jan starts a reply: Lucía is told, and warned once she starts one too.
    await jan.collab.replyBox.fill('Hallo! We kijken er meteen naar.');
    await expect(lucia.collab.replyingIndicator).toHaveText('Jan de Wit is replying…', {
      timeout: 1000,
    });
    await expect(lucia.collab.viewersInHeader()).toContainText('Jan de Wit is replying');
    await lucia.collab.replyBox.fill('Hola');
    await expect(lucia.collab.replyingIndicator).toHaveText(
      'Jan de Wit is already replying to this conversation',
    );
    await lucia.page.screenshot({ path: test.info().outputPath('presence-replying.png') });
    await lucia.collab.replyBox.fill('');
    await lucia.collab.replyBox.blur();

    // Jan writes an internal note and picks Lucía from the @ list with the keyboard.
    await jan.collab.noteTab.click();
    await jan.collab.noteBox.fill('@Luc');
    await expect(jan.collab.mentionPicker.getByRole('option')).toHaveCount(1);
    await expect(jan.collab.mentionPicker.getByRole('option')).toContainText('Lucía Ortega');
    await jan.page.screenshot({ path: test.info().outputPath('mention-picker.png') });
    expect(await accessibilityProblems(jan.page, ['[data-testid="compose-area"]'])).toEqual([]);
    await jan.collab.noteBox.press('Enter');
    await expect(jan.collab.noteBox).toHaveValue('@Lucía Ortega ');
    await jan.collab.noteBox.pressSequentially('she writes in Spanish, can you take it?');
    await jan.page.screenshot({ path: test.info().outputPath('note-composer.png') });
    await jan.collab.addNote.click();
    const text = '@Lucía Ortega she writes in Spanish, can you take it?';
    await expect(jan.collab.notes.last()).toContainText(text);

    // Lucía sees it in the timeline, marked internal, and is notified.
    const note = lucia.collab.notes.last();
    await expect(note).toContainText(text, { timeout: 1000 });
    await expect(note).toContainText('Internal note');
    await expect(note).toContainText('Only visible to the team');
    await expect(lucia.collab.toasts.last()).toContainText('Jan de Wit mentioned you in a note');
    await expect(lucia.page.getByRole('status').filter({ hasText: 'mentioned you' })).toBeVisible();
    await expect
      .poll(() => shownNotifications(lucia.page))
      .toContainEqual({ title: 'Jan de Wit mentioned you in a note', body: text });
    // Jan is not notified of his own note; his browser never granted system notifications.
    await expect(jan.collab.toasts).toHaveCount(0);
    await expect(jan.page.getByTestId('notifications-on')).toHaveCount(0);
    expect(await shownNotifications(jan.page)).toEqual([]);
    await lucia.page.screenshot({ path: test.info().outputPath('note-and-toast.png') });
    expect(
      await accessibilityProblems(lucia.page, [
        '[data-testid="note"]',
        '[data-testid="toasts"]',
        '[data-testid="viewers"]',
      ]),
    ).toEqual([]);

    // The toast opens the conversation.
    await lucia.collab.toasts.last().getByRole('button', { name: 'Open' }).click();
    await expect(lucia.inbox.conversation).toHaveAttribute('data-conversation-id', target.id);
    await expect(lucia.collab.toasts).toHaveCount(0);

    // Jan closes his window: he is gone from Lucía's screen.
    await jan.context.close();
    await expect(lucia.collab.viewersInHeader()).toHaveCount(0, { timeout: 3000 });
  } finally {
    await jan.context.close();
    await lucia.context.close();
  }
});

test('a conversation a manager assigns to Lucía notifies her, and the notification opens it', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const lucia = await agentAt(browser, 'Lucía Ortega', { notifications: true });
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${tokenOf('Camille Laurent')}` },
  });
  try {
    const list = await (
      await api.get('/api/conversations?platform=x&status=new&assignee=unassigned&limit=60')
    ).json();
    const target = list.result.items[40] as {
      id: string;
      version: number;
      author: { name: string };
    };
    const me = await (await lucia.page.request.get('/api/session')).json();
    const assigned = await api.post('/api/conversations/update', {
      data: { id: target.id, version: target.version, assignee: me.result.id },
    });
    expect(assigned.status()).toBe(200);

    const toast = lucia.collab.toasts.filter({ hasText: 'Camille Laurent assigned you' });
    await expect(toast).toContainText(`From ${target.author.name}`, { timeout: 1000 });
    await expect
      .poll(() => shownNotifications(lucia.page))
      .toContainEqual({
        title: 'Camille Laurent assigned you a conversation',
        body: `From ${target.author.name}`,
      });
    await toast.getByRole('button', { name: 'Open' }).click();
    await expect(lucia.inbox.conversation).toHaveAttribute('data-conversation-id', target.id);
    await expect(lucia.page.getByTestId('assignee-select').locator('option:checked')).toHaveText(
      'Lucía Ortega (you)',
    );
  } finally {
    await api.dispose();
    await lucia.context.close();
  }
});
