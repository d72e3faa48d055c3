import { EventEmitter } from 'node:events';
import { InboxError } from '../shared';
import type {
  Account,
  Agent,
  ApiInput,
  CallContext,
  ApiOutput,
  InboxApi,
  InboxEvent,
  Platform,
  Unsubscribe,
} from '../shared';
import { GRAPH_DEFAULT_BASE_URL, GRAPH_DEFAULT_VERSION } from './connectors/facebook/graph-client';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './connectors/platform-error';
import { X_DEFAULT_BASE_URL } from './connectors/x/x-client';
import { MemorySecretStore } from './secrets/secret-store';
import type { SecretStore } from './secrets/secret-store';
import { Collaboration } from './collab/collaboration';
import { ConversationStore } from './store/conversation-store';
import { nodeFileSystem, storageAt } from './store/file-system';
import type { FileSystem } from './store/file-system';
import { NoteStore } from './store/note-store';
import { ConversationIndex } from './store/conversation-query';
import { PostStore } from './store/post-store';
import { WorkspaceStore } from './store/workspace-store';
import { takeBackUnfinished } from './store/unfinished-change';
import { InboxSync } from './sync/inbox-sync';
import { Accounts } from './accounts/accounts';
import type { ReplyRequest } from './outbox/outbox';
import type { OutboxItem } from './outbox/outbox-item';
import { CredentialVault } from './auth/credential-vault';
import { AgentDirectory } from './team/agent-directory';
import { Callers } from './team/callers';
import { FACEBOOK_DEFAULT_WEB_URL } from './auth/facebook-oauth';
import { oauthApps } from './auth/oauth-apps';
import { AuditLog } from './audit/audit-log';
import { Reports } from './reports/reports';
import { ChangeQueue } from './change-queue';
import { ConversationChanges } from './conversation-changes';
import { Team } from './team/team';
import { Statements } from './statements/statements';
import { RuleBook } from './rules/rule-book';
import { Rules } from './rules/rules';
import { SavedReplyBook } from './replies/saved-reply-book';
import { ReplyDesk } from './replies/reply-desk';
import { Triage } from './triage/triage';
import { X_DEFAULT_WEB_URL } from './auth/x-oauth';
import { TagRegistry } from './queue/tag-registry';
import { TagsAndViews } from './queue/tags-and-views';
import { dateOf, systemClock } from './time/clock';
import type { Clock } from './time/clock';

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
  /** The Facebook app's id, for Facebook Login (with `graphAppSecret`). */
  facebookAppId?: string | null;
  /** Where Facebook's login dialog lives: https://www.facebook.com (the emulator: …/facebook-web). */
  facebookWebBaseUrl?: string;
  /** The X app's OAuth 2.0 client id, for connecting X accounts. */
  xClientId?: string | null;
  /** Only for a confidential X app. */
  xClientSecret?: string | null;
  /** Where X's authorize page lives: https://x.com (the emulator: …/x-web). */
  xWebBaseUrl?: string;
  /** Poll interval in ms. */
  pollIntervalMs?: number;
  /** First wait after a platform server error; doubles with each failure in a row. */
  retryBaseMs?: number;
  /** How long one platform call may take before it is given up as transient (default 20 s). */
  requestTimeoutMs?: number;
  /** Name of the client host for provenance, e.g. "desktop:hostname" or "hub:hostname". */
  clientName?: string;
  /** Where credentials live; the OS keychain in the app, memory in demo mode. */
  secrets?: SecretStore;
  /** A presence not reported again for this long is dropped (default 60 s). */
  presenceTtlMs?: number;
  /** Where the inbox reads the time (the system's clock; tests pass their own). */
  clock?: Clock;
  /** What the store writes its files with (node:fs; tests inject storage faults). */
  fileSystem?: FileSystem;
}

/** The service's own channel (beside the clients' events) for changes to an agent's access. */
const TEAM_CHANGED = 'team.agent-changed';

/** The one implementation of InboxApi: the store, the sync loops, the live events. */
export class InboxService implements InboxApi {
  private readonly events = new EventEmitter();
  private readonly sync: InboxSync;
  private readonly triage: Triage;
  private readonly replyDesk: ReplyDesk;
  private readonly collab: Collaboration;
  /** Every change of the stores, the sync's and the team's, in one order. */
  private readonly queue = new ChangeQueue();
  private closed = false;
  private readonly vault: CredentialVault;
  private readonly directory: AgentDirectory;
  private readonly callers: Callers;
  private readonly tags: TagRegistry;
  private readonly tagsAndViews: TagsAndViews;
  private readonly accounts: Accounts;
  private readonly reports: Reports;
  private readonly changes: ConversationChanges;
  private readonly team: Team;
  private readonly statements: Statements;
  private readonly rules: Rules;

