import { z } from 'zod';
import {
  AccountListSchema,
  ConnectPagesInputSchema,
  ConnectResultSchema,
  ConnectStartSchema,
  DisconnectInputSchema,
  FlowInputSchema,
  StartConnectInputSchema,
} from './accounts-api';
import { AuditCheckSchema } from './audit';
import {
  AddNoteInputSchema,
  ConversationDetailSchema,
  ConversationPageSchema,
  GetConversationInputSchema,
  HidePostInputSchema,
  ListConversationsInputSchema,
  ReportPresenceInputSchema,
  UpdateConversationInputSchema,
  UpdateConversationsInputSchema,
} from './conversations-api';
import { AgentSchema, ConversationSchema, NoteSchema, PostSchema, PresenceSchema } from './model';
import {
  BulkResultsSchema,
  DeleteTagInputSchema,
  DeleteViewInputSchema,
  RenameTagInputSchema,
  SaveViewInputSchema,
  SavedViewSchema,
  TagChangeSchema,
  TagDefSchema,
  TagSummarySchema,
} from './queue';
import { ReplyKeyInputSchema, ReplyReceiptSchema, SendReplyInputSchema } from './replies-api';
import {
  CrisisInputSchema,
  CrisisSchema,
  PostStatementInputSchema,
  ReportDrillInputSchema,
  ReportInputSchema,
  ReportSchema,
  StatementResultSchema,
} from './report';
import { ComplaintsInputSchema, ComplaintsSchema } from './report-tone';
import {
  MoveRuleInputSchema,
  PreviewRuleInputSchema,
  RuleIdInputSchema,
  RulePreviewSchema,
  RuleSchema,
  SaveRuleInputSchema,
} from './rules';
import {
  SaveSavedReplyInputSchema,
  SavedReplyIdInputSchema,
  SavedReplySchema,
} from './saved-replies';
import {
  AgentIdInputSchema,
  ConnectHubInputSchema,
  CreateAgentInputSchema,
  NewAgentSchema,
  RemovedAgentSchema,
  UpdateAgentInputSchema,
} from './team-api';
import { SaveTeamSettingsInputSchema, TeamSettingsSchema } from './team-settings';
import {
  DraftTranslationSchema,
  PostTranslationSchema,
  SaveTranslationSettingsInputSchema,
  TranslateDraftInputSchema,
  TranslatePostInputSchema,
  TranslationSettingsSchema,
} from './translation';
import type { InboxEvent } from './events';
import type { Agent } from './model';

// The calls' inputs and outputs, by domain; with this table, they are the contract.
export * from './accounts-api';
export * from './conversations-api';
export * from './replies-api';
export * from './team-api';
export * from './http-api';
export * from './api-roles';

export const EmptyInputSchema = z.object({}).strict();

export const DoneSchema = z.object({ done: z.literal(true) });

/**
 * The one table of calls. Electron IPC channels and hub HTTP routes are derived from it, and every
 * host validates input and output against these schemas.
 */
