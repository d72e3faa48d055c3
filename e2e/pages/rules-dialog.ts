import { expect } from '@playwright/test';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { LanguagePicker } from './language-picker';

/** The managers' Rules dialog. */
export class RulesDialog {
  readonly dialog: Locator;
  readonly rows: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('rules-dialog');
    this.rows = this.dialog.getByTestId('rule-row');
    this.form = this.dialog.getByTestId('rule-form');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('open-rules').click();
    await expect(this.dialog).toBeVisible();
  }

  /** The languages a rule being edited applies to. */
  get languages(): LanguagePicker {
    return new LanguagePicker(this.form.getByTestId('rule-languages'));
  }

  /** What the rule being edited would match now, and a few of them. */
  get preview(): { count: Locator; examples: Locator } {
    const preview = this.form.getByTestId('rule-preview');
    return {
      count: preview.getByTestId('rule-preview-count'),
      examples: preview.getByTestId('rule-preview-example'),
    };
  }

  /** Starts a new rule with its name. */
  async start(name: string): Promise<void> {
    await this.dialog.getByRole('button', { name: 'New rule' }).click();
    await this.form.getByLabel('Name').fill(name);
  }

  /** Assigns the rule being edited, and saves it. */
  async finish(assign: string): Promise<void> {
    await this.form.getByTestId('rule-assign').selectOption({ label: assign });
    await this.form.getByRole('button', { name: 'Save the rule' }).click();
    await expect(this.form).toBeHidden();
  }

  /** A new rule: its name, a language it applies to (typed, and its name), to whom it assigns. */
  async create(name: string, language: [string, string], assign: string): Promise<void> {
    await this.start(name);
    await this.languages.choose(...language);
    await this.finish(assign);
  }
}

/**
 * A new X mention arriving now, through the demo emulator's test control. Where the emulator is
 * comes from the X sign-in page the hub would open (a sign-in started and cancelled at once).
 */
export async function mentionArrives(
  request: APIRequestContext,
  managerToken: string,
  mention: { username: string; name: string; text: string; lang: string },
): Promise<string> {
  const headers = { authorization: `Bearer ${managerToken}` };
  const started = (await (
    await request.post('/api/accounts/connect', { headers, data: { platform: 'x' } })
  ).json()) as {
    result: { flowId: string; authorizeUrl: string };
  };
  await request.post('/api/accounts/connect/cancel', {
    headers,
    data: { flowId: started.result.flowId },
  });
  const emulator = new URL(started.result.authorizeUrl).origin;
  const arrived = await request.post(`${emulator}/__emulator/arrivals`, {
    data: {
      platform: 'x',
      text: mention.text,
      lang: mention.lang,
      author: { username: mention.username, name: mention.name, followers: 42 },
    },
  });
  expect(arrived.status()).toBe(201);
  return ((await arrived.json()) as { data: { id: string } }).data.id;
}