  private constructor(
    private readonly options: Required<InboxServiceOptions>,
    private readonly workspace: WorkspaceStore,
    private readonly posts: PostStore,
    private readonly conversations: ConversationStore,
    private readonly audit: AuditLog,
    private readonly notes: NoteStore,
  ) {
    this.events.setMaxListeners(0);
    const index = new ConversationIndex(() => conversations.all());
    // The list index follows the store: a change shows in it once it is durable.
    conversations.observe({
      changed: (next, previous) => index.changed(next, previous),
      removed: (previous) => index.remove(previous),
    });
    this.tags = new TagRegistry(workspace);
    const apps = oauthApps(options);
    this.vault = new CredentialVault(options.secrets, () => apps.x, options.clock);
    this.directory = new AgentDirectory(workspace);
    this.callers = new Callers(this.directory, options.clientName);
    this.changes = new ConversationChanges({
      conversations,
      audit,
      tags: this.tags,
      clock: options.clock,
      emit: (event) => this.emit(event),
      serialize: (change) => this.queue.run(change),
    });
    const book = new RuleBook(workspace, () => this.directory.list(), audit);
    this.statements = new Statements({
      config: options,
      account: (id) => this.workspace.data.accounts.find((a) => a.id === id),
      token: (account) => this.vault.accessToken(account),
      conversations,
      changes: this.changes,
    });
    this.reports = new Reports({
      conversations: () => conversations.all(),
      posts,
      agents: () => this.directory.list(),
      now: () => dateOf(this.clock),
    });
    this.sync = new InboxSync({
      config: options,
      pollIntervalMs: options.pollIntervalMs,
      retryBaseMs: options.retryBaseMs,
      clock: options.clock,
      workspace,
      posts,
      conversations,
      audit,
      rules: book,
      tags: this.tags,
      vault: this.vault,
      queue: this.queue,
      emit: (event) => this.emit(event),
    });
    this.accounts = new Accounts({
      config: options,
      apps,
      workspace,
      conversations,
      posts,
      audit,
      vault: this.vault,
      sync: this.sync,
      queue: this.queue,
      callers: this.callers,
      emit: (event) => this.emit(event),
    });
    this.replyDesk = new ReplyDesk({
      config: options,
      clientName: options.clientName,
      retryBaseMs: options.retryBaseMs,
      clock: options.clock,
      workspace,
      posts,
      conversations,
      audit,
      vault: this.vault,
      changes: this.changes,
      savedReplies: new SavedReplyBook(workspace),
      queue: this.queue,
      callers: this.callers,
      ingest: (drafts) => this.sync.ingest(drafts),
      emit: (event) => this.emit(event),
    });
    this.triage = new Triage({
      config: options,
      clock: options.clock,
      workspace,
      posts,
      conversations,
      index,
      notes,
      audit,
      vault: this.vault,
      directory: this.directory,
      changes: this.changes,
      replies: this.replyDesk,
      queue: this.queue,
      callers: this.callers,
    });
    this.team = new Team({
      directory: this.directory,
      audit,
      changes: this.changes,
      clock: options.clock,
      callers: this.callers,
      agentChanged: (agentId) => this.events.emit(TEAM_CHANGED, agentId),
    });
    this.collab = new Collaboration({
      clock: options.clock,
      presenceTtlMs: options.presenceTtlMs,
      conversations,
      notes,
      audit,
      directory: this.directory,
      callers: this.callers,
      emit: (event) => this.emit(event),
    });
    this.tagsAndViews = new TagsAndViews({
      clock: options.clock,
      workspace,
      conversations,
      audit,
      tags: this.tags,
      queue: this.queue,
      callers: this.callers,
      emit: (event) => this.emit(event),
    });
    this.rules = new Rules({ book, callers: this.callers, emit: (event) => this.emit(event) });
  }

  /** The inbox's time, as every part of it reads it. */
  get clock(): Clock {
    return this.options.clock;
  }

