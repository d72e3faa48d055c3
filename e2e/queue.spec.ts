import { expect, test } from '@playwright/test';
import type { ConversationStatus, Priority } from '../src/shared';
import { InboxPage } from './pages/inbox-page';
import { QueuePage, TeamApi } from './pages/queue-page';
import { tokenOf } from './pages/team';

/**
 * These tests work on the oldest Italian and Spanish conversations (other specs use the newest),
 * and give every conversation they assign back to the team when they end.
 */

test('keyboard-only triage of ten conversations', async ({ page, request }) => {
  // Ten conversations, each taken or assigned, tagged and given a status, two a priority.
  test.setTimeout(120_000);
  const api = new TeamApi(request, 'Lucía Ortega');
  const camille = new TeamApi(request, 'Camille Laurent');
  const me = await api.whoAmI();
  const camilleId = (await camille.whoAmI()).id;
  // Lucía's own view of the oldest Italian conversations, ready before she starts (kept from a
  // first try: her views cannot share a name).
  const views = await request.get('/api/views', {
    headers: { authorization: `Bearer ${tokenOf('Lucía Ortega')}` },
  });
  const names = ((await views.json()) as { result: { name: string }[] }).result.map((v) => v.name);
  if (!names.includes('Italiano, oldest'))
    await api.post('/api/views', {
      name: 'Italiano, oldest',
      filters: { language: 'it', sort: 'oldest' },
    });

  const inbox = new InboxPage(page);
  const queue = new QueuePage(page);
  await inbox.goto('Lucía Ortega');
  await expect(queue.view('Italiano, oldest')).toBeVisible();
  const keys = page.keyboard;
  const expected: {
    id: string;
    assignee: string;
    tag: string;
    status: ConversationStatus;
    priority?: Priority;
  }[] = [];
  const statuses: ConversationStatus[] = ['open', 'pending', 'done', 'spam', 'pending'];
  const tags = ['kb-refund', 'kb-allergy', 'kb-app'];
  try {
    // Built-in views are 1–5; her own first view is 6.
    await keys.press('6');
    await expect(inbox.search).toHaveValue('');
    await expect(page.locator('#language-filter')).toHaveValue('it');
    await expect(inbox.rows.first()).toBeVisible();

    for (let i = 0; i < 10; i++) {
      // Every fourth one: `n`, the next unassigned conversation; otherwise j, then Enter.
      if (i % 4 === 3) await keys.press('n');
      else {
        await keys.press('j');
        await keys.press('Enter');
      }
      const id = await queue.openId();
      expect(await queue.activeRowId()).toBe(id);

      // Take it, or assign it to Camille.
      const take = i % 2 === 0;
      if (take) await keys.press('t');
      else await queue.pick('a', 'Camille');
      await expect(queue.assignee).toHaveText(take ? 'Lucía Ortega (you)' : 'Camille Laurent');
      if (take) await expect(queue.triageBar.getByTestId('language-mismatch')).toBeHidden();
      else {
        // Camille speaks French and English, not Italian: said in the notice and the triage bar.
        await expect(queue.notice).toContainText('Camille Laurent does not speak Italian');
        await expect(queue.triageBar.getByTestId('language-mismatch')).toHaveText(
          /Camille Laurent does not speak Italian/,
        );
      }

      const tag = tags[i % tags.length]!;
      await queue.pick('g', tag);
      await expect(queue.chips(queue.triageBar).filter({ hasText: tag })).toBeVisible();

      const status = statuses[i % statuses.length]!;
      await queue.pick('s', status);
      await expect(page.getByTestId('status-select')).toHaveValue(status);
      if (i < 2) {
        // `p` sets the priority by hand.
        await queue.pick('p', i === 0 ? 'Urgent' : 'Low');
        await expect(page.getByTestId('priority-select')).toHaveValue(i === 0 ? 'urgent' : 'low');
      }
      await expect(inbox.list).toBeFocused();

      expected.push({
        id,
        assignee: take ? me.id : camilleId,
        tag,
        status,
        ...(i < 2 ? { priority: i === 0 ? 'urgent' : 'low' } : {}),
      });
    }
    expect(new Set(expected.map((e) => e.id)).size).toBe(10);

    // `?` lists every key; Esc goes back to the list.
    await keys.press('?');
    await expect(queue.help).toBeVisible();
    await expect(queue.help.getByTestId('shortcut')).toHaveCount(17);
    await keys.press('Escape');
    await expect(queue.help).toBeHidden();

    for (const e of expected) {
      const c = await api.conversation(e.id);
      expect(c, e.id).toMatchObject({ assignee: e.assignee, status: e.status });
      if (e.priority) expect(c.priority, e.id).toBe(e.priority);
      expect(c.tags, e.id).toEqual([e.tag]);
    }
  } finally {
    await api.unassign(expected.map((e) => e.id));
  }
});

