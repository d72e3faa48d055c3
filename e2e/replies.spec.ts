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
