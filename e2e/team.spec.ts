import { expect, test } from '@playwright/test';
import { InboxPage } from './pages/inbox-page';
import { tokenOf } from './pages/team';
import { LanguagePicker } from './pages/language-picker';

test('a browser signs in with a personal token, and a wrong one is refused', async ({ page }) => {
  await page.goto('/');
  const form = page.getByTestId('sign-in');
  await expect(form).toBeVisible();
  const field = form.getByLabel('Personal token');
  await field.fill('sia_not-a-real-token');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByRole('alert')).toHaveText('This token does not belong to any agent');

  await field.fill(tokenOf('Jan de Wit'));
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-agent')).toContainText('Jan de Wit');
  await expect(page.getByTestId('signed-in-agent')).toContainText('Agent');
  // The token is kept by the hub in an HttpOnly cookie, out of the page's reach.
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'inbox_session')).toMatchObject({
    httpOnly: true,
    sameSite: 'Strict',
  });
  expect(await page.evaluate('document.cookie')).toBe('');

  await page.reload();
  await expect(page.getByTestId('signed-in-agent')).toContainText('Jan de Wit');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('sign-in')).toBeVisible();
});

test('an agent sees the accounts but cannot connect or disconnect them', async ({ page }) => {
  const inbox = new InboxPage(page);
  await inbox.goto('Jan de Wit');
  await page.getByTestId('open-accounts').click();
  const dialog = page.getByTestId('accounts-dialog');
  await expect(dialog.getByTestId('account-row')).toHaveCount(3);
  await expect(dialog.getByRole('button', { name: 'Disconnect…' })).toHaveCount(0);
  await expect(dialog).toContainText('Only a manager connects or disconnects accounts.');
});

test('a manager adds an agent, whose token (shown once) signs in another browser', async ({
  page,
  browser,
}) => {
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  await page.getByTestId('open-team').click();
  const dialog = page.getByTestId('team-dialog');
  await expect(dialog.getByTestId('agent-row')).toHaveCount(3);
  await dialog.getByLabel('Name').fill('Sven Berg');
  const languages = new LanguagePicker(dialog.getByTestId('new-agent-languages'));
  await languages.choose('Swed', 'Swedish');
  await languages.choose('en', 'English');
  // Backspace in the empty field drops the last one.
  await languages.input.press('Backspace');
  await expect(languages.chips).toHaveText(['Swedish']);
  await languages.choose('en', 'English');
  await dialog.getByRole('button', { name: 'Add agent' }).click();
  const shown = dialog.getByTestId('new-agent-token');
  await expect(shown).toContainText('Sven Berg signs in with this personal token');
  const token = (await shown.locator('code').textContent())!.trim();
  await expect(dialog.getByTestId('agent-row')).toHaveCount(4);
  await page.keyboard.press('Escape');
  await page.getByTestId('open-team').click();
  await expect(dialog.getByTestId('new-agent-token')).toHaveCount(0);

  // Another agent, on another machine: a second browser context.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto('/');
  await second.getByLabel('Personal token').fill(token);
  await second.getByRole('button', { name: 'Sign in' }).click();
  await expect(second.getByTestId('signed-in-agent')).toContainText('Sven Berg');
  await expect(second.getByTestId('conversation-list')).toBeVisible();
  await other.close();
});

test('a manager changes an agent’s languages, renews their token, then removes them', async ({
  page,
  request,
  browser,
}) => {
  const manager = { authorization: `Bearer ${tokenOf('Camille Laurent')}` };
  const made = await request.post('/api/agents', {
    headers: manager,
    data: { name: 'Rita Sousa', languages: ['pt'] },
  });
  const { token: first } = (await made.json()).result as { token: string };
  const whoIs = async (token: string) =>
    (await request.get('/api/session', { headers: { authorization: `Bearer ${token}` } })).status();
  expect(await whoIs(first)).toBe(200);

  // Rita works in her own browser while the manager changes her token.
  const hers = await browser.newContext();
  const rita = await hers.newPage();
  await rita.goto('/');
  await rita.getByLabel('Personal token').fill(first);
  await rita.getByRole('button', { name: 'Sign in' }).click();
  await expect(rita.getByTestId('conversation-list')).toBeVisible();

  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  await page.getByTestId('open-team').click();
  const dialog = page.getByTestId('team-dialog');
  const row = dialog.locator('[data-testid="agent-row"][data-agent="Rita Sousa"]');
  await row.getByRole('button', { name: 'Edit' }).click();
  const spoken = new LanguagePicker(row.getByTestId('edit-languages'));
  await expect(spoken.chips).toHaveText(['Portuguese']);
  await spoken.choose('es', 'Spanish');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('Portuguese, Spanish');

  await row.getByRole('button', { name: 'New token' }).click();
  await row.getByTestId('confirm-agent-change').click();
  const shown = dialog.getByTestId('new-agent-token');
  await expect(shown).toContainText('Rita Sousa’s new personal token');
  const second = (await shown.locator('code').textContent())!.trim();
  expect(await whoIs(first)).toBe(401);
  expect(await whoIs(second)).toBe(200);
  // Her open window is signed out at once, without waiting for her next call.
  await expect(rita.getByTestId('sign-in')).toBeVisible({ timeout: 3000 });
  await expect(rita.getByTestId('sign-in')).toContainText('Your session ended: sign in again.');
  await hers.close();

  await row.getByRole('button', { name: 'Remove' }).click();
  await row.getByTestId('confirm-agent-change').click();
  await expect(dialog.getByRole('status')).toContainText('Rita Sousa was removed');
  await expect(row).toContainText('Removed');
  expect(await whoIs(second)).toBe(401);
});
