import { randomUUID } from 'node:crypto';
import { InboxError, SaveSavedReplyInputSchema, SavedReplyIdInputSchema } from '../../shared';
import type { ApiInput, SavedReply } from '../../shared';
import type { InboxCommits } from '../store/inbox-commits';
import type { WorkspaceStore } from '../store/workspace-store';

/** The team's saved replies, in workspace.json, sorted by language then title. */
export class SavedReplyBook {
  constructor(
    private readonly workspace: WorkspaceStore,
    private readonly commits: InboxCommits,
  ) {}

  list(): SavedReply[] {
    return [...this.workspace.data.savedReplies].sort(
      (a, b) => a.language.localeCompare(b.language) || a.title.localeCompare(b.title),
    );
  }

  async save(input: ApiInput<'saveSavedReply'>): Promise<SavedReply> {
    const { id, ...fields } = SaveSavedReplyInputSchema.parse(input);
    if (id != null && !this.workspace.data.savedReplies.some((r) => r.id === id))
      throw new InboxError('not_found', `No saved reply with id ${id}`);
    const reply: SavedReply = { id: id ?? `reply:${randomUUID()}`, ...fields };
    await this.commits.update((data) => {
      data.savedReplies =
        id == null
          ? [...data.savedReplies, reply]
          : data.savedReplies.map((r) => (r.id === id ? reply : r));
    });
    return reply;
  }

  async delete(input: ApiInput<'deleteSavedReply'>): Promise<void> {
    const { id } = SavedReplyIdInputSchema.parse(input);
    if (!this.workspace.data.savedReplies.some((r) => r.id === id))
      throw new InboxError('not_found', `No saved reply with id ${id}`);
    await this.commits.update((data) => {
      data.savedReplies = data.savedReplies.filter((r) => r.id !== id);
    });
  }
}
