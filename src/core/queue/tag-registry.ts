import { DEFAULT_TAG_COLOR, InboxError } from '../../shared';
import type { TagDef, TagSummary } from '../../shared';
import type { InboxCommits } from '../store/inbox-commits';
import type { SettingsChange, WorkspaceStore } from '../store/workspace-store';

/**
 * The team's tags and their colours, kept in workspace.json. Tags applied before anyone registered
 * them join with the default colour, so the registry always names every tag in use.
 */
export class TagRegistry {
  constructor(
    private readonly workspace: WorkspaceStore,
    private readonly commits: InboxCommits,
  ) {}

  list(): TagDef[] {
    return [...this.workspace.data.tags].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): TagDef | undefined {
    return this.workspace.data.tags.find((t) => t.name === name);
  }

  /** Every tag with how many conversations carry it, tags in use but unregistered included. */
  summarize(counts: ReadonlyMap<string, number>): TagSummary[] {
    const tags: TagSummary[] = this.list().map((t) => ({ ...t, count: counts.get(t.name) ?? 0 }));
    for (const [name, count] of counts) {
      if (!this.get(name)) tags.push({ name, color: DEFAULT_TAG_COLOR, count });
    }
    return tags.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Registers a tag or gives it another colour. */
  async save(tag: TagDef): Promise<TagDef> {
    await this.commits.update((data) => {
      data.tags = [...data.tags.filter((t) => t.name !== tag.name), tag];
    });
    return tag;
  }

  /**
   * The registration of the tags not known yet, with the default colour, to write with the change
   * that applies them; null when all are known.
   */
  ensuring(names: readonly string[]): SettingsChange | null {
    const wanted = [...new Set(names)];
    if (wanted.every((name) => this.get(name))) return null;
    return (data) => {
      const known = new Set(data.tags.map((t) => t.name));
      const missing = wanted.filter((name) => !known.has(name));
      data.tags = [...data.tags, ...missing.map((name) => ({ name, color: DEFAULT_TAG_COLOR }))];
    };
  }

  /**
   * A tag renamed in the registry (onto an existing tag, the two become that one), to write with
   * the conversations it renames.
   */
  renaming(from: string, to: string): { tag: TagDef; change: SettingsChange } {
    if (from === to) throw new InboxError('bad_request', 'The new name is the same as the old one');
    const color = this.get(from)?.color ?? DEFAULT_TAG_COLOR;
    const target = this.get(to) ?? { name: to, color };
    const change: SettingsChange = (data) => {
      data.tags = [...data.tags.filter((t) => t.name !== from && t.name !== to), target];
    };
    return { tag: target, change };
  }

  /** A tag taken out of the registry, to write with the conversations it leaves. */
  deleting(name: string): SettingsChange {
    return (data) => {
      data.tags = data.tags.filter((t) => t.name !== name);
    };
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
