import { DeleteTagInputSchema, InboxError, RenameTagInputSchema } from '../../shared';
import type { ApiInput, ApiOutput, AuditFact, Conversation, InboxEvent } from '../../shared';
import type { Actor } from '../audit/audit-facts';
import type { InboxCommits } from '../store/inbox-commits';
import type { InboxStore } from '../store/port';
import type { SettingsChange } from '../store/workspace-store';
import { isoOf } from '../time/clock';
import type { Clock } from '../time/clock';
import { renamedTags, withoutTag } from './tag-registry';
import type { TagRegistry } from './tag-registry';

export interface TagChangesDeps {
  store: InboxStore;
  tags: TagRegistry;
  commits: InboxCommits;
  clock: Clock;
  emit(event: InboxEvent): void;
  /** Runs a change of the stores in turn with ingests, so the two never interleave. */
  serialize<T>(change: () => Promise<T>): Promise<T>;
}

/**
 * Renaming or deleting a tag across the queue: every conversation carrying it (each one's version
 * bumped), the registry and the audit entry in one write, then each change announced.
 */
export class TagChanges {
  constructor(private readonly deps: TagChangesDeps) {}

  rename(input: ApiInput<'renameTag'>, by: Actor): Promise<ApiOutput<'renameTag'>> {
    const { name, newName } = RenameTagInputSchema.parse(input);
    return this.deps.serialize(async () => {
      if (name === newName)
        throw new InboxError('bad_request', 'The new name is the same as the old one');
      const changed = await this.retagged((tags) => renamedTags(tags, name, newName), name);
      const { tag, change } = this.deps.tags.renaming(name, newName);
      await this.store(changed, change, {
        ...by,
        action: 'tag.renamed',
        conversationId: null,
        details: { name, newName, conversations: changed.length },
      });
      return { tag, updated: changed.length };
    });
  }

  remove(input: ApiInput<'deleteTag'>, by: Actor): Promise<ApiOutput<'deleteTag'>> {
    const { name } = DeleteTagInputSchema.parse(input);
    return this.deps.serialize(async () => {
      const changed = await this.retagged((tags) => withoutTag(tags, name), name);
      await this.store(changed, this.deps.tags.deleting(name), {
        ...by,
        action: 'tag.deleted',
        conversationId: null,
        details: { name, conversations: changed.length },
      });
      return { tag: null, updated: changed.length };
    });
  }

  /** The new state of every conversation `retag` changes (null: left alone); nothing is written. */
  private async retagged(
    retag: (tags: readonly string[]) => string[] | null,
    name: string,
  ): Promise<Conversation[]> {
    const { conversations } = this.deps.store;
    const now = isoOf(this.deps.clock);
    const changed: Conversation[] = [];
    for (const current of await conversations.getMany(await conversations.idsWithTag(name))) {
      const tags = retag(current.tags);
      if (tags == null) continue;
      changed.push({ ...current, tags, version: current.version + 1, updatedAt: now });
    }
    if (changed.length === 0 && !this.deps.tags.get(name))
      throw new InboxError('not_found', `No tag named ${name}`);
    return changed;
  }

  private async store(changed: Conversation[], registry: SettingsChange, fact: AuditFact) {
    const { commits, tags, emit } = this.deps;
    await commits.commit([fact], {
      changes: [
        {
          kind: 'conversations.put',
          conversations: changed,
          // Each was read one version before (a change through another replica meanwhile refuses it).
          expect: Object.fromEntries(changed.map((c) => [c.id, c.version - 1])),
        },
      ],
      settings: [registry],
    });
    for (const conversation of changed) emit({ type: 'conversation.changed', conversation });
    emit({ type: 'tags.changed', tags: tags.list() });
  }
}
