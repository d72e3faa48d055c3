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
import { ChangeQueue } from './change-queue';
import { composeDomains } from './inbox-domains';
import { openStores } from './open-stores';
import type { KeyStore } from './idempotency/idempotency-guard';
import type { InboxDomains, InboxStores } from './inbox-domains';
import type { ReplyRequest } from './outbox/outbox';
import type { OutboxItem } from './outbox/outbox-item';
import { withDefaults } from './service-options';
import type { InboxConfig, InboxServiceOptions } from './service-options';
import type { WebhookOutcome } from './sync/facebook-webhooks';
import { dateOf } from './time/clock';
import type { Clock } from './time/clock';
import { TEAM_CHANGED, linkProcesses } from './process-links';

/**
 * The one implementation of InboxApi: the store, the sync loops, the live events. Each domain is a
 * module of its own on the stores and one change queue (see inbox-domains.ts); the service hands
 * each call to its domain (the calls' types are InboxApi's).
 */
export class InboxService implements InboxApi {
  private readonly events = new EventEmitter();
  /**
   * Every change of the stores, the sync's and the team's, in one order (or, where the store
   * allows it, those of different conversations side by side: see ChangeQueue).
   */
  private readonly queue: ChangeQueue;
  private closed = false;
  /** Each domain, one module each (see inbox-domains.ts). */
  private readonly domains: InboxDomains;
  /** Undoes the links to the other processes sharing the store (see process-links.ts). */
  private readonly unlink: () => void;

