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
      moveCursors: async ({ accountId, cursors }) => {
        await deps.commits.commit([], { changes: [{ kind: 'cursors.set', accountId, cursors }] });
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
    });
  }

  /** Starts the sync loop of every connected account. */
  start(): void {
    this.syncing = true;
    for (const account of this.deps.workspace.data.accounts) this.engine.start(account.id);
  }

  /** After a (re)connection: a stopped loop (expired token) starts again, a running one goes on. */
  restart(accountId: string): void {
    if (this.syncing) this.engine.start(accountId);
  }

  stop(accountId: string): Promise<void> {
    return this.engine.stop(accountId);
  }

  stopAll(): Promise<void> {
    return this.engine.stopAll();
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
    if (updated) this.deps.emit({ type: 'account.status', account: updated });
  }
}
