import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { DisplaySettings } from './pages/display-settings';
import { InboxPage } from './pages/inbox-page';
import { mentionArrives } from './pages/rules-dialog';
import { tokenOf } from './pages/team';
import { TranslatedReply, addAgent, deeplFails, emulatorOrigin } from './pages/translated-reply';

/** A reply of the demo's reply book (scripts/demo-scenario/reply-book.ts), which the emulated DeepL knows. */
const FR =
  'Bonjour, merci pour votre message. Le supplément pour le lait végétal vous est remboursé aujourd’hui dans l’application.';
const NL =
  'Hallo, bedankt voor je bericht. De toeslag voor plantaardige melk wordt je vandaag in de app terugbetaald.';

interface Detail {
  conversation: { version: number; assignee: string | null };
  actions: { action: string; details: Record<string, unknown> }[];
}

async function detail(request: APIRequestContext, token: string, id: string) {
  const answer = await request.get(`/api/conversations/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: answer.status(), body: (await answer.json()) as { result?: Detail } };
}

test('an agent who speaks only French answers a Dutch mention through translation, and Dutch is what X gets', async ({
  page,
  request,
}) => {
  const manager = tokenOf('Camille Laurent');
  const amelie = await addAgent(request, manager, { name: 'Amélie Roux', languages: ['fr'] });
  try {
    const tweet = await mentionArrives(request, manager, {
      username: 'sanne_visser',
      name: 'Sanne Visser',
      text: '@CafeAurore Ik heb de toeslag voor havermelk betaald en kreeg koemelk. Krijg ik mijn geld terug?',
      lang: 'nl',
    });
    const id = `x:${tweet}`;
    await expect
      .poll(async () => (await detail(request, amelie.token, id)).status, { timeout: 30_000 })
      .toBe(200);
    // Amélie takes it (a rule may have given it to a Dutch speaker).
    const { body } = await detail(request, amelie.token, id);
    const took = await request.post('/api/conversations/update', {
      headers: { authorization: `Bearer ${amelie.token}` },
      data: { id, version: body.result!.conversation.version, assignee: amelie.id },
    });
    expect(took.status()).toBe(200);

    await page.goto(`/#token=${encodeURIComponent(amelie.token)}`);
    const inbox = new InboxPage(page);
    await expect(inbox.list).toBeVisible();
    await inbox.open(id, 'Sanne Visser');
    const reply = new TranslatedReply(page);
    await expect(reply.mode.locator('..')).toHaveText('Write in French');
    await reply.writeInOwnLanguage();
    await expect(reply.draft).toHaveAttribute('aria-label', 'Your reply in French');

    // The saved replies in Dutch still come first; the French ones next, to be translated.
    await page.getByTestId('saved-replies').click();
    await expect(page.getByTestId('saved-reply').first()).toContainText('Excuses en terugbetaling');
    await expect(page.locator('.saved-replies-panel h4')).toHaveText([
      'In Dutch',
      'In French, translated before sending',
      'Other languages',
    ]);
    await page.keyboard.press('Escape');

    await reply.draftAndTranslate(FR, NL);
    await expect(page.getByTestId('draft-translation')).toContainText('Translated by DeepL');
    await reply.send.click();
    await expect(page.getByTestId('composer').getByRole('status')).toContainText(/Queued|Sent/);
    await expect(reply.draft).toHaveValue('');

    // The platform received the Dutch text, once, in answer to the mention.
    const emulator = await emulatorOrigin(request, manager);
    await expect
      .poll(
        async () => {
          const { writes } = (await (
            await request.get(`${emulator}/__emulator/writes`)
          ).json()) as {
            writes: { targetId?: string; text?: string }[];
          };
          return writes.filter((w) => w.targetId === tweet).map((w) => w.text);
        },
        { timeout: 20_000 },
      )
      .toEqual([expect.stringContaining(NL)]);
    // The audit trail keeps both texts, both languages and the service; the reply is marked.
    const after = await detail(request, manager, id);
    const queued = after.body.result!.actions.find((a) => a.action === 'reply.queued');
    expect(queued?.details).toMatchObject({
      text: NL,
      translated: true,
      language: 'nl',
      draft: FR,
      draftLanguage: 'fr',
      provider: 'deepl',
    });
  } finally {
    await amelie.remove();
  }
});

