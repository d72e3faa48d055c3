import { expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { InboxPage } from './pages/inbox-page';
import { TeamApi } from './pages/queue-page';
import { tokenOf } from './pages/team';
import type { DemoAgent } from './pages/team';

/** An agent at their own machine: a browser context of their own, signed in. */
async function agentAt(browser: Browser, agent: DemoAgent, options: { offline?: boolean } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Without live events (the hub's pushes dropped), the screen keeps what it loaded.
  if (options.offline) await page.routeWebSocket(/\/api\/events$/, () => undefined);
  const inbox = new InboxPage(page);
  await inbox.goto(agent);
  return { context, page, inbox };
}

test('an agent takes a conversation and another agent sees it assigned within a second', async ({
  browser,
}) => {
  const jan = await agentAt(browser, 'Jan de Wit');
  const lucia = await agentAt(browser, 'Lucía Ortega');
  try {
    // A conversation nobody has taken: other specs assign some of the demo's, so it is asked of
    // the API, then found on both screens by its author.
    const [fresh] = await new TeamApi(jan.page.request, 'Jan de Wit').list(
      'status=new&assignee=unassigned&sort=newest&limit=5',
    );
    const id = fresh!.id;
    await jan.inbox.open(id, fresh!.author.name);
    await lucia.inbox.open(id, fresh!.author.name);
    await expect(lucia.page.getByTestId('assignee-select').locator('option:checked')).toHaveText(
      'Unassigned',
    );

    await jan.page.getByTestId('take').click();
    await expect(jan.page.getByTestId('assignee-select').locator('option:checked')).toHaveText(
      'Jan de Wit (you)',
    );
    await expect(lucia.page.getByTestId('assignee-select').locator('option:checked')).toHaveText(
      'Jan de Wit',
      { timeout: 1000 },
    );
    await expect(lucia.inbox.row(id)).toContainText('Jan de Wit');
    // Jan's own queue: what he has taken.
    await jan.page.getByTestId('assignee-filter').selectOption('mine');
    await expect(jan.inbox.rows).toHaveCount(1);
    await expect(jan.inbox.row(id)).toBeVisible();
  } finally {
    await jan.context.close();
    await lucia.context.close();
  }
});

test('two agents changing the same conversation: the second is told, with the fresh state', async ({
  browser,
}) => {
  const jan = await agentAt(browser, 'Jan de Wit');
  const lucia = await agentAt(browser, 'Lucía Ortega', { offline: true });
  try {
    // A conversation still new and nobody's: earlier specs and the demo itself (answers made
    // elsewhere) move some of the newest on, so it is asked of the API, then found by its author.
    const [fresh] = await new TeamApi(jan.page.request, 'Jan de Wit').list(
      'status=new&assignee=unassigned&sort=newest&limit=5',
    );
    const id = fresh!.id;
    await jan.inbox.open(id, fresh!.author.name);
    await lucia.inbox.open(id, fresh!.author.name);

    await jan.page.getByTestId('take').click();
    await expect(jan.page.getByTestId('assignee-select').locator('option:checked')).toHaveText(
      'Jan de Wit (you)',
    );
    // Lucía's screen still shows the version before Jan's change.
    await expect(lucia.page.getByTestId('assignee-select').locator('option:checked')).toHaveText(
      'Unassigned',
    );
    await lucia.page.getByTestId('take').click();
    await expect(lucia.page.getByTestId('triage-problem')).toContainText(
      'This conversation changed since you opened it (now new, assigned to Jan de Wit)',
    );
    await expect(lucia.page.getByTestId('assignee-select').locator('option:checked')).toHaveText(
      'Jan de Wit',
    );
  } finally {
    await jan.context.close();
    await lucia.context.close();
  }
});

test('assigning at the same moment over the API: exactly one wins', async ({
  playwright,
  baseURL,
}) => {
  const as = (agent: DemoAgent) =>
    playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${tokenOf(agent)}` },
    });
  const [jan, lucia] = await Promise.all([as('Jan de Wit'), as('Lucía Ortega')]);
  const list = await (await jan.get('/api/conversations?limit=20&status=new')).json();
  const target = list.result.items[10] as { id: string; version: number };
  const me = async (request: typeof jan) =>
    (await (await request.get('/api/session')).json()).result.id;
  const answers = await Promise.all(
    [jan, lucia].map(async (request) =>
      request.post('/api/conversations/update', {
        data: { id: target.id, version: target.version, assignee: await me(request) },
      }),
    ),
  );
  expect(answers.map((a) => a.status()).sort()).toEqual([200, 409]);
  const refused = await answers.find((a) => a.status() === 409)!.json();
  expect(refused.error.code).toBe('conflict');
  expect(refused.error.details.current.version).toBe(target.version + 1);
  await jan.dispose();
  await lucia.dispose();
});

test('replying on a conversation another agent handles needs a take-over, then it is theirs', async ({
  browser,
}) => {
  const jan = await agentAt(browser, 'Jan de Wit');
  const lucia = await agentAt(browser, 'Lucía Ortega');
  try {
    // An X conversation nobody has taken (asked of the API: other specs assign some).
    const [mention] = await new TeamApi(jan.page.request, 'Jan de Wit').list(
      'status=new&assignee=unassigned&platform=x&sort=newest&limit=5',
    );
    const id = mention!.id;
    await jan.inbox.open(id, mention!.author.name);
    await jan.page.getByTestId('take').click();
    await lucia.inbox.open(id, mention!.author.name);
    await expect(lucia.page.getByTestId('assignee-select').locator('option:checked')).toHaveText(
      'Jan de Wit',
    );

    await lucia.page.getByLabel('Reply text').fill('Hola, lo revisamos ahora mismo y te contamos.');
    await lucia.page.getByTestId('send-reply').click();
    const objection = lucia.page.getByTestId('reply-objection');
    await expect(objection).toContainText(
      'Jan de Wit handles this conversation: take it over to reply',
    );
    await objection.getByRole('button', { name: 'Take over and send' }).click();
    await expect(lucia.page.getByRole('status').filter({ hasText: /Queued|Sent/ })).toBeVisible();
    await expect(lucia.page.getByTestId('assignee-select').locator('option:checked')).toHaveText(
      'Lucía Ortega (you)',
    );
    await expect(jan.page.getByTestId('assignee-select').locator('option:checked')).toHaveText(
      'Lucía Ortega',
    );
  } finally {
    await jan.context.close();
    await lucia.context.close();
  }
});

test('the duplicate-reply guard fires on the fourth identical public reply of the day', async ({
  page,
  request,
}) => {
  const auth = { authorization: `Bearer ${tokenOf('Camille Laurent')}` };
  const apology = 'We are so sorry about the oat milk mix-up. We are looking into it right now.';
  const list = await (
    await request.get('/api/conversations?platform=x&status=new&limit=100', { headers: auth })
  ).json();
  const open = (
    list.result.items as {
      id: string;
      rootPostId: string;
      assignee: string | null;
      author: { name: string };
    }[]
  )
    .filter((c) => c.assignee == null)
    .slice(-4);
  for (const [i, c] of open.slice(0, 3).entries()) {
    const sent = await request.post('/api/replies', {
      headers: auth,
      data: { conversationId: c.id, replyTo: c.rootPostId, text: `@customer${i} ${apology}` },
    });
    expect(sent.status()).toBe(200);
  }

  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  await inbox.open(open[3]!.id, open[3]!.author.name);
  await page.getByLabel('Reply text').fill(apology);
  await page.getByTestId('send-reply').click();
  const objection = page.getByTestId('reply-objection');
  await expect(objection).toContainText(
    'already sent this reply publicly 3 times in the last 24 hours',
  );
  await objection.getByRole('button', { name: 'Send it privately instead' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Queued|Sent/ })).toBeVisible();
  // Once the reply is in the thread, the composer says so instead of "Queued".
  await expect(
    page.getByRole('status').filter({ hasText: 'Sent: the reply is in the thread.' }),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Queued' })).toBeHidden();
});