export const apiMethods = {
  listConversations: {
    channel: 'conversations:list',
    input: ListConversationsInputSchema,
    output: ConversationPageSchema,
  },
  getConversation: {
    channel: 'conversations:get',
    input: GetConversationInputSchema,
    output: ConversationDetailSchema,
  },
  listAccounts: {
    channel: 'accounts:list',
    input: EmptyInputSchema,
    output: AccountListSchema,
  },
  /** Starts a sign-in with the platform; the user finishes it in the browser. */
  startConnect: {
    channel: 'accounts:connect',
    input: StartConnectInputSchema,
    output: ConnectStartSchema,
  },
  /** Waits until the browser step is over (up to 10 minutes). */
  finishConnect: {
    channel: 'accounts:finish-connect',
    input: FlowInputSchema,
    output: ConnectResultSchema,
  },
  /** Facebook: connects the chosen Pages of a finished sign-in. */
  connectPages: {
    channel: 'accounts:connect-pages',
    input: ConnectPagesInputSchema,
    output: AccountListSchema,
  },
  cancelConnect: {
    channel: 'accounts:cancel-connect',
    input: FlowInputSchema,
    output: DoneSchema,
  },
  /** Status, assignee, priority, tags: one triage change, refused if the conversation moved on. */
  updateConversation: {
    channel: 'conversations:update',
    input: UpdateConversationInputSchema,
    output: ConversationSchema,
  },
  /** Queues a reply; it is stored before it is sent, and sent exactly once. */
  sendReply: {
    channel: 'conversations:reply',
    input: SendReplyInputSchema,
    output: ReplyReceiptSchema,
  },
  /** Hides a Facebook comment from the public (or shows it again); X has no such thing. */
  hidePost: {
    channel: 'posts:hide',
    input: HidePostInputSchema,
    output: PostSchema,
  },
  /**
   * A customer's post in the agent's language (or the one asked), through the translation service
   * the inbox is configured with; made once per post and language, then read from the store.
   */
  translatePost: {
    channel: 'posts:translate',
    input: TranslatePostInputSchema,
    output: PostTranslationSchema,
  },
  /**
   * A reply drafted in the agent's language, in the customer's (the conversation's language, or
   * the one asked), through the translation service; nothing is kept until the reply is sent.
   */
  translateDraft: {
    channel: 'replies:translate-draft',
    input: TranslateDraftInputSchema,
    output: DraftTranslationSchema,
  },
  /** Managers: the translation service, its address, and whether each service's key is set. */
  getTranslationSettings: {
    channel: 'translation:settings',
    input: EmptyInputSchema,
    output: TranslationSettingsSchema,
  },
  /**
   * Managers: another translation service or address, or a key put into the secret store (the OS
   * keychain, the hub's store) or removed from it; answers the settings, never a key.
   */
  saveTranslationSettings: {
    channel: 'translation:save-settings',
    input: SaveTranslationSettingsInputSchema,
    output: TranslationSettingsSchema,
  },
  /** The agent making the call. */
  whoAmI: {
    channel: 'session:me',
    input: EmptyInputSchema,
    output: AgentSchema,
  },
  listAgents: {
    channel: 'agents:list',
    input: EmptyInputSchema,
    output: z.array(AgentSchema),
  },
  /** Managers only: a new agent, with a personal token shown once. */
  createAgent: {
    channel: 'agents:create',
    input: CreateAgentInputSchema,
    output: NewAgentSchema,
  },
  /** Managers: another name, role or languages for an agent. */
  updateAgent: {
    channel: 'agents:update',
    input: UpdateAgentInputSchema,
    output: AgentSchema,
  },
  /** Managers: a new personal token for an agent, shown once; the old one stops working. */
  renewAgentToken: {
    channel: 'agents:renew-token',
    input: AgentIdInputSchema,
    output: NewAgentSchema,
  },
  /** Managers: takes an agent off the team; their open conversations go back to the queue. */
  removeAgent: {
    channel: 'agents:remove',
    input: AgentIdInputSchema,
    output: RemovedAgentSchema,
  },
  /**
   * Desktop app: work in a team hub's shared queue, signed in with a personal token that stays in
   * the OS keychain (the app restarts into it). A hub or a browser has nothing to connect to.
   */
  connectHub: {
    channel: 'hub:connect',
    input: ConnectHubInputSchema,
    output: AgentSchema,
  },
  /** Desktop app: back to the solo inbox; the hub token is deleted from the keychain. */
  leaveHub: {
    channel: 'hub:leave',
    input: EmptyInputSchema,
    output: DoneSchema,
  },
  /** Stops the account's sync and deletes its credential; its history stays unless asked. */
  disconnectAccount: {
    channel: 'accounts:disconnect',
    input: DisconnectInputSchema,
    output: DoneSchema,
  },
  /** Managers: who answered what, from which app, how fast, over a date range. */
  getReport: {
    channel: 'reports:get',
    input: ReportInputSchema,
    output: ReportSchema,
  },
  /** Managers: the conversations behind one figure of a report. */
  drillReport: {
    channel: 'reports:drill',
    input: ReportDrillInputSchema,
    output: z.object({ items: z.array(ConversationSchema), total: z.number().int() }),
  },
  /** Managers: arrivals per hour against the usual level, and clusters of near-duplicates. */
  getCrisis: {
    channel: 'reports:crisis',
    input: CrisisInputSchema,
    output: CrisisSchema,
  },
  /** Managers: the recurring complaints (stories, keywords) among the range's negative posts. */
  getComplaints: {
    channel: 'reports:complaints',
    input: ComplaintsInputSchema,
    output: ComplaintsSchema,
  },
  /** Managers: one public statement from a brand account, answering a group of conversations. */
  postStatement: {
    channel: 'statements:post',
    input: PostStatementInputSchema,
    output: StatementResultSchema,
  },
  /** What the team decided once for the inbox. */
  getTeamSettings: {
    channel: 'team:settings',
    input: EmptyInputSchema,
    output: TeamSettingsSchema,
  },
  /** Managers: changes the team's settings; answers them all. */
  saveTeamSettings: {
    channel: 'team:save-settings',
    input: SaveTeamSettingsInputSchema,
    output: TeamSettingsSchema,
  },
  /** The managers' rules, in the order they run on each new conversation. */
  listRules: {
    channel: 'rules:list',
    input: EmptyInputSchema,
    output: z.array(RuleSchema),
  },
  /** Managers: a new rule (at the end) or a changed one. */
  saveRule: {
    channel: 'rules:save',
    input: SaveRuleInputSchema,
    output: RuleSchema,
  },
  deleteRule: {
    channel: 'rules:delete',
    input: RuleIdInputSchema,
    output: DoneSchema,
  },
  /** Managers: runs a rule earlier or later; answers every rule in the new order. */
  moveRule: {
    channel: 'rules:move',
    input: MoveRuleInputSchema,
    output: z.array(RuleSchema),
  },
  /** Managers: how many conversations still to handle a rule being edited would match, with some. */
  previewRule: {
    channel: 'rules:preview',
    input: PreviewRuleInputSchema,
    output: RulePreviewSchema,
  },
  /** The team's saved replies, in every language. */
  listSavedReplies: {
    channel: 'replies:list-saved',
    input: EmptyInputSchema,
    output: z.array(SavedReplySchema),
  },
  /** Managers: a new saved reply, or a changed one; its variables are checked. */
  saveSavedReply: {
    channel: 'replies:save-saved',
    input: SaveSavedReplyInputSchema,
    output: SavedReplySchema,
  },
  deleteSavedReply: {
    channel: 'replies:delete-saved',
    input: SavedReplyIdInputSchema,
    output: DoneSchema,
  },
  /** Sends a refused reply again, as it was. */
  retryReply: {
    channel: 'replies:retry',
    input: ReplyKeyInputSchema,
    output: ReplyReceiptSchema,
  },
  /** Gives up on a refused reply (it stays in the history as discarded). */
  discardReply: {
    channel: 'replies:discard',
    input: ReplyKeyInputSchema,
    output: ReplyReceiptSchema,
  },
  /** Managers: whether the audit trail's hash chain is intact, and where it broke. */
  verifyAudit: {
    channel: 'audit:verify',
    input: EmptyInputSchema,
    output: AuditCheckSchema,
  },
  /** The team's tags, with how many conversations carry each. */
  listTags: {
    channel: 'tags:list',
    input: EmptyInputSchema,
    output: z.array(TagSummarySchema),
  },
  /** Managers: registers a tag, or gives it another colour. */
  saveTag: {
    channel: 'tags:save',
    input: TagDefSchema.strict(),
    output: TagDefSchema,
  },
  /** Managers: renames a tag on every conversation carrying it (onto an existing tag: merges). */
  renameTag: {
    channel: 'tags:rename',
    input: RenameTagInputSchema,
    output: TagChangeSchema,
  },
  /** Managers: removes a tag from the registry and from every conversation. */
  deleteTag: {
    channel: 'tags:delete',
    input: DeleteTagInputSchema,
    output: TagChangeSchema,
  },
  /** The caller's own saved views. */
  listViews: {
    channel: 'views:list',
    input: EmptyInputSchema,
    output: z.array(SavedViewSchema),
  },
  saveView: {
    channel: 'views:save',
    input: SaveViewInputSchema,
    output: SavedViewSchema,
  },
  deleteView: {
    channel: 'views:delete',
    input: DeleteViewInputSchema,
    output: DoneSchema,
  },
  /** Bulk triage: each change on its own version; the result says what became of each one. */
  updateConversations: {
    channel: 'conversations:update-many',
    input: UpdateConversationsInputSchema,
    output: BulkResultsSchema,
  },
  /** An internal note for the team; `@Name` mentions are read by the inbox and notify those agents. */
  addNote: {
    channel: 'notes:add',
    input: AddNoteInputSchema,
    output: NoteSchema,
  },
  /** What the caller is doing now (viewing, replying, idle); kept in memory and pushed to the team. */
  reportPresence: {
    channel: 'presence:report',
    input: ReportPresenceInputSchema,
    output: DoneSchema,
  },
  /** Everyone's current presence, for a client that just connected. */
  listPresence: {
    channel: 'presence:list',
    input: EmptyInputSchema,
    output: z.array(PresenceSchema),
  },
} as const;

