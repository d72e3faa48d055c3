import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { InboxPage } from './pages/inbox-page';
import { tokenOf } from './pages/team';

/** The newest Facebook conversation nobody handles, opened by the manager. */
async function openFacebookConversation(page: Page, request: APIRequestContext) {
  const auth = { authorization: `Bearer ${tokenOf('Camille Laurent')}` };
  const list = (await (
    await request.get('/api/conversations?platform=facebook&status=new&sort=newest&limit=50', {
      headers: auth,
    })
  ).json()) as {
    result: { items: { id: string; assignee: string | null; author: { name: string } }[] };
  };
  const target = list.result.items.filter((c) => c.assignee == null).at(-1)!;
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  await inbox.open(target.id, target.author.name);
  return inbox;
}

test('the composer says until when a Facebook comment can be answered privately', async ({
  page,
  request,
}) => {
  const inbox = await openFacebookConversation(page, request);
  await expect(inbox.conversation.getByTestId('private-window')).toContainText(
    'Private reply possible until',
  );
  await expect(page.getByRole('radio', { name: 'Private reply' })).toBeEnabled();
});

test('marking a Facebook comment as spam hides it on the Page', async ({ page, request }) => {
  const inbox = await openFacebookConversation(page, request);
  await expect(page.getByTestId('hide-on-page')).toBeChecked();
  await page.getByTestId('status-select').selectOption('spam');
  await expect(inbox.posts.first()).toContainText('Hidden');
});

test('a saved reply in the conversation’s language, previewed with the author’s name, fills the composer', async ({
  page,
  request,
}) => {
  const auth = { authorization: `Bearer ${tokenOf('Camille Laurent')}` };
  const list = (await (
    await request.get('/api/conversations?language=fr&platform=x&status=new&limit=50', {
      headers: auth,
    })
  ).json()) as {
    result: { items: { id: string; assignee: string | null; author: { name: string } }[] };
  };
  const target = list.result.items.filter((c) => c.assignee == null).at(-2)!;
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  await inbox.open(target.id, target.author.name);

  await page.getByTestId('saved-replies').click();
  // Typing narrows the list, accents aside; Esc closes it and gives the focus back.
  const search = page.getByTestId('saved-replies-search');
  await search.fill('erstattung');
  await expect(page.getByTestId('saved-reply')).toHaveCount(1);
  await expect(page.getByTestId('saved-reply')).toContainText('Entschuldigung und Erstattung');
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
  await expect(page.getByTestId('saved-replies')).toBeFocused();
  await page.getByTestId('saved-replies').click();
  await expect(page.getByTestId('saved-reply')).toHaveCount(4);
  const first = page.getByTestId('saved-reply').first();
  await expect(first).toContainText('Excuses et remboursement');
  await expect(first).toContainText(`Bonjour ${target.author.name}, nous sommes désolés.`);
  await expect(first).toContainText('Camille Laurent, Café Aurore');
  await first.getByRole('button', { name: 'Insert' }).click();
  await expect(page.getByLabel('Reply text')).toHaveValue(
    new RegExp(`^Bonjour ${target.author.name}, nous sommes désolés\\.`),
  );
});

test('a reply X refused is shown with the reason, and can be discarded', async ({
  page,
  request,
}) => {
  const auth = { authorization: `Bearer ${tokenOf('Camille Laurent')}` };
  const list = (await (
    await request.get('/api/conversations?platform=x&language=en&status=new&limit=50', {
      headers: auth,
    })
  ).json()) as {
    result: {
      items: {
        id: string;
        rootPostId: string;
        assignee: string | null;
        author: { name: string };
      }[];
    };
  };
  const [first, second] = list.result.items.filter((c) => c.assignee == null).slice(-2);
  const text = `Thank you, we are on it (${Date.now()}).`;
  for (const c of [first!, second!]) {
    const sent = await request.post('/api/replies', {
      headers: auth,
      data: { conversationId: c.id, replyTo: c.rootPostId, text },
    });
    expect(sent.status()).toBe(200);
  }
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  await inbox.open(second!.id, second!.author.name);
  const unsent = page.getByTestId('unsent-replies');
  await expect(unsent).toContainText(/Not sent: .*duplicate/i, { timeout: 15_000 });
  await expect(unsent).toContainText(text);
  await unsent.getByRole('button', { name: 'Discard' }).click();
  await expect(unsent).toBeHidden();
});