  private constructor(
    private readonly options: InboxConfig,
    private readonly stores: InboxStores,
  ) {
    this.events.setMaxListeners(0);
    this.queue = new ChangeQueue(stores.store);
    this.domains = composeDomains(options, stores, {
      queue: this.queue,
      emit: (event) => this.emit(event),
      agentChanged: (agentId) => this.events.emit(TEAM_CHANGED, agentId),
      emitHere: (event) => this.events.emit('event', event),
    });
    this.unlink = linkProcesses(stores, this.events, this.domains, options.facebookWebhookUrl);
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
      await service.domains.replyDesk.open();
      return service;
    } catch (err) {
      await stores.reportThread?.close();
      await stores.store.close();
      throw err;
    }
  }

  listConversations(input: ApiInput<'listConversations'>, context?: CallContext) {
    return this.domains.triage.listConversations(input, context);
  }

  /** The same page as JSON text, for the hub to answer with as it is (see Triage). */
  listConversationsJson(input: ApiInput<'listConversations'>, context?: CallContext) {
    return this.domains.triage.listConversationsJson(input, context);
  }

  getConversation(input: ApiInput<'getConversation'>) {
    return this.domains.triage.getConversation(input);
  }

  getReport(input: ApiInput<'getReport'>) {
    return this.domains.reports.report(input);
  }

  drillReport(input: ApiInput<'drillReport'>) {
    return this.domains.reports.drill(input);
  }

  getCrisis(input: ApiInput<'getCrisis'>) {
    return this.domains.reports.crisis(input);
  }

  getComplaints(input: ApiInput<'getComplaints'>) {
    return this.domains.reports.complaints(input);
  }

  async verifyAudit() {
    return this.stores.store.audit.verify(dateOf(this.options.clock));
  }

  /** Where the hosts keep the Idempotency-Keys of the calls made to them: in the store. */
  get keyStore(): KeyStore {
    return this.stores.store;
  }

  getTeamSettings(input?: ApiInput<'getTeamSettings'>) {
    return this.domains.team.getTeamSettings(input);
  }

  saveTeamSettings(input: ApiInput<'saveTeamSettings'>, context?: CallContext) {
    return this.domains.team.saveTeamSettings(input, context);
  }

  listRules(input?: ApiInput<'listRules'>) {
    return this.domains.rules.listRules(input);
  }

  saveRule(input: ApiInput<'saveRule'>, context?: CallContext) {
    return this.domains.rules.saveRule(input, context);
  }

  deleteRule(input: ApiInput<'deleteRule'>, context?: CallContext) {
    return this.domains.rules.deleteRule(input, context);
  }

  moveRule(input: ApiInput<'moveRule'>, context?: CallContext) {
    return this.domains.rules.moveRule(input, context);
  }

  previewRule(input: ApiInput<'previewRule'>) {
    return this.domains.rules.previewRule(input);
  }

  listSavedReplies(input?: ApiInput<'listSavedReplies'>) {
    return this.domains.replyDesk.listSavedReplies(input);
  }

  saveSavedReply(input: ApiInput<'saveSavedReply'>) {
    return this.domains.replyDesk.saveSavedReply(input);
  }

  deleteSavedReply(input: ApiInput<'deleteSavedReply'>) {
    return this.domains.replyDesk.deleteSavedReply(input);
  }

  /** One public statement from a brand account, answering a group of conversations. */
  postStatement(input: ApiInput<'postStatement'>, context?: CallContext) {
    return this.domains.statements.post(input, this.domains.callers.actor(context));
  }

  listAccounts() {
    return this.domains.accounts.listAccounts();
  }

  onEvent(listener: (event: InboxEvent) => void): Unsubscribe {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  connectAccount(input: { platform: Platform; token: string }): Promise<Account> {
    return this.domains.accounts.connectAccount(input);
  }

  startConnect(input: ApiInput<'startConnect'>) {
    return this.domains.accounts.startConnect(input);
  }

  finishConnect(input: ApiInput<'finishConnect'>, context?: CallContext) {
    return this.domains.accounts.finishConnect(input, context);
  }

  connectPages(input: ApiInput<'connectPages'>, context?: CallContext) {
    return this.domains.accounts.connectPages(input, context);
  }

  cancelConnect(input: ApiInput<'cancelConnect'>) {
    return this.domains.accounts.cancelConnect(input);
  }

  async disconnectAccount(input: ApiInput<'disconnectAccount'>, context?: CallContext) {
    const result = await this.domains.accounts.disconnectAccount(input, context);
    this.domains.facebookWebhooks.forget(input.accountId);
    return result;
  }

  /** A Facebook Page webhook delivery whose signature the host checked (see FacebookWebhooks). */
  receiveFacebookWebhook(payload: FacebookWebhook): Promise<WebhookOutcome> {
    return this.domains.facebookWebhooks.receive(payload);
  }

  /** Starts the sync loop of every connected account, and settles replies a previous run left. */
  startSync(): void {
    this.domains.sync.start();
    void this.domains.replyDesk.replies().recover();
  }

  sendReply(input: ApiInput<'sendReply'>, context?: CallContext) {
    return this.domains.replyDesk.sendReply(input, context);
  }

  retryReply(input: ApiInput<'retryReply'>, context?: CallContext) {
    return this.domains.replyDesk.retryReply(input, context);
  }

  discardReply(input: ApiInput<'discardReply'>, context?: CallContext) {
    return this.domains.replyDesk.discardReply(input, context);
  }

  hidePost(input: ApiInput<'hidePost'>, context?: CallContext) {
    return this.domains.triage.hidePost(input, context);
  }

  translatePost(input: ApiInput<'translatePost'>, context?: CallContext) {
    return this.domains.translator.translatePost(input, context);
  }

  translateDraft(input: ApiInput<'translateDraft'>, context?: CallContext) {
    return this.domains.draftTranslator.translateDraft(input, context);
  }

  getTranslationSettings(_input?: ApiInput<'getTranslationSettings'>) {
    return this.domains.translation.view();
  }

  saveTranslationSettings(input: ApiInput<'saveTranslationSettings'>, context?: CallContext) {
    return this.domains.translation.save(input, this.domains.callers.actor(context));
  }

  whoAmI(input?: ApiInput<'whoAmI'>, context?: CallContext) {
    return this.domains.team.whoAmI(input, context);
  }

  listAgents() {
    return this.domains.team.listAgents();
  }

  createAgent(input: ApiInput<'createAgent'>, context?: CallContext) {
    return this.domains.team.createAgent(input, context);
  }

  /** A new team's first agents, unless it has someone already (then none): what a new hub makes. */
  createFirstAgents(inputs: readonly ApiInput<'createAgent'>[]) {
    return this.domains.team.createFirstAgents(inputs);
  }

  updateAgent(input: ApiInput<'updateAgent'>, context?: CallContext) {
    return this.domains.team.updateAgent(input, context);
  }

  renewAgentToken(input: ApiInput<'renewAgentToken'>, context?: CallContext) {
    return this.domains.team.renewAgentToken(input, context);
  }

  removeAgent(input: ApiInput<'removeAgent'>, context?: CallContext) {
    return this.domains.team.removeAgent(input, context);
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
    return this.domains.team.recordSignIn(agent, client);
  }

  /** Only the desktop app joins a team hub (its host answers this call); the inbox itself cannot. */
  async connectHub(): Promise<Agent> {
    throw new InboxError('bad_request', 'Only the desktop app connects to a team hub');
  }

  async leaveHub(): Promise<ApiOutput<'leaveHub'>> {
    throw new InboxError('bad_request', 'Only the desktop app connects to a team hub');
  }

  addNote(input: ApiInput<'addNote'>, context?: CallContext) {
    return this.domains.collab.addNote(input, context);
  }

  reportPresence(input: ApiInput<'reportPresence'>, context?: CallContext) {
    return this.domains.collab.reportPresence(input, context);
  }

  listPresence() {
    return this.domains.collab.listPresence();
  }

  agentLeft(agentId: string): void {
    this.domains.collab.agentLeft(agentId);
  }

  authenticate(token: string): Agent | null {
    return this.domains.team.authenticate(token);
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
    return this.domains.triage.updateConversation(input, context);
  }

  updateConversations(input: ApiInput<'updateConversations'>, context?: CallContext) {
    return this.domains.triage.updateConversations(input, context);
  }

  listTags() {
    return this.domains.tagsAndViews.listTags();
  }

  saveTag(input: ApiInput<'saveTag'>) {
    return this.domains.tagsAndViews.saveTag(input);
  }

  renameTag(input: ApiInput<'renameTag'>, context?: CallContext) {
    return this.domains.tagsAndViews.renameTag(input, context);
  }

  deleteTag(input: ApiInput<'deleteTag'>, context?: CallContext) {
    return this.domains.tagsAndViews.deleteTag(input, context);
  }

  listViews(input?: ApiInput<'listViews'>, context?: CallContext) {
    return this.domains.tagsAndViews.listViews(input, context);
  }

  saveView(input: ApiInput<'saveView'>, context?: CallContext) {
    return this.domains.tagsAndViews.saveView(input, context);
  }

  deleteView(input: ApiInput<'deleteView'>, context?: CallContext) {
    return this.domains.tagsAndViews.deleteView(input, context);
  }

  queueReply(request: ReplyRequest): Promise<OutboxItem> {
    return this.domains.replyDesk.queueReply(request);
  }

  replies(): { list(): OutboxItem[]; idle(): Promise<void>; recover(): Promise<void> } {
    return this.domains.replyDesk.replies();
  }

  /** One sync pass over one account, for tools and tests; errors are thrown. */
  syncAccountOnce(accountId: string): Promise<void> {
    return this.domains.sync.syncOnce(accountId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unlink();
    this.domains.accounts.close();
    this.domains.collab.close();
    await this.domains.sync.stopAll();
    await this.domains.replyDesk.close();
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
