import { expect, test } from '@playwright/test';
import type { Account, ConversationPage, Crisis, Report } from '../src/shared';
import { ReportsPage } from './pages/reports-page';
import { ScenarioStack } from './pages/scenario-stack';

/**
 * e2e/scenarios/crisis-three-days.json, over three days: a barista video retold in French (4),
 * English (4) and German (3) on X; five customers answered from other apps (X: 20, 45 and 10
 * minutes, Marie writing again after hers; the Page with Hootsuite: 30 and 5 minutes); a Dutch
 * mention and an Italian comment nobody answers; one mention with no language to detect.
 */
const SCENARIO = 'e2e/scenarios/crisis-three-days.json';
const MIN = 60_000;
const STATEMENTS = {
  fr: 'La vidéo date de 2019 et le barista ne travaille plus chez nous. Toutes nos excuses.',
  en: 'The video is from 2019 and the barista no longer works with us. We are truly sorry.',
  de: 'Das Video stammt aus 2019, der Barista arbeitet nicht mehr bei uns. Es tut uns leid.',
} as const;

let stack: ScenarioStack;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  stack = await ScenarioStack.start(SCENARIO, Number(process.env.E2E_STACK_PORT ?? 8797));
});
test.afterAll(async () => {
  await stack?.stop();
});

const nearestRank = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(p * values.length)) - 1];

