import type { AuditEntry } from '../../shared';
import type { CommitFacts, InboxStore, StoreChange } from './port';
import { settingsText, workspaceOf } from './workspace-store';
import type { SettingsChange, WorkspaceStore } from './workspace-store';

/** What a commit changes besides its audit entries. */
export interface CommitChanges {
  /** Changes of the store, made in the commit's transaction in this order. */
  changes?: readonly StoreChange[];
  /** Changes of the settings document, made on a copy of it in this order. */
  settings?: readonly SettingsChange[];
}

/**
 * The one way the inbox changes what it keeps: the store's changes, the settings document and the
 * audit entries of one action are one transaction of the store (the settings document is kept in it
 * until its own file is written), durable when the commit resolves, and shown only then. Where the
 * store keeps the document itself (shared by several processes), it is changed in the commit.
 */
export class InboxCommits {
  /** Commits that change the settings, one after the other: each starts from the one before. */
  private settingsChain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: InboxStore,
    private readonly workspace: WorkspaceStore,
  ) {}

  commit(facts: CommitFacts, what: CommitChanges = {}): Promise<AuditEntry[]> {
    const changes = what.changes ?? [];
    const settings = what.settings ?? [];
    if (settings.length === 0) return this.store.commit(facts, changes);
    const run = this.settingsChain.then(() => this.withSettings(facts, changes, settings));
    this.settingsChain = run.catch(() => undefined);
    return run;
  }

  /** A change of the settings alone (one the audit trail does not record). */
  update(change: SettingsChange): Promise<AuditEntry[]> {
    return this.commit([], { settings: [change] });
  }

  private async withSettings(
    facts: CommitFacts,
    changes: readonly StoreChange[],
    settings: readonly SettingsChange[],
  ): Promise<AuditEntry[]> {
    const shared = this.store.sharedSettings;
    if (shared) {
      // The document in the store is the one changed, as the commit's transaction finds it: a
      // change another process committed meanwhile is kept, and this one made on top of it.
      const { entries, settings: kept } = await shared.commit(facts, changes, (current) => {
        const next = workspaceOf(current.text);
        for (const change of settings) change(next);
        return settingsText(next);
      });
      this.workspace.adoptVersion(kept.text, kept.version, false);
      return entries;
    }
    const next = this.workspace.draft(settings);
    const entries = await this.store.commit(facts, [
      ...changes,
      { kind: 'settings.put', text: settingsText(next) },
    ]);
    // The file follows the store, never the other way round: it is written once the commit that
    // holds the same document is on the disk.
    await this.store.durable();
    const kept = await this.store.settings.pending();
    try {
      await this.workspace.adopt(next);
      if (kept != null) await this.store.settings.settled(kept.seq);
    } catch {
      // The change is made (the store has it): its file is written at the next change of the
      // settings, or at the next open from what the store kept.
    }
    return entries;
  }
}
