import { randomUUID } from 'node:crypto';
import { InboxError } from '../../shared';
import { confusableWith } from '../../shared/names';
import type { SavedView, ViewFilters } from '../../shared';
import type { InboxCommits } from '../store/inbox-commits';
import type { WorkspaceStore } from '../store/workspace-store';

/** How many views one agent may keep. */
export const MAX_VIEWS = 50;

/** Each agent's saved views, in workspace.json by agent id: nobody sees another's. */
export class SavedViews {
  constructor(
    private readonly workspace: WorkspaceStore,
    private readonly commits: InboxCommits,
  ) {}

  list(agentId: string): SavedView[] {
    return [...(this.workspace.data.views[agentId] ?? [])];
  }

  /** A new view (no id), or a new name and filters for one of the agent's views. */
  async save(
    agentId: string,
    input: { id?: string | undefined; name: string; filters: ViewFilters },
  ): Promise<SavedView> {
    const views = this.list(agentId);
    if (input.id !== undefined && !views.some((v) => v.id === input.id))
      throw new InboxError('not_found', 'This view no longer exists');
    if (input.id === undefined && views.length >= MAX_VIEWS)
      throw new InboxError(
        'bad_request',
        `You can keep at most ${MAX_VIEWS} views: delete one first`,
      );
    const same = confusableWith(
      input.name,
      views.filter((v) => v.id !== input.id),
      (v) => v.name,
    );
    if (same != null)
      throw new InboxError(
        'conflict',
        `You already have a view called "${same.name}": choose another name, or replace that view`,
        { viewId: same.id },
      );
    const view: SavedView = {
      id: input.id ?? randomUUID(),
      name: input.name,
      filters: input.filters,
    };
    const next =
      input.id === undefined ? [...views, view] : views.map((v) => (v.id === view.id ? view : v));
    await this.commits.update((data) => {
      data.views = { ...data.views, [agentId]: next };
    });
    return view;
  }

  async delete(agentId: string, id: string): Promise<void> {
    const views = this.list(agentId);
    if (!views.some((v) => v.id === id))
      throw new InboxError('not_found', 'This view no longer exists');
    await this.commits.update((data) => {
      data.views = { ...data.views, [agentId]: views.filter((v) => v.id !== id) };
    });
  }
}