  static async open(options: InboxServiceOptions): Promise<InboxService> {
    const full: Required<InboxServiceOptions> = {
      xBaseUrl: X_DEFAULT_BASE_URL,
      graphBaseUrl: GRAPH_DEFAULT_BASE_URL,
      graphVersion: GRAPH_DEFAULT_VERSION,
      graphAppSecret: null,
      facebookAppId: null,
      facebookWebBaseUrl: FACEBOOK_DEFAULT_WEB_URL,
      xClientId: null,
      xClientSecret: null,
      xWebBaseUrl: X_DEFAULT_WEB_URL,
      pollIntervalMs: 60_000,
      retryBaseMs: 1000,
      requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
      clientName: 'inbox',
      secrets: new MemorySecretStore(),
      presenceTtlMs: 60_000,
      clock: systemClock,
      fileSystem: nodeFileSystem,
      ...options,
    };
    const storage = { fs: full.fileSystem, clock: full.clock };
    // A change a crash or a storage fault left half written is taken back before anything is read.
    await takeBackUnfinished(storageAt(full.dataDir, storage));
    const [workspace, posts, conversations, audit] = await Promise.all([
      WorkspaceStore.open(full.dataDir, storage),
      PostStore.open(full.dataDir, storage),
      ConversationStore.open(full.dataDir, storage),
      AuditLog.open(full.dataDir, full.clock, storage),
    ]);
    const notes = await NoteStore.open(full.dataDir, storage);
    const service = new InboxService(full, workspace, posts, conversations, audit, notes);
    await service.replyDesk.open(full.dataDir, storage);
    return service;
  }

  listConversations(input: ApiInput<'listConversations'>, context?: CallContext) {
    return this.triage.listConversations(input, context);
  }

  getConversation(input: ApiInput<'getConversation'>) {
    return this.triage.getConversation(input);
  }

  getReport(input: ApiInput<'getReport'>): Promise<ApiOutput<'getReport'>> {
    return this.reports.report(input);
  }

  drillReport(input: ApiInput<'drillReport'>): Promise<ApiOutput<'drillReport'>> {
    return this.reports.drill(input);
  }

  getCrisis(input: ApiInput<'getCrisis'>): Promise<ApiOutput<'getCrisis'>> {
    return this.reports.crisis(input);
  }

  async verifyAudit(): Promise<ApiOutput<'verifyAudit'>> {
    return this.audit.verify();
  }

  listRules(input?: ApiInput<'listRules'>) {
    return this.rules.listRules(input);
  }

  saveRule(input: ApiInput<'saveRule'>, context?: CallContext) {
    return this.rules.saveRule(input, context);
  }

  deleteRule(input: ApiInput<'deleteRule'>, context?: CallContext) {
    return this.rules.deleteRule(input, context);
  }

  moveRule(input: ApiInput<'moveRule'>, context?: CallContext) {
    return this.rules.moveRule(input, context);
  }

  listSavedReplies(input?: ApiInput<'listSavedReplies'>) {
    return this.replyDesk.listSavedReplies(input);
  }

  saveSavedReply(input: ApiInput<'saveSavedReply'>) {
    return this.replyDesk.saveSavedReply(input);
  }

  deleteSavedReply(input: ApiInput<'deleteSavedReply'>) {
    return this.replyDesk.deleteSavedReply(input);
  }

  /** One public statement from a brand account, answering a group of conversations. */
  postStatement(
    input: ApiInput<'postStatement'>,
    context?: CallContext,
  ): Promise<ApiOutput<'postStatement'>> {
    return this.statements.post(input, this.callers.actor(context));
  }

  listAccounts() {
    return this.accounts.listAccounts();
  }

