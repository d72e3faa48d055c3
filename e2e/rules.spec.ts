import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { InboxPage } from './pages/inbox-page';
import { RulesDialog, mentionArrives } from './pages/rules-dialog';
import { signInAs, tokenOf } from './pages/team';

/**
 * Leaves the shared demo hub as the other specs expect it: the rule deleted, the conversation it
 * routed back in the queue.
 */
async function putBack(request: APIRequestContext, conversationId: string, ruleName: string) {
  const headers = { authorization: `Bearer ${tokenOf('Camille Laurent')}` };
  const rules = (await (await request.get('/api/rules', { headers })).json()) as {
    result: { id: string; name: string }[];
  };
  for (const rule of rules.result.filter((r) => r.name === ruleName))
    await request.post('/api/rules/delete', { headers, data: { id: rule.id } });
  const detail = (await (
    await request.get(`/api/conversations/${encodeURIComponent(conversationId)}`, { headers })
  ).json()) as { result: { conversation: { version: number } } };
  await request.post('/api/conversations/update', {
    headers,
    data: { id: conversationId, version: detail.result.conversation.version, assignee: null },
  });
}

test('a rule routes a Dutch mention to the Dutch-speaking agent', async ({
  page,
  browser,
  request,
}) => {
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  const rules = new RulesDialog(page);
  await rules.open();
  await rules.start('Dutch to the Dutch speakers');
  // Any language to begin with, then Dutch found by name and German by code; German dropped again.
  const active = async (query: string) =>
    (
      (await (
        await request.get(`/api/conversations?status=active&limit=1${query}`, {
          headers: { authorization: `Bearer ${tokenOf('Camille Laurent')}` },
        })
      ).json()) as { result: { total: number } }
    ).result.total;
  const all = await active('');
  await expect(rules.preview.count).toHaveText(
    `${all} conversations of the ${all} still to handle`,
  );
  await rules.languages.choose('Dut', 'Dutch');
  await rules.languages.choose('de', 'German');
  await rules.languages.remove('German');
  const dutch = await active('&language=nl');
  expect(dutch).toBeGreaterThan(0);
  await expect(rules.preview.count).toHaveText(
    `${dutch} conversations of the ${all} still to handle`,
  );
  await expect(rules.preview.examples.first()).toContainText('NL');
  await expect(rules.preview.examples).toHaveCount(Math.min(3, dutch));
  await rules.finish('the agents who speak its language, by turns');
  await expect(rules.rows.filter({ hasText: 'Dutch to the Dutch speakers' })).toContainText(
    'in Dutch → assign by turns among speakers',
  );
  await page.keyboard.press('Escape');

  const id = await mentionArrives(request, tokenOf('Camille Laurent'), {
    username: 'kees_vd_berg',
    name: 'Kees van den Berg',
    text: '@CafeAurore Mijn havermelk latte was vanochtend helemaal koud. Wat gaan jullie doen?',
    lang: 'nl',
  });

  // Jan de Wit, the team's Dutch speaker, finds it in his own queue after the next poll.
  const context = await browser.newContext();
  try {
    const janPage = await context.newPage();
    await signInAs(janPage, 'Jan de Wit');
    const jan = new InboxPage(janPage);
    await expect(jan.list).toBeVisible();
    await janPage.getByTestId('views').getByRole('button', { name: /Mine/ }).click();
    await expect(jan.row(`x:${id}`)).toBeVisible({ timeout: 30_000 });
    await expect(jan.row(`x:${id}`)).toContainText('Jan de Wit (you)');
    await jan.row(`x:${id}`).click();
    await expect(
      jan.conversation
        .getByTestId('timeline-action')
        .filter({ hasText: 'Dutch to the Dutch speakers' }),
    ).toBeVisible();
  } finally {
    await context.close();
    await putBack(request, `x:${id}`, 'Dutch to the Dutch speakers');
  }
});

test('a mention in a language nobody on the team speaks is flagged', async ({ page, request }) => {
  const id = await mentionArrives(request, tokenOf('Camille Laurent'), {
    username: 'joana_pt',
    name: 'Joana Ferreira',
    text: '@CafeAurore O meu café chegou frio e ninguém responde. Podem ajudar?',
    lang: 'pt',
  });
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  await expect(inbox.row(`x:${id}`)).toBeVisible({ timeout: 30_000 });
  await expect(inbox.row(`x:${id}`).getByTestId('unspoken-language')).toBeVisible();
  await inbox.row(`x:${id}`).click();
  await expect(inbox.conversation.getByTestId('unspoken-language')).toContainText(
    'Nobody on the team speaks Portuguese',
  );
});