test('bulk: five conversations selected, tagged and assigned at once', async ({
  page,
  request,
}) => {
  const api = new TeamApi(request, 'Lucía Ortega');
  const me = await api.whoAmI();
  const inbox = new InboxPage(page);
  const queue = new QueuePage(page);
  await inbox.goto('Lucía Ortega');
  await page.locator('#language-filter').selectOption('es');
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('oldest');
  const first = inbox.rows.first();
  await expect(first).toBeVisible();
  const ids: string[] = [];
  try {
    await first.getByTestId('row-check').click();
    await inbox.rows.nth(4).click({ modifiers: ['Shift'] });
    await expect(queue.bulkBar).toContainText('5 selected');
    for (let i = 0; i < 5; i++)
      ids.push((await inbox.rows.nth(i).getAttribute('data-conversation-id'))!);

    await queue.bulkBar.getByTestId('bulk-tag').click();
    await expect(queue.paletteInput).toBeFocused();
    await queue.paletteInput.fill('kb-bulk');
    await queue.palette.getByRole('option', { name: 'Create “kb-bulk”' }).click();
    await expect(queue.notice).toHaveText(/5 conversations updated/);

    await queue.bulkBar.getByTestId('bulk-assign').click();
    await queue.palette.getByRole('option', { name: 'Lucía Ortega (you)' }).click();
    await expect(queue.notice).toHaveText(/5 conversations updated/);
    // Lucía speaks Spanish: no language warning.
    await expect(queue.notice).not.toContainText('does not speak');

    // The bulk bar sets a priority too.
    await queue.bulkBar.getByTestId('bulk-priority').click();
    await queue.palette.getByRole('option', { name: 'High' }).click();
    await expect(queue.notice).toHaveText(/5 conversations updated/);
    for (const id of ids) {
      await expect(queue.chips(inbox.row(id)).filter({ hasText: 'kb-bulk' })).toBeVisible();
      await expect(inbox.row(id)).toContainText('Lucía Ortega (you)');
    }
    // The selection stays through the live updates, until cleared.
    for (const id of ids) await expect(inbox.row(id)).toHaveAttribute('aria-checked', 'true');
    await expect(queue.bulkBar).toContainText('5 selected');
    await queue.bulkBar.getByTestId('bulk-clear').click();
    await expect(queue.bulkBar).toBeHidden();

    for (const id of ids) {
      const c = await api.conversation(id);
      expect(c.assignee).toBe(me.id);
      expect(c.tags).toContain('kb-bulk');
      expect(c.priority).toBe('high');
    }
  } finally {
    await api.unassign(ids);
  }
});

