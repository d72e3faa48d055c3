import { expect } from '@playwright/test';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { Conversation } from '../../src/shared';
import { tokenOf } from './team';
import type { DemoAgent } from './team';

/** The queue's triage tools: keys, pickers, the bulk bar, views, the Tags dialog. */
export class QueuePage {
  readonly palette: Locator;
  readonly paletteInput: Locator;
  readonly bulkBar: Locator;
  readonly notice: Locator;
  readonly triageBar: Locator;
  readonly views: Locator;
  readonly tagsDialog: Locator;
  readonly help: Locator;
  /** Who the open conversation is assigned to, as the triage bar shows it. */
  readonly assignee: Locator;

  constructor(readonly page: Page) {
    this.palette = page.getByTestId('action-palette');
    this.paletteInput = this.palette.getByRole('combobox');
    this.bulkBar = page.getByTestId('bulk-bar');
    this.notice = page.getByTestId('queue-notice');
    this.triageBar = page.getByTestId('triage-bar');
    this.views = page.getByTestId('views');
    this.tagsDialog = page.getByTestId('tags-dialog');
    this.help = page.getByTestId('shortcuts-dialog');
    this.assignee = page.getByTestId('assignee-select').locator('option:checked');
  }

  /** The conversation open on the right, by id. */
  async openId(): Promise<string> {
    const view = this.page.getByTestId('conversation-view');
    await expect(view).toBeVisible();
    return (await view.getAttribute('data-conversation-id'))!;
  }

  /** The row under the keyboard cursor, or the open one. */
  async activeRowId(): Promise<string | null> {
    const active = await this.page
      .getByTestId('conversation-list')
      .getAttribute('aria-activedescendant');
    if (active == null) return null;
    return this.page.locator(`[id="${active}"]`).getAttribute('data-conversation-id');
  }

  /** A key, then (for a picker key) a choice typed and applied with Enter. */
  async pick(key: string, typed: string): Promise<void> {
    await this.page.keyboard.press(key);
    await expect(this.paletteInput).toBeFocused();
    await this.page.keyboard.type(typed);
    await expect(this.palette.getByRole('option').first()).toBeVisible();
    await this.page.keyboard.press('Enter');
    await expect(this.palette).toBeHidden();
  }

  chips(scope: Locator): Locator {
    return scope.getByTestId('tag-chip');
  }

  view(name: string): Locator {
    return this.views.locator(`[data-testid="view"][data-view="${name}"]`);
  }
}

/** The hub's API as a demo agent, for checking what the UI did. */
export class TeamApi {
  constructor(
    private readonly request: APIRequestContext,
    private readonly agent: DemoAgent,
  ) {}

  private get headers() {
    return { authorization: `Bearer ${tokenOf(this.agent)}` };
  }

  async conversation(id: string): Promise<Conversation> {
    const res = await this.request.get(`/api/conversations/${encodeURIComponent(id)}`, {
      headers: this.headers,
    });
    expect(res.status()).toBe(200);
    return ((await res.json()) as { result: { conversation: Conversation } }).result.conversation;
  }

  async list(query: string): Promise<Conversation[]> {
    const res = await this.request.get(`/api/conversations?${query}`, { headers: this.headers });
    expect(res.status()).toBe(200);
    return ((await res.json()) as { result: { items: Conversation[] } }).result.items;
  }

  async post<T>(path: string, data: unknown): Promise<T> {
    const res = await this.request.post(path, { headers: this.headers, data });
    const body = (await res.json()) as { ok: boolean; result: T; error?: { message: string } };
    if (!body.ok) throw new Error(body.error?.message ?? `${path} failed`);
    return body.result;
  }

  async whoAmI(): Promise<{ id: string }> {
    const res = await this.request.get('/api/session', { headers: this.headers });
    return ((await res.json()) as { result: { id: string } }).result;
  }

  /** Gives conversations back to the team (nobody's), so other tests find them as they were. */
  async unassign(ids: readonly string[]): Promise<void> {
    const changes = [];
    for (const id of ids) {
      const c = await this.conversation(id);
      if (c.assignee != null) changes.push({ id, version: c.version, assignee: null });
    }
    if (changes.length > 0) await this.post('/api/conversations/update-many', { changes });
  }
}