test('a three-day crisis answered by one statement per language comes out exact in the reports', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const asCamille = <T>(method: 'GET' | 'POST', path: string, body?: unknown) =>
    stack.call<T>('Camille Laurent', method, path, body);
  const list = async () =>
    (await asCamille<ConversationPage>('GET', '/api/conversations?limit=500')).items;
  // The first sync brings all 19 conversations (X and the Page).
  await expect.poll(async () => (await list()).length, { timeout: 30_000 }).toBe(19);
  const accounts = await asCamille<Account[]>('GET', '/api/accounts');
  const x = accounts.find((a) => a.platform === 'x')!;

  // One statement per language for the story's conversations.
  const story = (await list()).filter((c) => /barista/i.test(c.excerpt));
  expect(story.map((c) => c.language).sort()).toEqual([
    ...Array(3).fill('de'),
    ...Array(4).fill('en'),
    ...Array(4).fill('fr'),
  ]);
  for (const [language, text] of Object.entries(STATEMENTS))
    await asCamille('POST', '/api/statements', {
      accountId: x.id,
      text,
      conversationIds: story.filter((c) => c.language === language).map((c) => c.id),
    });

  const all = await list();
  const answered = all.filter((c) => c.statement != null);
  expect(answered).toHaveLength(11);
  const camille = answered[0]!.statement!.by;
  const statementTimes = answered.map((c) => Date.parse(c.statement!.at) - Date.parse(c.createdAt));
  const outsideTimes = [5, 10, 20, 30, 45].map((m) => m * MIN);
  const teamTimes = [...outsideTimes, ...statementTimes];

  const now = Date.now();
  const range = `from=${new Date(now - 7 * 86_400_000).toISOString()}&to=${new Date(now + 86_400_000).toISOString()}&targetMinutes=60`;
  const report = await asCamille<Report>('GET', `/api/reports?${range}`);
  expect(report.team).toEqual({
    conversations: 19,
    answered: 16,
    repliesPublic: 16,
    repliesPrivate: 0,
    firstResponseMedianMs: nearestRank(teamTimes, 0.5),
    firstResponseP90Ms: nearestRank(teamTimes, 0.9),
    withinTarget: 5,
    withinTargetShare: 5 / 19,
  });
  expect(report.responders).toEqual([
    {
      responder: camille,
      name: 'Camille Laurent',
      figures: {
        conversations: 11,
        answered: 11,
        repliesPublic: 11,
        repliesPrivate: 0,
        firstResponseMedianMs: nearestRank(statementTimes, 0.5),
        firstResponseP90Ms: nearestRank(statementTimes, 0.9),
        withinTarget: 0,
        withinTargetShare: 0,
      },
    },
    {
      responder: 'outside',
      name: 'Outside the inbox',
      figures: {
        conversations: 5,
        answered: 5,
        repliesPublic: 5,
        repliesPrivate: 0,
        firstResponseMedianMs: 20 * MIN,
        firstResponseP90Ms: 45 * MIN,
        withinTarget: 5,
        withinTargetShare: 1,
      },
    },
  ]);
  expect(report.coverage).toEqual({
    unanswered: 3,
    byLanguage: [
      { language: 'it', arrived: 1, unanswered: 1 },
      { language: 'nl', arrived: 1, unanswered: 1 },
      { language: 'de', arrived: 4, unanswered: 0 },
      { language: 'en', arrived: 5, unanswered: 0 },
      { language: 'es', arrived: 1, unanswered: 0 },
      { language: 'fr', arrived: 6, unanswered: 0 },
      // No language detected: its own line, last, and not a language nobody answered.
      { language: 'unknown', arrived: 1, unanswered: 1 },
    ],
    byPlatform: [
      { platform: 'facebook', arrived: 3, unanswered: 1 },
      { platform: 'x', arrived: 16, unanswered: 2 },
    ],
    silentLanguages: ['it', 'nl'],
  });
  const frenchTimes = answered
    .filter((c) => c.language === 'fr')
    .map((c) => statementTimes[answered.indexOf(c)]!);
  expect(report.byLanguage.find((l) => l.language === 'fr')?.figures).toMatchObject({
    conversations: 6,
    answered: 6,
    firstResponseMedianMs: nearestRank([5 * MIN, 10 * MIN, ...frenchTimes], 0.5),
  });
  // X does not say which app a post came from; Graph does.
  expect(report.outside.byApp).toEqual([
    { app: null, replies: 3 },
    { app: 'Hootsuite', replies: 2 },
  ]);

  // The story's clusters, answered by the statements.
  const crisis = await asCamille<Crisis>('GET', '/api/reports/crisis?hours=168');
  const storyIds = new Set(story.map((c) => c.id));
  const clusters = crisis.clusters.filter((c) => c.conversationIds.some((id) => storyIds.has(id)));
  expect(clusters.reduce((n, c) => n + c.size, 0)).toBe(11);
  expect(clusters.map((c) => c.unanswered)).toEqual(clusters.map(() => 0));

  // Answered elsewhere, in the queue: marked, filtered, moved to done unless the customer wrote again.
  const elsewhere = all.filter((c) => c.answeredOutside === true);
  expect(elsewhere.map((c) => [c.author.name, c.status]).sort()).toEqual([
    ['Klaus Becker', 'done'],
    ['Lucía B.', 'done'],
    ['Marie L.', 'new'],
    ['Sam K.', 'done'],
    ['Sophie Martin', 'done'],
  ]);

  // The same figures on the reports screen.
  await page.goto(stack.signInUrl('Camille Laurent'));
  await expect(page.getByTestId('conversation-list')).toBeVisible();
  await page.getByTestId('answered-elsewhere-filter').click();
  await expect(page.getByTestId('conversation-row')).toHaveCount(5);
  await expect(page.getByTestId('answered-elsewhere')).toHaveCount(5);
  await page.screenshot({ path: test.info().outputPath('queue-answered-elsewhere.png') });
  await page.getByTestId('answered-elsewhere-filter').click();

  const reports = new ReportsPage(page);
  await reports.open();
  await expect(reports.figure(camille, 'answered')).toHaveText('11');
  await expect(reports.figure('outside', 'answered')).toHaveText('5');
  await reports.tab('Coverage').click();
  await expect(page.getByTestId('silent-languages')).toHaveText(
    'Nobody answered in: Italian, Dutch',
  );
  const last = page.getByTestId('coverage-languages').locator('tbody tr').last();
  await expect(last.locator('th')).toHaveText('Language not detected');
  await expect(last.locator('td')).toHaveText(['1', '1']);
  await page.screenshot({ path: test.info().outputPath('coverage.png'), fullPage: true });
});
