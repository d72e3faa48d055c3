import { DeleteViewInputSchema, SaveViewInputSchema, TagDefSchema } from '../../shared';
import type { ApiInput, ApiOutput, CallContext, InboxEvent } from '../../shared';
import type { ChangeQueue } from '../change-queue';
import type { InboxCommits } from '../store/inbox-commits';
import type { InboxStore } from '../store/port';
import type { WorkspaceStore } from '../store/workspace-store';
import { LOCAL_AGENT } from '../team/callers';
import type { Callers } from '../team/callers';
import type { Clock } from '../time/clock';
import { SavedViews } from './saved-views';
import { TagChanges } from './tag-changes';
import type { TagRegistry } from './tag-registry';

export interface TagsAndViewsDeps {
  clock: Clock;
  workspace: WorkspaceStore;
  store: InboxStore;
  commits: InboxCommits;
  tags: TagRegistry;
  queue: ChangeQueue;
  callers: Callers;
  emit(event: InboxEvent): void;
}

/** How the queue is sorted out: the team's tags, and each agent's saved views of it. */
export class TagsAndViews {
  private readonly tagChanges: TagChanges;
  private readonly views: SavedViews;

  constructor(private readonly deps: TagsAndViewsDeps) {
    this.tagChanges = new TagChanges({
      store: deps.store,
      tags: deps.tags,
      commits: deps.commits,
      clock: deps.clock,
      emit: (event) => deps.emit(event),
      serialize: (change) => deps.queue.run(change),
    });
    this.views = new SavedViews(deps.workspace, deps.commits);
  }

  async listTags(): Promise<ApiOutput<'listTags'>> {
    return this.deps.tags.summarize(await this.deps.store.conversations.tagCounts());
  }

  async saveTag(input: ApiInput<'saveTag'>): Promise<ApiOutput<'saveTag'>> {
    const tag = await this.deps.tags.save(TagDefSchema.strict().parse(input));
    this.emitTags();
    return tag;
  }

  /** Renames a tag on every conversation carrying it, in one write, each one's version bumped. */
  renameTag(input: ApiInput<'renameTag'>, context?: CallContext): Promise<ApiOutput<'renameTag'>> {
    return this.tagChanges.rename(input, this.deps.callers.actor(context));
  }

  /** Deletes a tag from the registry and from every conversation carrying it. */
  deleteTag(input: ApiInput<'deleteTag'>, context?: CallContext): Promise<ApiOutput<'deleteTag'>> {
    return this.tagChanges.remove(input, this.deps.callers.actor(context));
  }

  async listViews(
    _input?: ApiInput<'listViews'>,
    context?: CallContext,
  ): Promise<ApiOutput<'listViews'>> {
    return this.views.list((context?.agent ?? LOCAL_AGENT).id);
  }

  async saveView(
    input: ApiInput<'saveView'>,
    context?: CallContext,
  ): Promise<ApiOutput<'saveView'>> {
    return this.views.save((context?.agent ?? LOCAL_AGENT).id, SaveViewInputSchema.parse(input));
  }

  async deleteView(
    input: ApiInput<'deleteView'>,
    context?: CallContext,
  ): Promise<ApiOutput<'deleteView'>> {
    const { id } = DeleteViewInputSchema.parse(input);
    await this.views.delete((context?.agent ?? LOCAL_AGENT).id, id);
    return { done: true };
  }

  private emitTags(): void {
    this.deps.emit({ type: 'tags.changed', tags: this.deps.tags.list() });
  }
}
