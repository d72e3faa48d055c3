import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import type { Priority } from '../src/shared';
import { InboxPage } from './pages/inbox-page';
import { QueuePage, TeamApi } from './pages/queue-page';

/**
 * The pickers of an open conversation, typed into: the triage bar's tag field and the action
 * palette. These tests work on Spanish conversations, slow or refuse the hub's answers in the
 * browser, and put back what they change.
 */

/** Lucía's inbox narrowed to Spanish (oldest first if asked), its `nth` conversation open. */
async function openSpanish(
  page: Page,
  request: APIRequestContext,
  nth: number,
  sort?: 'oldest',
): Promise<{ api: TeamApi; queue: QueuePage; id: string }> {
  const inbox = new InboxPage(page);
  const queue = new QueuePage(page);
  await inbox.goto('Lucía Ortega');
  await page.locator('#language-filter').selectOption('es');
  if (sort) await page.getByRole('combobox', { name: 'Sort' }).selectOption(sort);
  await inbox.rows.nth(nth).click();
  return { api: new TeamApi(request, 'Lucía Ortega'), queue, id: await queue.openId() };
}

/** Holds the browser's requests to `url` for `ms` before they go on to the hub. */
async function slowDown(page: Page, url: string | RegExp, ms: number): Promise<void> {
  await page.route(url, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

test('the tag field of the triage bar finds, creates and removes a tag from the keyboard', async ({
  page,
  request,
}) => {
  const { api, queue, id } = await openSpanish(page, request, 1);
  const field = queue.triageBar.getByTestId('tag-picker').getByRole('combobox');
  const tags = page.getByRole('listbox', { name: 'Add or remove a tag' });
  const chip = (tag: string) => queue.chips(queue.triageBar).filter({ hasText: tag });
  // A tag stays in the team's list once made: each attempt (a retry, a repeat) makes its own.
  const { retry, repeatEachIndex } = test.info();
  const name = `kb-picker-${repeatEachIndex}-${retry}`;
  const second = `kb-second-${repeatEachIndex}-${retry}`;
  // Slow lists and writes, as on a busy hub: the field takes the next keys all the same.
  await slowDown(page, /\/api\/conversations(\?|$)/, 1500);
  try {
    // A new tag: typed, offered to create, taken with Enter.
    await field.click();
    await field.pressSequentially(name);
    await expect(tags.getByRole('option', { name: `Create “${name}”` })).toBeVisible();
    await field.press('Enter');
    await expect(chip(name)).toBeVisible();
    await expect(field).toHaveValue('');
    // The same one found by a part of its name; Enter takes it off again (it is on).
    await field.pressSequentially(name.slice('kb-'.length));
    await expect(tags.getByRole('option').first()).toHaveAccessibleName(new RegExp(`^${name}`));
    await field.press('Enter');
    await expect(chip(name)).toHaveCount(0);
    // Two tags picked while the first is still on its way: both go on, one after the other.
    await slowDown(page, '**/api/conversations/update', 1500);
    await field.pressSequentially(name);
    await field.press('Enter');
    await expect(queue.triageBar.getByRole('status')).toHaveText('Saving…');
    await field.pressSequentially(second);
    await expect(tags.getByRole('option', { name: `Create “${second}”` })).toBeVisible();
    await field.press('Enter');
    await expect(chip(second)).toBeVisible();
    await expect(chip(name)).toBeVisible();
    await expect(page.getByTestId('triage-problem')).toHaveCount(0);
    expect((await api.conversation(id)).tags).toEqual(expect.arrayContaining([name, second]));
    for (const tag of [second, name]) {
      await field.pressSequentially(tag);
      await expect(tags.getByRole('option').first()).toHaveAccessibleName(new RegExp(`^${tag}`));
      await field.press('Enter');
      await expect(chip(tag)).toHaveCount(0);
    }
    // Escape closes the list and leaves the field.
    await field.pressSequentially('kb');
    await expect(tags).toBeVisible();
    await field.press('Escape');
    await expect(tags).toBeHidden();
    const { tags: kept } = await api.conversation(id);
    expect(kept).not.toContain(name);
    expect(kept).not.toContain(second);
  } finally {
    const c = await api.conversation(id);
    const left = c.tags.filter((t) => t === name || t === second);
    if (left.length > 0)
      await api.post('/api/conversations/update', {
        id,
        version: c.version,
        removeTags: left,
      });
  }
});

test('a change the hub refuses leaves the palette open with the reason and the focus in its field', async ({
  page,
  request,
}) => {
  const { api, queue, id } = await openSpanish(page, request, 2, 'oldest');
  const before = (await api.conversation(id)).priority;
  const priority: Priority = before === 'low' ? 'high' : 'low';
  const label = priority === 'low' ? 'Low' : 'High';
  // The hub refuses the first try, slowly, as while it drains for a restart.
  let tries = 0;
  await page.route('**/api/conversations/update-many', async (route) => {
    if (tries++ > 0) return route.continue();
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: { code: 'unavailable', message: 'The hub is restarting.' },
      }),
    });
  });
  try {
    await page.keyboard.press('p');
    await expect(queue.paletteInput).toBeFocused();
    await page.keyboard.type(label);
    await page.keyboard.press('Enter');
    await expect(queue.palette.getByRole('alert')).toHaveText('The hub is restarting.');
    // The field kept the focus through the wait: the next try is typed straight away.
    await expect(queue.paletteInput).toBeFocused();
    await page.keyboard.type(label);
    await expect(queue.palette.getByRole('option').first()).toHaveAccessibleName(
      new RegExp(`^${label}`),
    );
    await page.keyboard.press('Enter');
    await expect(queue.palette).toBeHidden();
    expect((await api.conversation(id)).priority).toBe(priority);
    expect(tries).toBe(2);
  } finally {
    const c = await api.conversation(id);
    if (c.priority !== before)
      await api.post('/api/conversations/update', { id, version: c.version, priority: before });
  }
});
