import { DEFAULT_TAG_COLOR, InboxError } from '../../shared';
import type { Conversation, TagDef, TagSummary } from '../../shared';
import type { WorkspaceStore } from '../store/workspace-store';

/**
 * The team's tags and their colours, kept in workspace.json. Tags applied before anyone registered
 * them join with the default colour, so the registry always names every tag in use.
 */
export class TagRegistry {
  constructor(private readonly workspace: WorkspaceStore) {}

  list(): TagDef[] {
    return [...this.workspace.data.tags].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): TagDef | undefined {
    return this.workspace.data.tags.find((t) => t.name === name);
  }

  /** Every tag with how many conversations carry it, tags in use but unregistered included. */
  summarize(conversations: Iterable<Conversation>): TagSummary[] {
    const counts = new Map<string, number>();
    for (const c of conversations) {
      for (const tag of c.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
    const tags: TagSummary[] = this.list().map((t) => ({ ...t, count: counts.get(t.name) ?? 0 }));
    for (const [name, count] of counts) {
      if (!this.get(name)) tags.push({ name, color: DEFAULT_TAG_COLOR, count });
    }
    return tags.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Registers a tag or gives it another colour. */
  async save(tag: TagDef): Promise<TagDef> {
    await this.workspace.update((data) => {
      data.tags = [...data.tags.filter((t) => t.name !== tag.name), tag];
    });
    return tag;
  }

  /** Registers the tags not known yet with the default colour; true when any was new. */
  async ensure(names: readonly string[]): Promise<boolean> {
    const missing = [...new Set(names)].filter((name) => !this.get(name));
    if (missing.length === 0) return false;
    await this.workspace.update((data) => {
      data.tags = [...data.tags, ...missing.map((name) => ({ name, color: DEFAULT_TAG_COLOR }))];
    });
    return true;
  }

  /** Renames a tag in the registry; onto an existing tag, the two become that one. */
  async rename(from: string, to: string): Promise<TagDef> {
    if (from === to) throw new InboxError('bad_request', 'The new name is the same as the old one');
    const color = this.get(from)?.color ?? DEFAULT_TAG_COLOR;
    const target = this.get(to) ?? { name: to, color };
    await this.workspace.update((data) => {
      data.tags = [...data.tags.filter((t) => t.name !== from && t.name !== to), target];
    });
    return target;
  }

  async delete(name: string): Promise<void> {
    await this.workspace.update((data) => {
      data.tags = data.tags.filter((t) => t.name !== name);
    });
  }
}

/** A conversation's tags with one renamed (merged if it already carries the new name), or null if it doesn't carry it. */
export function renamedTags(tags: readonly string[], from: string, to: string): string[] | null {
  if (!tags.includes(from)) return null;
  return [...new Set(tags.map((t) => (t === from ? to : t)))];
}

/** A conversation's tags without one, or null if it doesn't carry it. */
export function withoutTag(tags: readonly string[], name: string): string[] | null {
  return tags.includes(name) ? tags.filter((t) => t !== name) : null;
}