test('translation faults keep the draft as written and say what happened', async ({
  page,
  request,
}) => {
  const manager = tokenOf('Camille Laurent');
  const list = (await (
    await request.get('/api/conversations?language=nl&platform=x&limit=20', {
      headers: { authorization: `Bearer ${manager}` },
    })
  ).json()) as { result: { items: { id: string; author: { name: string } }[] } };
  const target = list.result.items.at(-1)!;
  const emulator = await emulatorOrigin(request, manager);
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  await inbox.open(target.id, target.author.name);
  const reply = new TranslatedReply(page);
  await reply.writeInOwnLanguage();

  // DeepL's used-up quota (456), on the translation made as the draft rests.
  await deeplFails(request, emulator, { kind: 'error', status: 456 });
  await reply.draft.fill(FR);
  await expect(reply.error).toContainText(
    'DeepL’s translation quota for this period is used up: nothing was translated. Your draft is kept',
  );
  await expect(reply.draft).toHaveValue(FR);
  await expect(reply.send).toBeDisabled();
  // With SHOTS_DIR set, the composer saying so is saved as a screenshot.
  if (process.env.SHOTS_DIR)
    await page.screenshot({ path: join(process.env.SHOTS_DIR, 'composer-translate-fault.png') });

  // A refused key (403), and a text too long (413).
  await deeplFails(request, emulator, { kind: 'error', status: 403 });
  await reply.translateButton.click();
  await expect(reply.error).toContainText('DeepL refused the inbox’s key. Your draft is kept');
  await deeplFails(request, emulator, { kind: 'error', status: 413 });
  await reply.translateButton.click();
  await expect(reply.error).toContainText('longer than DeepL translates at once');
  await expect(reply.draft).toHaveValue(FR);

  // A service that does not answer: cancelled, or given up after the hub's 10 s.
  await deeplFails(request, emulator, { kind: 'timeout' });
  await reply.translateButton.click();
  await expect(reply.progress).toContainText('Translating into Dutch…');
  await reply.cancel.click();
  await expect(page.getByTestId('draft-translation')).toContainText(
    'Translation cancelled. Your draft is kept.',
  );
  await deeplFails(request, emulator, { kind: 'timeout' });
  await reply.translateButton.click();
  await expect(reply.error).toContainText('DeepL did not answer in time. Your draft is kept', {
    timeout: 20_000,
  });
  await expect(reply.draft).toHaveValue(FR);
  await expect(reply.send).toBeDisabled();

  // Once the service answers again, the translation comes and the reply can go.
  await reply.translateButton.click();
  await expect(reply.translated).toHaveValue(NL);
  await expect(reply.error).toBeHidden();
  await expect(reply.send).toBeEnabled();
});

test('a post’s Translate link says what went wrong in the agent’s language, then translates', async ({
  page,
  request,
}) => {
  await DisplaySettings.preset(page, { language: 'fr' });
  const manager = tokenOf('Camille Laurent');
  const list = (await (
    await request.get('/api/conversations?language=nl&platform=facebook&limit=5', {
      headers: { authorization: `Bearer ${manager}` },
    })
  ).json()) as { result: { items: { id: string; author: { name: string } }[] } };
  const target = list.result.items[0]!;
  const emulator = await emulatorOrigin(request, manager);
  const inbox = new InboxPage(page);
  await inbox.goto('Camille Laurent');
  await inbox.open(target.id, target.author.name);
  const link = page.getByTestId('post-translate').first();
  await expect(link).toHaveText('Traduire en français');

  // DeepL's used-up quota (456): said in French, from the error's code, not the hub's English.
  await deeplFails(request, emulator, { kind: 'error', status: 456 });
  await link.click();
  const error = page.getByTestId('post-translate-error');
  await expect(error).toHaveText(
    'Le quota de traduction de DeepL pour cette période est épuisé : rien n’a été traduit. Un manager peut relever le quota ou changer la clé.',
  );
  if (process.env.SHOTS_DIR)
    await page.screenshot({ path: join(process.env.SHOTS_DIR, 'post-translate-fault-fr.png') });

  // Once the service answers again, the translation shows and the message goes.
  await link.click();
  await expect(page.getByTestId('post-translation').first()).toContainText(
    'Traduction en français (DeepL)',
  );
  await expect(error).toBeHidden();
});