  onEvent(listener: (event: InboxEvent) => void): Unsubscribe {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  connectAccount(input: { platform: Platform; token: string }): Promise<Account> {
    return this.accounts.connectAccount(input);
  }

  startConnect(input: ApiInput<'startConnect'>) {
    return this.accounts.startConnect(input);
  }

  finishConnect(input: ApiInput<'finishConnect'>, context?: CallContext) {
    return this.accounts.finishConnect(input, context);
  }

  connectPages(input: ApiInput<'connectPages'>, context?: CallContext) {
    return this.accounts.connectPages(input, context);
  }

  cancelConnect(input: ApiInput<'cancelConnect'>) {
    return this.accounts.cancelConnect(input);
  }

  disconnectAccount(input: ApiInput<'disconnectAccount'>, context?: CallContext) {
    return this.accounts.disconnectAccount(input, context);
  }

  /** Starts the sync loop of every connected account, and settles replies a previous run left. */
  startSync(): void {
    this.sync.start();
    void this.replyDesk.replies().recover();
  }

  sendReply(input: ApiInput<'sendReply'>, context?: CallContext) {
    return this.replyDesk.sendReply(input, context);
  }

  retryReply(input: ApiInput<'retryReply'>, context?: CallContext) {
    return this.replyDesk.retryReply(input, context);
  }

  discardReply(input: ApiInput<'discardReply'>, context?: CallContext) {
    return this.replyDesk.discardReply(input, context);
  }

  hidePost(input: ApiInput<'hidePost'>, context?: CallContext) {
    return this.triage.hidePost(input, context);
  }

  whoAmI(input?: ApiInput<'whoAmI'>, context?: CallContext) {
    return this.team.whoAmI(input, context);
  }

  listAgents() {
    return this.team.listAgents();
  }

  createAgent(input: ApiInput<'createAgent'>, context?: CallContext) {
    return this.team.createAgent(input, context);
  }

  updateAgent(input: ApiInput<'updateAgent'>, context?: CallContext) {
    return this.team.updateAgent(input, context);
  }

  renewAgentToken(input: ApiInput<'renewAgentToken'>, context?: CallContext) {
    return this.team.renewAgentToken(input, context);
  }

  removeAgent(input: ApiInput<'removeAgent'>, context?: CallContext) {
    return this.team.removeAgent(input, context);
  }

  /**
   * Tells a host that an agent's access changed (role, token renewed, removed), so it can check
   * again what that agent holds open: an event connection opened with an old token must close.
   */
  onAgentChanged(listener: (agentId: string) => void): Unsubscribe {
    this.events.on(TEAM_CHANGED, listener);
    return () => this.events.off(TEAM_CHANGED, listener);
  }

  recordSignIn(agent: Agent, client: string): Promise<void> {
    return this.team.recordSignIn(agent, client);
  }

  /** Only the desktop app joins a team hub (its host answers this call); the inbox itself cannot. */
  async connectHub(): Promise<Agent> {
    throw new InboxError('bad_request', 'Only the desktop app connects to a team hub');
  }

  async leaveHub(): Promise<ApiOutput<'leaveHub'>> {
    throw new InboxError('bad_request', 'Only the desktop app connects to a team hub');
  }

  addNote(input: ApiInput<'addNote'>, context?: CallContext) {
    return this.collab.addNote(input, context);
  }

  reportPresence(input: ApiInput<'reportPresence'>, context?: CallContext) {
    return this.collab.reportPresence(input, context);
  }

  listPresence() {
    return this.collab.listPresence();
  }

  agentLeft(agentId: string): void {
    this.collab.agentLeft(agentId);
  }

  authenticate(token: string): Agent | null {
    return this.team.authenticate(token);
  }

  updateConversation(input: ApiInput<'updateConversation'>, context?: CallContext) {
    return this.triage.updateConversation(input, context);
  }

  updateConversations(input: ApiInput<'updateConversations'>, context?: CallContext) {
    return this.triage.updateConversations(input, context);
  }

  listTags() {
    return this.tagsAndViews.listTags();
  }

  saveTag(input: ApiInput<'saveTag'>) {
    return this.tagsAndViews.saveTag(input);
  }

  renameTag(input: ApiInput<'renameTag'>, context?: CallContext) {
    return this.tagsAndViews.renameTag(input, context);
  }

  deleteTag(input: ApiInput<'deleteTag'>, context?: CallContext) {
    return this.tagsAndViews.deleteTag(input, context);
  }

  listViews(input?: ApiInput<'listViews'>, context?: CallContext) {
    return this.tagsAndViews.listViews(input, context);
  }

  saveView(input: ApiInput<'saveView'>, context?: CallContext) {
    return this.tagsAndViews.saveView(input, context);
  }

  deleteView(input: ApiInput<'deleteView'>, context?: CallContext) {
    return this.tagsAndViews.deleteView(input, context);
  }

  queueReply(request: ReplyRequest): Promise<OutboxItem> {
    return this.replyDesk.queueReply(request);
  }

  replies(): { list(): OutboxItem[]; idle(): Promise<void>; recover(): Promise<void> } {
    return this.replyDesk.replies();
  }

  /** One sync pass over one account, for tools and tests; errors are thrown. */
  syncAccountOnce(accountId: string): Promise<void> {
    return this.sync.syncOnce(accountId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.accounts.close();
    this.collab.close();
    await this.sync.stopAll();
    await this.replyDesk.close();
    await this.queue.idle();
    await Promise.all([
      this.posts.close(),
      this.conversations.close(),
      this.workspace.close(),
      this.audit.close(),
      this.notes.close(),
    ]);
    this.events.removeAllListeners();
  }

  private emit(event: InboxEvent): void {
    this.events.emit('event', event);
  }
}
