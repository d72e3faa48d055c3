import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import type { ConversationDetail, ConversationPage, Envelope } from '../src/shared';
import { InboxPage } from './pages/inbox-page';
import { tokenOf } from './pages/team';

/** The API as an agent's tools call it: with a personal token. */
const auth = () => ({ authorization: `Bearer ${tokenOf('Jan de Wit')}` });

async function api<T>(request: APIRequestContext, path: string): Promise<T> {
  const envelope = (await (await request.get(path, { headers: auth() })).json()) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${path}: ${envelope.error.message}`);
  return envelope.result;
}

/** Waits until the demo's first sync has filled the inbox from both platforms. */
async function synced(request: APIRequestContext): Promise<ConversationPage> {
  let page: ConversationPage = { items: [], nextCursor: null, total: 0 };
  await expect
    .poll(
      async () => {
        page = await api<ConversationPage>(request, '/api/conversations?limit=500');
        return new Set(page.items.map((c) => c.platform)).size === 2 && page.total > 150;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return page;
}

test('the demo inbox shows X and Facebook conversations in one list', async ({ page, request }) => {
  const { total } = await synced(request);
  const inbox = new InboxPage(page);
  await inbox.goto();
  await expect(inbox.rowsOf('x').first()).toBeVisible();
  await expect(inbox.rowsOf('facebook').first()).toBeVisible();
  await expect(page.getByText(new RegExp(`${total}\\s+conversations`))).toBeVisible();
  // One chip per connected account: the demo has an X account and at least one Page.
  await expect(inbox.accounts.nth(1)).toBeVisible();
  // The list is virtualized: far fewer rows in the page than conversations.
  expect(await inbox.rows.count()).toBeLessThan(total);
});

test('opening a conversation shows every post, its author and the app a brand reply came from', async ({
  page,
  request,
}) => {
  const { items } = await synced(request);
  let target: ConversationDetail | null = null;
  for (const c of items.filter((c) => c.platform === 'facebook' && c.postCount >= 2)) {
    const detail = await api<ConversationDetail>(
      request,
      `/api/conversations/${encodeURIComponent(c.id)}`,
    );
    if (detail.posts.some((p) => p.sourceApp != null)) {
      target = detail;
      break;
    }
  }
  expect(
    target,
    'the demo scenario has a Facebook brand reply with its application',
  ).not.toBeNull();
  const { conversation, posts } = target!;
  const inbox = new InboxPage(page);
  await inbox.goto();
  await inbox.open(conversation.id, conversation.excerpt.slice(0, 40));
  await expect(inbox.posts).toHaveCount(posts.length);
  await expect(inbox.conversation.getByText(posts[0]!.author.name).first()).toBeVisible();
  const app = posts.find((p) => p.sourceApp != null)!.sourceApp!.name;
  await expect(
    inbox.conversation.getByTestId('post-source-app').filter({ hasText: app }).first(),
  ).toBeVisible();
  await expect(inbox.conversation.locator('[data-direction="outbound"]').first()).toBeVisible();
});

test('keyboard: j/k move through the list and Enter opens a conversation', async ({
  page,
  request,
}) => {
  await synced(request);
  const inbox = new InboxPage(page);
  await inbox.goto();
  await inbox.list.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await expect(inbox.conversation).toBeVisible();
  await expect(inbox.posts.first()).toBeVisible();
});

test('bad input to the HTTP API gets a typed error, not a crash', async ({ request }) => {
  const res = await request.get('/api/conversations?limit=-3&platform=myspace', {
    headers: auth(),
  });
  expect(res.status()).toBe(400);
  const body = (await res.json()) as Envelope<unknown>;
  expect(body).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  expect((await request.get('/api/health')).ok()).toBe(true);
});

test('the list narrows by account and by priority', async ({ page, request }) => {
  const count = async (query: string) =>
    (
      (await (
        await request.get(`/api/conversations?${query}&limit=1`, { headers: auth() })
      ).json()) as { result: { total: number } }
    ).result.total;
  const inbox = new InboxPage(page);
  await inbox.goto();
  const total = page.locator('.total');
  await page.getByTestId('priority-filter').selectOption('high');
  await expect(total).toHaveText(`${await count('priority=high')} conversations`);
  await page.getByTestId('priority-filter').selectOption('all');
  await page.getByTestId('account-filter').selectOption({ label: '@CafeAurore' });
  const xAccount = (
    (await (await request.get('/api/accounts', { headers: auth() })).json()) as {
      result: { id: string; platform: string }[];
    }
  ).result.find((a) => a.platform === 'x')!;
  await expect(total).toHaveText(
    `${await count(`accountId=${encodeURIComponent(xAccount.id)}`)} conversations`,
  );
});

test('“To do” lists every conversation not done, counted right', async ({ page, request }) => {
  await synced(request);
  const count = async (query: string) =>
    (await api<ConversationPage>(request, `/api/conversations?${query}&limit=1`)).total;
  // Three of the oldest German conversations move on: one open, one pending, one done.
  const moved = (
    await api<ConversationPage>(
      request,
      '/api/conversations?status=new&language=de&sort=oldest&limit=3',
    )
  ).items;
  expect(moved).toHaveLength(3);
  const update = async (changes: { id: string; version: number; status: string }[]) => {
    const res = await request.post('/api/conversations/update-many', {
      headers: auth(),
      data: { changes },
    });
    expect(res.ok()).toBe(true);
    return (
      (await res.json()) as {
        result: { results: { conversation?: { id: string; version: number } }[] };
      }
    ).result.results;
  };
  const results = await update(
    moved.map((c, i) => ({
      id: c.id,
      version: c.version,
      status: ['open', 'pending', 'done'][i]!,
    })),
  );
  try {
    const inbox = new InboxPage(page);
    await inbox.goto('Jan de Wit');
    await page.getByTestId('views').locator('[data-view="active"]').click();
    await expect(page.getByRole('radio', { name: 'To do', exact: true })).toBeChecked();
    const total = page.locator('.total');
    // Others may change statuses meanwhile: the figures are read again until they agree.
    await expect
      .poll(async () => {
        const [active, fresh, open, pending, all, done, spam] = await Promise.all(
          [
            'status=active',
            'status=new',
            'status=open',
            'status=pending',
            '',
            'status=done',
            'status=spam',
          ].map(count),
        );
        return {
          sum: active === fresh! + open! + pending! && active === all! - done! - spam!,
          some: open! > 0 && pending! > 0 && done! > 0,
          shown: (await total.textContent())?.trim() === `${active} conversations`,
        };
      })
      .toEqual({ sum: true, some: true, shown: true });
  } finally {
    await update(
      results.flatMap((r) =>
        r.conversation
          ? [{ id: r.conversation.id, version: r.conversation.version, status: 'new' }]
          : [],
      ),
    );
  }
});

test('an empty list names every filter in use, and clears each or all', async ({ page }) => {
  const inbox = new InboxPage(page);
  await inbox.goto('Jan de Wit');
  await page.getByTestId('priority-filter').selectOption('urgent');
  await page.locator('#language-filter').selectOption('de');
  await inbox.search.fill('nothing-matches-this');
  const empty = page.getByTestId('list-empty');
  await expect(empty).toContainText('No conversations match these filters');
  const chips = empty.getByTestId('active-filter').locator('.text');
  // The priority and language filters are below the fold of the panel at 1280×720: named here.
  await expect(chips).toHaveText([
    'Search: “nothing-matches-this”',
    'Priority: Urgent',
    'Language: German',
  ]);
  await empty
    .getByRole('button', { name: 'Remove the filter Search: “nothing-matches-this”' })
    .click();
  await expect(inbox.search).toHaveValue('');
  await expect(page.getByTestId('priority-filter')).toHaveValue('urgent');
  await inbox.search.fill('nothing-matches-this');
  await expect(chips).toHaveCount(3);
  await empty.getByTestId('clear-filters').click();
  await expect(inbox.rows.first()).toBeVisible();
  await expect(page.getByTestId('priority-filter')).toHaveValue('all');
  await expect(page.locator('#language-filter')).toHaveValue('all');
  await expect(inbox.search).toHaveValue('');
});