export type ApiMethodName = keyof typeof apiMethods;

/**
 * What a client may add to a call besides its input. `idempotencyKey`: one per user action, sent
 * with each write (`Idempotency-Key` over HTTP, the call's second argument over IPC); a retry with
 * the same key gets the first answer instead of doing the action again (see idempotency.ts).
 */
export interface CallOptions {
  idempotencyKey?: string;
}

/** Who a call comes from, as the host established it (hub session, desktop user). */
export interface CallContext extends CallOptions {
  agent: Agent;
  /** The client host, for provenance: `desktop:<host>`, `browser`, `hub:<host>`. */
  client: string;
}
export type ApiInput<M extends ApiMethodName> = z.input<(typeof apiMethods)[M]['input']>;
export type ApiOutput<M extends ApiMethodName> = z.infer<(typeof apiMethods)[M]['output']>;

/** Channel used to push InboxEvents from main to the renderer. */
export const EVENTS_CHANNEL = 'events:push';

export type Unsubscribe = () => void;

/** Every call of the table, with what its caller passes besides the input. */
export type InboxCalls<Extra> = {
  [M in ApiMethodName]: (input: ApiInput<M>, extra?: Extra) => Promise<ApiOutput<M>>;
} & {
  onEvent(listener: (event: InboxEvent) => void): Unsubscribe;
};

/**
 * Everything the UI can ask of the inbox. Implemented once by the core's InboxService, which a
 * host (hub, desktop main process) calls with the caller it established.
 */
export type InboxApi = InboxCalls<CallContext>;

/**
 * The inbox as a client calls it: `window.inbox` in Electron, the HTTP client of the hub. The
 * same calls, with options (an Idempotency-Key) instead of a caller: the host knows who calls.
 * A client can stand in wherever an InboxApi is expected (it ignores who the caller is).
 */
export type InboxClient = InboxCalls<CallOptions>;
