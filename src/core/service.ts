import { EventEmitter } from 'node:events';
import {
  AccountListSchema,
  GetConversationInputSchema,
  InboxError,
  ListConversationsInputSchema,
  PlatformSchema,
} from '../shared';
import type {
  Account,
  ApiInput,
  ApiOutput,
  InboxApi,
  InboxEvent,
  Platform,
  SyncStatus,
  Unsubscribe,
} from '../shared';
import {
  GraphClient,
  GRAPH_DEFAULT_BASE_URL,
  GRAPH_DEFAULT_VERSION,
} from './connectors/facebook/graph-client';
import { XClient, X_DEFAULT_BASE_URL } from './connectors/x/x-client';
import { MemorySecretStore } from './secrets/secret-store';
import type { SecretStore } from './secrets/secret-store';
import { ConversationStore } from './store/conversation-store';
import { ConversationIndex } from './store/conversation-query';
import { PostStore } from './store/post-store';
import { WorkspaceStore } from './store/workspace-store';
import { SyncEngine } from './sync/sync-engine';
import { ingest } from './ingest';
import { Outbox } from './outbox/outbox';
import type { ReplyRequest } from './outbox/outbox';
import type { OutboxItem } from './outbox/outbox-item';
import type { DraftPost } from './triage/threading';

export interface InboxServiceOptions {
  /** Folder of the lowdb store. */
  dataDir: string;
  /** X API base URL, e.g. https://api.x.com (the emulator: http://127.0.0.1:PORT/x). */
  xBaseUrl?: string;
  /** Graph API base URL, e.g. https://graph.facebook.com (the emulator: http://127.0.0.1:PORT/graph). */
  graphBaseUrl?: string;
  graphVersion?: string;
  /** Facebook app secret: when set, every Graph call carries `appsecret_proof`. */
  graphAppSecret?: string | null;
  /** Poll interval in ms. */
  pollIntervalMs?: number;
  /** First wait after a platform server error; doubles with each failure in a row. */
  retryBaseMs?: number;
  /** Name of the client host for provenance, e.g. "desktop:hostname" or "hub:hostname". */
  clientName?: string;
  /** Where credentials live; the OS keychain in the app, memory in demo mode. */
  secrets?: SecretStore;
}

const idle: SyncStatus = {
  state: 'connected',
  until: null,
  lastSyncAt: null,
  message: null,
  fetched: 0,
};

