import { expect, test } from '@playwright/test';
import { AccountsDialog } from './pages/accounts-dialog';
import { InboxPage } from './pages/inbox-page';

// The demo's brand account and Pages (resources/demo-scenario.json).
const X_ACCOUNT = 'x:131402758';
const PAGE = { id: 'facebook:104857362910384', name: 'Café Aurore' };

test.describe.configure({ mode: 'serial' });

test('disconnects the X account, keeps its history, and connects it again through X sign-in', async ({
  page,
  context,
}) => {
  const inbox = new InboxPage(page);
  const accounts = new AccountsDialog(page);
  await inbox.goto();
  await expect(inbox.rowsOf('x').first()).toBeVisible();
  await accounts.open();
  await expect(accounts.rows).toHaveCount(3);

  await accounts.disconnect(X_ACCOUNT);
  await expect(inbox.accounts).toHaveCount(2);
  // History stays: X conversations are still listed.
  await expect(inbox.rowsOf('x').first()).toBeAttached();

  const { tab } = await accounts.signIn(
    context,
    () => accounts.dialog.getByTestId('connect-x').click(),
    'Authorize app',
  );
  await expect(tab.getByText('You can close this tab')).toBeVisible();
  await expect(accounts.dialog.getByTestId('connect-done')).toContainText('@CafeAurore');
  await expect(accounts.row(X_ACCOUNT)).toBeVisible();
  await expect(inbox.accounts).toHaveCount(3);
});

test('connects a chosen Facebook Page through Facebook Login', async ({ page, context }) => {
  const inbox = new InboxPage(page);
  const accounts = new AccountsDialog(page);
  await inbox.goto();
  await accounts.open();
  await accounts.disconnect(PAGE.id);
  await expect(inbox.accounts).toHaveCount(2);

  await accounts.signIn(
    context,
    () => accounts.dialog.getByTestId('connect-facebook').click(),
    'Continue',
  );
  const choice = accounts.connectPanel.getByRole('group', { name: 'Which Pages' });
  await expect(choice.getByRole('checkbox')).toHaveCount(2);
  // The Page not connected is offered checked; the one still connected is not.
  await expect(choice.getByRole('checkbox', { name: /^Café Aurore$/ })).toBeChecked();
  await expect(choice.getByRole('checkbox', { name: /Nederland/ })).not.toBeChecked();
  await accounts.dialog.getByTestId('connect-pages').click();
  await expect(accounts.dialog.getByTestId('connect-done')).toContainText(PAGE.name);
  await expect(accounts.row(PAGE.id)).toBeVisible();
  await expect(inbox.accounts).toHaveCount(3);
});

test('says the user declined when the sign-in is cancelled', async ({ page, context }) => {
  const accounts = new AccountsDialog(page);
  await new InboxPage(page).goto();
  await accounts.open();
  await accounts.signIn(context, () => accounts.dialog.getByTestId('connect-x').click(), 'Cancel');
  await expect(accounts.dialog.getByTestId('connect-failed')).toHaveText(
    'X access was not granted: the account is not connected',
  );
});

test('shows a banner when X access is withdrawn, and reconnects from it', async ({
  page,
  context,
  request,
}) => {
  const inbox = new InboxPage(page);
  const accounts = new AccountsDialog(page);
  await inbox.goto();
  // Sign in once through the UI, to learn where the platform's pages are, then withdraw the
  // app's access on the platform's side, as a user does in X's settings.
  await accounts.open();
  const { signInUrl } = await accounts.signIn(
    context,
    () => accounts.dialog.getByTestId('connect-x').click(),
    'Authorize app',
  );
  await page.keyboard.press('Escape');
  await expect(accounts.dialog).toBeHidden();
  // The demo's platforms are the emulator, whose test controls sit next to its sign-in pages.
  const revoked = await request.post(`${signInUrl.origin}/__emulator/revoke-grants`, {
    data: { platform: 'x', user_id: '131402758' },
  });
  expect((await revoked.json()) as { revoked: number }).toMatchObject({
    revoked: expect.any(Number),
  });

  await expect(accounts.banner).toContainText('@CafeAurore on X', { timeout: 30_000 });
  await expect(accounts.banner).toContainText(/withdrawn|expired/);
  const { tab: reconnect } = await accounts.signIn(
    context,
    () => accounts.banner.getByTestId('banner-reconnect').click(),
    'Authorize app',
  );
  await expect(reconnect.getByText('You can close this tab')).toBeVisible();
  await expect(accounts.banner).toHaveCount(0, { timeout: 30_000 });
});
