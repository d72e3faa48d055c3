import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { InboxPage } from './pages/inbox-page';
import { ReportsPage } from './pages/reports-page';
import { tokenOf } from './pages/team';

test('a manager opens the reports, drills down to a conversation and exports CSV', async ({
  page,
}) => {
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  const reports = new ReportsPage(page);
  await reports.open();
  await expect(reports.audit).toContainText('Intact');

  // The demo's brand answered some customers from other apps: they show as their own responder.
  const outside = reports.figure('outside', 'conversations');
  await expect(outside).toBeVisible();
  const count = Number(await outside.textContent());
  expect(count).toBeGreaterThan(0);
  await outside.click();
  await expect(reports.drill.getByRole('heading')).toContainText(`${count} conversations`);
  await expect(reports.drilled).toHaveCount(count);

  // The replies made elsewhere are listed with their app.
  await reports.tab('Outside the inbox').click();
  await expect(page.getByTestId('outside-replies').locator('tbody tr').first()).toBeVisible();

  // A figure's conversation opens in the inbox, with its posts.
  await reports.tab('Coverage').click();
  const unanswered = page.getByTestId('coverage-languages').getByRole('button').first();
  await unanswered.click();
  await expect(reports.drilled.first()).toBeVisible();
  const drilled = await reports.drilled.count();
  expect(drilled).toBeGreaterThan(0);
  // One decision for all of them: here, a tag.
  const group = await reports.groupActions();
  await group.getByTestId('group-tag').fill('coverage-review');
  await group.getByTestId('group-tag').press('Enter');
  await expect(page.getByTestId('group-outcome')).toHaveText(`${drilled} conversations changed.`);
  const first = reports.drilled.first();
  const author = (await first.locator('strong').textContent())?.trim() ?? '';
  await first.click();
  await expect(reports.screen).toBeHidden();
  await expect(inbox.conversation).toBeVisible();
  await expect(inbox.conversation).toContainText(author);
  await expect(inbox.conversation.getByText('coverage-review').first()).toBeVisible();

  await reports.open();
  const download = await reports.exportCsv();
  expect(download.suggestedFilename()).toMatch(
    /^social-inbox-figures-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toMatch(/^section,group,name,conversations,answered,/);
  expect(lines[1]).toMatch(/^team,team,Team,\d+,/);
  expect(lines.some((l) => l.startsWith('responder,outside,Outside the inbox,'))).toBe(true);
  // One table per file: every row has the header's columns.
  const columns = lines[0]!.split(',').length;
  expect(lines.filter((l) => l !== '').every((l) => l.split(',').length === columns)).toBe(true);

  const repliesFile = await reports.exportCsv('outside-replies');
  expect(repliesFile.suggestedFilename()).toMatch(/^social-inbox-outside-replies-.*\.csv$/);
  const replies = (await readFile(await repliesFile.path(), 'utf8')).split('\r\n');
  expect(replies[0]).toBe('conversation,platform,app,created_at,text');
  expect(replies.length).toBeGreaterThan(2);
});

test('an agent cannot reach the reports: no button, and the hub answers 403', async ({
  page,
  request,
}) => {
  const inbox = new InboxPage(page);
  await inbox.goto('Jan de Wit');
  await expect(page.getByTestId('open-reports')).toHaveCount(0);

  const headers = { authorization: `Bearer ${tokenOf('Jan de Wit')}` };
  const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const to = new Date().toISOString();
  for (const path of [
    `/api/reports?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    '/api/reports/crisis',
    '/api/audit/verify',
  ]) {
    const refused = await request.get(path, { headers });
    expect(refused.status(), path).toBe(403);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }
  // The same request as the manager is answered.
  const allowed = await request.get(
    `/api/reports?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    { headers: { authorization: `Bearer ${tokenOf('Camille Laurent')}` } },
  );
  expect(allowed.status()).toBe(200);
});

test("a conversation's timeline shows who did what among its posts", async ({ page, request }) => {
  const auth = { authorization: `Bearer ${tokenOf('Camille Laurent')}` };
  const list = (await (
    await request.get('/api/conversations?language=it&sort=oldest&limit=50', { headers: auth })
  ).json()) as {
    result: { items: { id: string; assignee: string | null; author: { name: string } }[] };
  };
  const target = list.result.items.find((c) => c.assignee == null);
  expect(target, 'an unassigned Italian conversation').toBeDefined();

  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  await inbox.open(target!.id, target!.author.name);
  await page.getByTestId('take').click();
  await page.getByTestId('status-select').selectOption('pending');
  const actions = inbox.conversation.getByTestId('timeline-action');
  await expect(actions.filter({ hasText: 'Camille Laurent (you) took it' })).toBeVisible();
  await expect(actions.filter({ hasText: 'set the status to Pending' })).toContainText(
    'in a browser',
  );
  // Actions come after the post they followed.
  const order = await inbox.conversation
    .locator('[data-testid="post"], [data-testid="timeline-action"]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
  expect(order[0]).toBe('post');
  expect(order.slice(-2)).toEqual(['timeline-action', 'timeline-action']);
});

test('a manager answers a group with one public statement instead of repeating a reply', async ({
  page,
}) => {
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  const reports = new ReportsPage(page);
  await reports.open();
  // The conversations someone answered from another app within the target time.
  const within = reports.responders.locator('tr[data-row="outside"] td').last().getByRole('button');
  await within.click();
  await expect(reports.drilled.first()).toBeVisible();
  const count = await reports.drilled.count();
  expect(count).toBeGreaterThan(0);

  await reports.groupActions();
  await page.getByTestId('statement-account').selectOption({ label: 'X · @CafeAurore' });
  await page.getByTestId('statement-text').fill('x'.repeat(281));
  await expect(page.getByTestId('post-statement')).toBeDisabled();
  await page
    .getByTestId('statement-text')
    .fill('One answer for everyone: refunds for the oat milk mix-up start today, in every shop.');
  await page.getByTestId('post-statement').click();
  const outcome = page.getByTestId('group-outcome');
  await expect(outcome).toContainText(`Statement posted; ${count} conversations marked done.`);
  await expect(outcome.getByRole('link', { name: 'View it' })).toHaveAttribute(
    'href',
    /^https:\/\/x\.com\/CafeAurore\/status\/\d+$/,
  );
});
