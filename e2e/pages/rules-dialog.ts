import { expect } from '@playwright/test';
import type { APIRequestContext, Locator, Page } from '@playwright/test';

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

  /** A new rule: its name, the languages it applies to, and to whom it assigns. */
  async create(name: string, languages: string, assign: string): Promise<void> {
    await this.dialog.getByRole('button', { name: 'New rule' }).click();
    await this.form.getByLabel('Name').fill(name);
    await this.form.getByLabel(/in these languages/).fill(languages);
    await this.form.getByTestId('rule-assign').selectOption({ label: assign });
    await this.form.getByRole('button', { name: 'Save the rule' }).click();
    await expect(this.form).toBeHidden();
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
