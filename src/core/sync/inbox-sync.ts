import { PlatformError } from '../connectors/platform-error';
import type { Account, InboxEvent, SyncStatus } from '../../shared';
import { receive } from '../arrivals';
import type { CredentialVault } from '../auth/credential-vault';
import type { ChangeQueue } from '../change-queue';
import type { TagRegistry } from '../queue/tag-registry';
import type { RuleBook } from '../rules/rule-book';
import type { InboxCommits } from '../store/inbox-commits';
import type { InboxStore } from '../store/port';
import { isStorageError } from '../store/storage-error';
import type { WorkspaceStore } from '../store/workspace-store';
import { dateOf } from '../time/clock';
import type { Clock } from '../time/clock';
import type { DraftPost } from '../triage/threading';
import type { CursorMove, SyncConfig } from './sync-context';
import { SyncEngine } from './sync-engine';
import type { SyncLeadership } from './sync-leadership';
import { withGaps } from './account-gaps';

export interface InboxSyncDeps {
  config: SyncConfig;
  pollIntervalMs: number;
  retryBaseMs: number;
  clock: Clock;
  workspace: WorkspaceStore;
  store: InboxStore;
  commits: InboxCommits;
  rules: RuleBook;
  tags: TagRegistry;
  vault: CredentialVault;
  queue: ChangeQueue;
  emit(event: InboxEvent): void;
  /** Which accounts this process syncs, where several share the store (null: all of them). */
  leadership?: SyncLeadership | null;
}

/**
 * The accounts' sync loops and what they find: posts are stored in turn with the team's changes
 * (through the change queue), and each account's sync status is kept with it and told to clients.
 */
export class InboxSync {
  private readonly engine: SyncEngine;
  /** Whether sync loops run (start was called): new accounts then start theirs at once. */
  private syncing = false;

  constructor(private readonly deps: InboxSyncDeps) {
    const { workspace, vault } = deps;
    this.engine = new SyncEngine({
      config: deps.config,
      cursor: (accountId, stream) => deps.store.cursors.get(accountId, stream),
      moveCursors: async ({ accountId, cursors, gaps }) => {
        await deps.commits.commit([], {
          changes: [
            { kind: 'cursors.set', accountId, cursors },
            ...(gaps?.length ? [{ kind: 'gaps.put' as const, gaps }] : []),
          ],
        });
      },
      clock: deps.clock,
      token: (account, force) => vault.accessToken(account, { forceRefresh: force }),
      refreshable: (account) => vault.refreshable(account),
      pollIntervalMs: deps.pollIntervalMs,
      retryBaseMs: deps.retryBaseMs,
      ingest: (drafts, move) => this.ingest(drafts, move),
      progress: (account, stream, phase, fetched, done, estimated = null) =>
        deps.emit({
          type: 'sync.progress',
          progress: { accountId: account.id, stream, phase, fetched, estimated, done },
        }),
      setStatus: (id, status) => this.setStatus(id, status),
      account: (id) => workspace.data.accounts.find((a) => a.id === id),
      ...(deps.leadership ? { leads: (id: string) => deps.leadership!.leads(id) } : {}),
    });
  }

  /** Starts the sync loop of every connected account. */
  start(): void {
    this.syncing = true;
    const { leadership } = this.deps;
    const all = () => {
      if (this.syncing)
        for (const account of this.deps.workspace.data.accounts) this.engine.start(account.id);
    };
    // Where several processes share the store, the loops start once the leases are asked for.
    if (leadership) void leadership.start().then(all, all);
    else all();
  }

  /** After a (re)connection: a stopped loop (expired token) starts again, a running one goes on. */
  restart(accountId: string): void {
    if (!this.syncing) return;
    const start = () => {
      if (this.syncing) this.engine.start(accountId);
    };
    // A new account's lease is asked for first.
    if (this.deps.leadership) void this.deps.leadership.renew().then(start, start);
    else start();
  }

  stop(accountId: string): Promise<void> {
    return this.engine.stop(accountId);
  }

  async stopAll(): Promise<void> {
    this.syncing = false;
    await this.engine.stopAll();
    await this.deps.leadership?.stop();
  }

  /** One sync pass over one account, for tools and tests; errors are thrown. */
  syncOnce(accountId: string): Promise<void> {
    return this.engine.syncOnce(accountId);
  }

  /**
   * Threads and stores posts with their conversations (and the cursors that cover them), one batch
   * at a time.
   */
  ingest(drafts: DraftPost[], move?: CursorMove): Promise<void> {
    const { deps } = this;
    return deps.queue.run(() =>
      receive(
        {
          store: deps.store,
          commits: deps.commits,
          rules: deps.rules,
          tags: deps.tags,
          workspace: deps.workspace,
          emit: (event) => deps.emit(event),
        },
        drafts,
        dateOf(deps.clock),
        move,
      ),
    );
  }

  /** The platform holds an account (a cap or access refused while sending): its status says so. */
  hold(accountId: string, status: Partial<SyncStatus>): Promise<void> {
    return this.setStatus(accountId, status);
  }

  /**
   * Notes on the account a permission the platform refused a call for (a reply, a statement, a
   * hide): the user is told to connect it again and grant it. Other errors say nothing here.
   */
  async noteRefusal(accountId: string, err: unknown): Promise<void> {
    if (err instanceof PlatformError && err.kind === 'permission')
      await this.setStatus(accountId, { permission: err.permission ?? '' });
  }

  /**
   * An account's sync status, kept with the account. A status the disk refuses is only told (the
   * sync loop goes on, and says so), never thrown at the loop.
   */
  private async setStatus(accountId: string, status: Partial<SyncStatus>): Promise<void> {
    const { workspace } = this.deps;
    let updated: Account | undefined;
    try {
      await this.deps.commits.update((data) => {
        data.accounts = data.accounts.map((a) => {
          if (a.id !== accountId) return a;
          updated = { ...a, sync: { ...a.sync, ...status } };
          return updated;
        });
      });
    } catch (err) {
      if (!isStorageError(err)) throw err;
      const account = workspace.data.accounts.find((a) => a.id === accountId);
      updated = account && {
        ...account,
        sync: { ...account.sync, ...status, message: (err as Error).message },
      };
    }
    if (!updated) return;
    let told = updated;
    try {
      told = await withGaps(this.deps.store, updated);
    } catch (err) {
      if (!isStorageError(err)) throw err;
    }
    this.deps.emit({ type: 'account.status', account: told });
  }
}