test('a saved view comes back after a reload and applies in one click', async ({
  page,
  request,
}) => {
  const api = new TeamApi(request, 'Lucía Ortega');
  const inbox = new InboxPage(page);
  const queue = new QueuePage(page);
  await inbox.goto('Lucía Ortega');
  await page.locator('#language-filter').selectOption('es');
  await page.getByTestId('tag-filter').selectOption('kb-bulk');
  await expect(inbox.rows).toHaveCount(5);

  await page.getByTestId('save-view').click();
  await page.getByTestId('view-name').fill('Spanish bulk');
  await page.getByTestId('view-name').press('Enter');
  await expect(queue.view('Spanish bulk')).toHaveAttribute('aria-current', 'true');

  // A second view by the same name (or one only case and spaces apart, or a built-in's) is refused.
  await page.getByTestId('save-view').click();
  for (const [typed, existing] of [
    ['spanish  BULK', 'Spanish bulk'],
    ['Mine', 'Mine'],
  ] as const) {
    await page.getByTestId('view-name').fill(typed);
    await page.getByTestId('view-name').press('Enter');
    await expect(queue.views.getByRole('alert')).toHaveText(
      `There is already a view called “${existing}”: choose another name.`,
    );
  }
  await page.getByTestId('view-name').press('Escape');
  await expect(queue.view('spanish  BULK')).toHaveCount(0);

  await page.reload();
  await expect(inbox.list).toBeVisible();
  await queue.view('unassigned').click();
  await expect(page.getByTestId('tag-filter')).toHaveValue('all');
  await queue.view('Spanish bulk').click();
  await expect(page.getByTestId('tag-filter')).toHaveValue('kb-bulk');
  await expect(page.locator('#language-filter')).toHaveValue('es');
  await expect(inbox.rows).toHaveCount(5);

  // Only Lucía sees it.
  const views = await new TeamApi(request, 'Jan de Wit').post<unknown>('/api/views', {
    name: 'Jan’s own',
    filters: { sort: 'newest' },
  });
  expect(views).toMatchObject({ name: 'Jan’s own' });
  const listed = await request.get('/api/views', {
    headers: { authorization: `Bearer ${tokenOf('Jan de Wit')}` },
  });
  expect(
    ((await listed.json()) as { result: { name: string }[] }).result.map((v) => v.name),
  ).toEqual(['Jan’s own']);

  await page.getByRole('button', { name: 'Delete the view Spanish bulk' }).click();
  await expect(queue.view('Spanish bulk')).toHaveCount(0);
  expect((await api.list('tag=kb-bulk')).length).toBe(5);
});

test('a manager renames a tag and everyone’s chips follow', async ({ browser }) => {
  const manager = await browser.newContext();
  const agent = await browser.newContext();
  try {
    const camille = new InboxPage(await manager.newPage());
    const lucia = new InboxPage(await agent.newPage());
    await camille.goto('Camille Laurent');
    await lucia.goto('Lucía Ortega');
    await lucia.page.getByTestId('tag-filter').selectOption('kb-bulk');
    await expect(lucia.rows).toHaveCount(5);

    const queue = new QueuePage(camille.page);
    await camille.page.getByTestId('manage-tags').click();
    const row = queue.tagsDialog.locator('[data-testid="tag-row"][data-tag="kb-bulk"]');
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect(row).toContainText(
      'Delete the tag “kb-bulk”? It comes off the 5 conversations that carry it.',
    );
    await row.getByRole('button', { name: 'Cancel' }).click();
    await row.getByRole('combobox').selectOption('teal');
    await row.getByRole('button', { name: 'Rename' }).click();
    await queue.tagsDialog.getByLabel('New name for kb-bulk').fill('kb-hispanic');
    await queue.tagsDialog.getByLabel('New name for kb-bulk').press('Enter');
    await expect(queue.tagsDialog.locator('[data-tag="kb-hispanic"]').first()).toBeVisible();
    await camille.page.keyboard.press('Escape');
    await expect(queue.tagsDialog).toBeHidden();

    // Lucía's chips follow live, coloured teal.
    await lucia.page.getByTestId('tag-filter').selectOption('kb-hispanic');
    await expect(lucia.rows).toHaveCount(5);
    const chips = lucia.rows.getByTestId('tag-chip').filter({ hasText: 'kb-hispanic' });
    await expect(chips).toHaveCount(5);
    await expect(chips.first()).toHaveAttribute('data-color', 'teal');
    await expect(lucia.rows.getByTestId('tag-chip').filter({ hasText: /^kb-bulk$/ })).toHaveCount(
      0,
    );
  } finally {
    await manager.close();
    await agent.close();
  }
});
