import { EventEmitter } from 'node:events';
import { InboxError } from '../shared';
import type {
  Account,
  Agent,
  FacebookWebhook,
  ApiInput,
  ApiOutput,
  CallContext,
  InboxApi,
  InboxEvent,
  Platform,
  Unsubscribe,
} from '../shared';
import type { Accounts } from './accounts/accounts';
import { ChangeQueue } from './change-queue';
import type { Collaboration } from './collab/collaboration';
import { composeDomains } from './inbox-domains';
import { openStores } from './open-stores';
import type { KeyStore } from './idempotency/idempotency-guard';
import type { InboxStores } from './inbox-domains';
import type { ReplyRequest } from './outbox/outbox';
import type { OutboxItem } from './outbox/outbox-item';
import type { TagsAndViews } from './queue/tags-and-views';
import type { ReplyDesk } from './replies/reply-desk';
import type { Reports } from './reports/reports';
import type { Rules } from './rules/rules';
import { withDefaults } from './service-options';
import type { InboxConfig, InboxServiceOptions } from './service-options';
import type { Statements } from './statements/statements';
import type { FacebookWebhooks, WebhookOutcome } from './sync/facebook-webhooks';
import type { InboxSync } from './sync/inbox-sync';
import type { Callers } from './team/callers';
import type { Team } from './team/team';
import { dateOf } from './time/clock';
import type { Clock } from './time/clock';
import type { DraftTranslator } from './translation/draft-translator';
import type { TranslationConfig } from './translation/translation-config';
import type { PostTranslator } from './translation/post-translator';
import type { Triage } from './triage/triage';
import { accessChanged } from './team/access-changes';

/** The service's own channel (beside the clients' events) for changes to an agent's access. */
const TEAM_CHANGED = 'team.agent-changed';

/**
 * The one implementation of InboxApi: the store, the sync loops, the live events. Each domain is a
 * module of its own on the stores and one change queue (see inbox-domains.ts); the service hands
 * each call to its domain (the calls' types are InboxApi's).
 */
export class InboxService implements InboxApi {
  private readonly events = new EventEmitter();
  /** Every change of the stores, the sync's and the team's, in one order. */
  private readonly queue: ChangeQueue;
  private closed = false;
  /** Events another process sharing the store told (not this one's to act on). */
  private readonly relayed = new WeakSet<InboxEvent>();
  private unrelay: (() => void) | null = null;
  private readonly unwatch: () => void;
  private readonly callers: Callers;
  private readonly sync: InboxSync;
  private readonly accounts: Accounts;
  private readonly triage: Triage;
  private readonly tagsAndViews: TagsAndViews;
  private readonly replyDesk: ReplyDesk;
  private readonly team: Team;
  private readonly collab: Collaboration;
  private readonly rules: Rules;
  private readonly reports: Reports;
  private readonly statements: Statements;
  private readonly facebookWebhooks: FacebookWebhooks;
  private readonly translator: PostTranslator;
  private readonly draftTranslator: DraftTranslator;
  private readonly translation: TranslationConfig;

  private constructor(
    private readonly options: InboxConfig,
    private readonly stores: InboxStores,
  ) {
    this.events.setMaxListeners(0);
    this.queue = new ChangeQueue(stores.store);
    const domains = composeDomains(options, stores, {
      queue: this.queue,
      emit: (event) => this.emit(event),
      agentChanged: (agentId) => this.events.emit(TEAM_CHANGED, agentId),
      emitHere: (event) => this.events.emit('event', event),
    });
    this.callers = domains.callers;
    this.sync = domains.sync;
    this.accounts = domains.accounts;
    this.triage = domains.triage;
    this.tagsAndViews = domains.tagsAndViews;
    this.replyDesk = domains.replyDesk;
    this.team = domains.team;
    this.collab = domains.collab;
    this.rules = domains.rules;
    this.reports = domains.reports;
    this.statements = domains.statements;
    this.facebookWebhooks = domains.facebookWebhooks;
    // Several processes on one store: the others' events reach this one's clients too.
    const relay = stores.store.events;
    if (relay)
      this.unrelay = relay.subscribe((event) => {
        this.relayed.add(event);
        this.events.emit('event', event);
      });
    this.translator = domains.translator;
    // Where the store shares the settings, another process's change of them acts here too.
    this.unwatch = stores.workspace.onChange((before, after) => {
      for (const id of accessChanged(before, after)) this.events.emit(TEAM_CHANGED, id);
      const had = new Set(before.accounts.map((a) => a.id));
      const has = new Set(after.accounts.map((a) => a.id));
      for (const id of has) if (!had.has(id)) this.sync.restart(id);
      for (const id of had) if (!has.has(id)) void this.sync.stop(id).catch(() => undefined);
    });
    this.draftTranslator = domains.draftTranslator;
    this.translation = domains.translation;
    // With a public URL, a Page is subscribed to the webhooks once it synced (again after a failure).
    if (options.facebookWebhookUrl != null)
      this.events.on('event', (event: InboxEvent) => {
        if (this.relayed.has(event)) return;
        if (event.type === 'account.status' && event.account.sync?.state === 'connected')
          void this.facebookWebhooks.subscribe(event.account).catch(() => undefined);
      });
  }