/** The one implementation of InboxApi: the store, the sync loops, the live events. */
export class InboxService implements InboxApi {
  private readonly events = new EventEmitter();
  private readonly sync: SyncEngine;
  private readonly index: ConversationIndex;
  private outbox!: Outbox;
  private ingesting: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly options: Required<InboxServiceOptions>,
    private readonly workspace: WorkspaceStore,
    private readonly posts: PostStore,
    private readonly conversations: ConversationStore,
  ) {
    this.events.setMaxListeners(0);
    this.index = new ConversationIndex(() => conversations.all());
    this.sync = new SyncEngine({
      config: options,
      workspace,
      secrets: options.secrets,
      pollIntervalMs: options.pollIntervalMs,
      retryBaseMs: options.retryBaseMs,
      ingest: (drafts) => this.ingest(drafts),
      progress: (account, stream, phase, fetched, done, estimated = null) =>
        this.emit({
          type: 'sync.progress',
          progress: { accountId: account.id, stream, phase, fetched, estimated, done },
        }),
      setStatus: (id, status) => this.setStatus(id, status),
      account: (id) => this.workspace.data.accounts.find((a) => a.id === id),
    });
  }

  static async open(options: InboxServiceOptions): Promise<InboxService> {
    const full: Required<InboxServiceOptions> = {
      xBaseUrl: X_DEFAULT_BASE_URL,
      graphBaseUrl: GRAPH_DEFAULT_BASE_URL,
      graphVersion: GRAPH_DEFAULT_VERSION,
      graphAppSecret: null,
      pollIntervalMs: 60_000,
      retryBaseMs: 1000,
      clientName: 'inbox',
      secrets: new MemorySecretStore(),
      ...options,
    };
    const [workspace, posts, conversations] = await Promise.all([
      WorkspaceStore.open(full.dataDir),
      PostStore.open(full.dataDir),
      ConversationStore.open(full.dataDir),
    ]);
    const service = new InboxService(full, workspace, posts, conversations);
    service.outbox = await Outbox.open(full.dataDir, {
      config: full,
      retryBaseMs: full.retryBaseMs,
      account: (id) => workspace.data.accounts.find((a) => a.id === id),
      token: (account) => full.secrets.get(account.credentialRef),
      post: async (id) => {
        await posts.loadAll();
        return posts.get(id);
      },
      deliver: (draft) => service.ingest([draft]),
      changed: () => undefined,
    });
    return service;
  }

  async listConversations(
    input: ApiInput<'listConversations'>,
  ): Promise<ApiOutput<'listConversations'>> {
    const query = ListConversationsInputSchema.parse(input ?? {});
    return this.index.query(query);
  }

  async getConversation(input: ApiInput<'getConversation'>): Promise<ApiOutput<'getConversation'>> {
    const { id } = GetConversationInputSchema.parse(input);
    const conversation = this.conversations.get(id);
    if (!conversation) throw new InboxError('not_found', `No conversation with id ${id}`);
    await this.posts.loadRange(conversation.createdAt, conversation.lastPostAt);
    return { conversation, posts: this.posts.ofConversation(id) };
  }

  async listAccounts(): Promise<ApiOutput<'listAccounts'>> {
    return AccountListSchema.parse(this.workspace.data.accounts);
  }

  onEvent(listener: (event: InboxEvent) => void): Unsubscribe {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  /**
   * Connects a platform account with an access token: the platform says whose it is, the token goes
   * to the secret store and only its key to the workspace. Returns the account.
   */
  async connectAccount(input: { platform: Platform; token: string }): Promise<Account> {
    const platform = PlatformSchema.parse(input.platform);
    const identity =
      platform === 'x'
        ? await new XClient(input.token, this.options.xBaseUrl).me().then((u) => ({
            externalId: u.id,
            handle: u.username,
            name: u.name,
          }))
        : await new GraphClient(input.token, this.options.graphBaseUrl, this.options.graphVersion, {
            appSecret: this.options.graphAppSecret,
          })
            .get<{ id: string; name: string }>('me', { fields: 'id,name' })
            .then((p) => ({ externalId: p.id, handle: p.name, name: p.name }));
    const id = `${platform}:${identity.externalId}`;
    const credentialRef = id;
    await this.options.secrets.set(credentialRef, input.token);
    const previous = this.workspace.data.accounts.find((a) => a.id === id);
    const account: Account = {
      id,
      platform,
      credentialRef,
      ...identity,
      sync: { ...(previous?.sync ?? idle), state: 'connected', message: null, until: null },
    };
    await this.workspace.update((data) => {
      data.accounts = [...data.accounts.filter((a) => a.id !== id), account];
    });
    this.emit({ type: 'account.status', account });
    return account;
  }

  /** Starts the sync loop of every connected account, and settles replies a previous run left. */
  startSync(): void {
    for (const account of this.workspace.data.accounts) this.sync.start(account.id);
    void this.outbox.recover();
  }

  /** Queues a reply through the outbox; resolves once it is stored, before it is sent. */
  sendReply(request: ReplyRequest): Promise<OutboxItem> {
    return this.outbox.enqueue(request);
  }

  /** The outbox's replies, for tools and tests. */
  replies(): { list(): OutboxItem[]; idle(): Promise<void>; recover(): Promise<void> } {
    return this.outbox;
  }

  /** One sync pass over one account, for tools and tests; errors are thrown. */
  syncAccountOnce(accountId: string): Promise<void> {
    return this.sync.syncOnce(accountId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.sync.stopAll();
    await this.outbox.close();
    await this.ingesting;
    await Promise.all([this.posts.close(), this.conversations.close(), this.workspace.close()]);
    this.events.removeAllListeners();
  }

  /** Threads and stores posts, then updates their conversations; one batch at a time. */
  private ingest(drafts: DraftPost[]): Promise<void> {
    const run = this.ingesting.then(async () => {
      const stores = { posts: this.posts, conversations: this.conversations, index: this.index };
      const { changed, removed } = await ingest(stores, drafts, new Date());
      for (const conversation of changed) this.emit({ type: 'conversation.changed', conversation });
      for (const { id, into } of removed) this.emit({ type: 'conversation.removed', id, into });
    });
    this.ingesting = run.catch(() => undefined);
    return run;
  }

  private async setStatus(accountId: string, status: Partial<SyncStatus>): Promise<void> {
    let updated: Account | undefined;
    await this.workspace.update((data) => {
      data.accounts = data.accounts.map((a) => {
        if (a.id !== accountId) return a;
        updated = { ...a, sync: { ...a.sync, ...status } };
        return updated;
      });
    });
    if (updated) this.emit({ type: 'account.status', account: updated });
  }

  private emit(event: InboxEvent): void {
    this.events.emit('event', event);
  }
}
