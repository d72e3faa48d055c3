import { expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { InboxPage } from './pages/inbox-page';
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
    const first = jan.inbox.rows.nth(3);
    const id = (await first.getAttribute('data-conversation-id'))!;
    await first.click();
    await lucia.inbox.row(id).click();
    await expect(lucia.page.getByTestId('assignee')).toHaveText('Unassigned');

    await jan.page.getByTestId('take').click();
    await expect(jan.page.getByTestId('assignee')).toHaveText('Jan de Wit (you)');
    await expect(lucia.page.getByTestId('assignee')).toHaveText('Jan de Wit', { timeout: 1000 });
    await expect(lucia.inbox.row(id)).toContainText('Jan de Wit');
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
    const row = jan.inbox.rows.nth(5);
    const id = (await row.getAttribute('data-conversation-id'))!;
    await row.click();
    await lucia.inbox.row(id).click();

    await jan.page.getByTestId('take').click();
    await expect(jan.page.getByTestId('assignee')).toHaveText('Jan de Wit (you)');
    // Lucía's screen still shows the version before Jan's change.
    await expect(lucia.page.getByTestId('assignee')).toHaveText('Unassigned');
    await lucia.page.getByTestId('take').click();
    await expect(lucia.page.getByTestId('triage-problem')).toContainText(
      'This conversation changed since you opened it (now new, assigned to Jan de Wit)',
    );
    await expect(lucia.page.getByTestId('assignee')).toHaveText('Jan de Wit');
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
