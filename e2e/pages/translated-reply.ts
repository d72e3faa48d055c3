import { expect } from '@playwright/test';
import type { APIRequestContext, Locator, Page } from '@playwright/test';

/** The composer writing in the agent's language: the draft, its translation, what goes with them. */
export class TranslatedReply {
  readonly mode: Locator;
  readonly draft: Locator;
  readonly translated: Locator;
  readonly translateButton: Locator;
  readonly progress: Locator;
  readonly cancel: Locator;
  readonly error: Locator;
  readonly send: Locator;

  constructor(readonly page: Page) {
    const composer = page.getByTestId('composer');
    this.mode = composer.getByTestId('translate-mode');
    this.draft = composer.getByTestId('reply-text');
    this.translated = composer.getByTestId('translated-text');
    this.translateButton = composer.getByTestId('translate-draft');
    this.progress = composer.getByTestId('translation-progress');
    this.cancel = composer.getByTestId('translation-cancel');
    this.error = composer.getByTestId('translation-error');
    this.send = composer.getByTestId('send-reply');
  }

  /** Turns on "Write in <my language>". */
  async writeInOwnLanguage(): Promise<void> {
    await this.mode.check();
    await expect(this.translated).toBeVisible();
  }

  /** Writes the draft and waits for its translation to be ready to send. */
  async draftAndTranslate(draft: string, expected: string): Promise<void> {
    await this.draft.fill(draft);
    await expect(this.translated).toHaveValue(expected);
    await expect(this.send).toBeEnabled();
  }
}

/** A team member the test adds through the hub's API (and removes after), with their token. */
export async function addAgent(
  request: APIRequestContext,
  managerToken: string,
  agent: { name: string; languages: string[] },
): Promise<{ id: string; token: string; remove: () => Promise<void> }> {
  const headers = { authorization: `Bearer ${managerToken}` };
  const made = await request.post('/api/agents', { headers, data: { ...agent, role: 'agent' } });
  expect(made.ok()).toBe(true);
  const { result } = (await made.json()) as { result: { agent: { id: string }; token: string } };
  return {
    id: result.agent.id,
    token: result.token,
    remove: async () => {
      await request.post('/api/agents/remove', { headers, data: { id: result.agent.id } });
    },
  };
}

/** The emulator's address, from the sign-in page a connect flow points to (then cancelled). */
export async function emulatorOrigin(
  request: APIRequestContext,
  managerToken: string,
): Promise<string> {
  const headers = { authorization: `Bearer ${managerToken}` };
  const started = (await (
    await request.post('/api/accounts/connect', { headers, data: { platform: 'x' } })
  ).json()) as { result: { flowId: string; authorizeUrl: string } };
  await request.post('/api/accounts/connect/cancel', {
    headers,
    data: { flowId: started.result.flowId },
  });
  return new URL(started.result.authorizeUrl).origin;
}

/** Makes the emulated DeepL fail its next request the way the real one does. */
export async function deeplFails(
  request: APIRequestContext,
  emulator: string,
  fault: { kind: 'error'; status: number } | { kind: 'timeout' },
): Promise<void> {
  const armed = await request.post(`${emulator}/__emulator/faults`, {
    data: { platform: 'deepl', ...fault },
  });
  expect(armed.ok()).toBe(true);
}