  /** The inbox's time, as every part of it reads it. */
  get clock(): Clock {
    return this.options.clock;
  }

  static async open(options: InboxServiceOptions): Promise<InboxService> {
    const full = withDefaults(options);
    const stores = await openStores(full);
    try {
      const service = new InboxService(full, stores);
      await service.replyDesk.open();
      return service;
    } catch (err) {
      await stores.reportThread?.close();
      await stores.store.close();
      throw err;
    }
  }

  listConversations(input: ApiInput<'listConversations'>, context?: CallContext) {
    return this.triage.listConversations(input, context);
  }

  /** The same page as JSON text, for the hub to answer with as it is (see Triage). */
  listConversationsJson(input: ApiInput<'listConversations'>, context?: CallContext) {
    return this.triage.listConversationsJson(input, context);
  }

  getConversation(input: ApiInput<'getConversation'>) {
    return this.triage.getConversation(input);
  }

  getReport(input: ApiInput<'getReport'>) {
    return this.reports.report(input);
  }

  drillReport(input: ApiInput<'drillReport'>) {
    return this.reports.drill(input);
  }

  getCrisis(input: ApiInput<'getCrisis'>) {
    return this.reports.crisis(input);
  }

  getComplaints(input: ApiInput<'getComplaints'>) {
    return this.reports.complaints(input);
  }

  async verifyAudit() {
    return this.stores.store.audit.verify(dateOf(this.options.clock));
  }

  /** Where the hosts keep the Idempotency-Keys of the calls made to them: in the store. */
  get keyStore(): KeyStore {
    return this.stores.store;
  }

  getTeamSettings(input?: ApiInput<'getTeamSettings'>) {
    return this.team.getTeamSettings(input);
  }

  saveTeamSettings(input: ApiInput<'saveTeamSettings'>, context?: CallContext) {
    return this.team.saveTeamSettings(input, context);
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

  previewRule(input: ApiInput<'previewRule'>) {
    return this.rules.previewRule(input);
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
  postStatement(input: ApiInput<'postStatement'>, context?: CallContext) {
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

  async disconnectAccount(input: ApiInput<'disconnectAccount'>, context?: CallContext) {
    const result = await this.accounts.disconnectAccount(input, context);
    this.facebookWebhooks.forget(input.accountId);
    return result;
  }

  /** A Facebook Page webhook delivery whose signature the host checked (see FacebookWebhooks). */
  receiveFacebookWebhook(payload: FacebookWebhook): Promise<WebhookOutcome> {
    return this.facebookWebhooks.receive(payload);
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

  translatePost(input: ApiInput<'translatePost'>, context?: CallContext) {
    return this.translator.translatePost(input, context);
  }

  translateDraft(input: ApiInput<'translateDraft'>, context?: CallContext) {
    return this.draftTranslator.translateDraft(input, context);
  }

  getTranslationSettings(_input?: ApiInput<'getTranslationSettings'>) {
    return this.translation.view();
  }

  saveTranslationSettings(input: ApiInput<'saveTranslationSettings'>, context?: CallContext) {
    return this.translation.save(input, this.callers.actor(context));
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

  /**
   * Reads the settings again where the store shares them among processes (a token another
   * process made a moment ago, before its change was told here): true when they were newer.
   */
  async refreshSettings(): Promise<boolean> {
    const shared = this.stores.store.sharedSettings;
    const doc = shared ? await shared.read() : null;
    return doc != null && this.stores.workspace.adoptVersion(doc.text, doc.version, true);
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
    this.unrelay?.();
    this.unwatch();
    this.accounts.close();
    this.collab.close();
    await this.sync.stopAll();
    await this.replyDesk.close();
    await this.queue.idle();
    const { store, workspace, reportThread } = this.stores;
    await reportThread?.close();
    await workspace.close();
    await store.close();
    this.events.removeAllListeners();
  }

  private emit(event: InboxEvent): void {
    this.events.emit('event', event);
    this.stores.store.events?.publish(event);
  }
}
