import { z } from 'zod';
import {
  AccountSchema,
  ActivitySchema,
  AgentSchema,
  NoteSchema,
  PresenceSchema,
  IsoDateSchema,
  RoleSchema,
  ConversationSchema,
  ConversationStatusSchema,
  PlatformSchema,
  PostSchema,
  PrioritySchema,
  SentimentSchema,
  StatusFilterSchema,
} from './model';
import {
  BulkResultsSchema,
  DeleteTagInputSchema,
  DeleteViewInputSchema,
  RenameTagInputSchema,
  SaveViewInputSchema,
  SavedViewSchema,
  TagChangeSchema,
  TagDefSchema,
  TagNameSchema,
  TagSummarySchema,
} from './queue';
import type { InboxEvent } from './events';
import { nameSchema } from './names';
import { uniqueBy, uniqueIds } from './unique-ids';
import { AuditCheckSchema, AuditEntrySchema } from './audit';
import {
  DraftTranslationSchema,
  PostTranslationSchema,
  ReplyTranslationSchema,
  SaveTranslationSettingsInputSchema,
  TranslateDraftInputSchema,
  TranslationSettingsSchema,
  TranslatePostInputSchema,
} from './translation';
import {
  MoveRuleInputSchema,
  PreviewRuleInputSchema,
  RuleIdInputSchema,
  RulePreviewSchema,
  RuleSchema,
  SaveRuleInputSchema,
} from './rules';
import { SaveTeamSettingsInputSchema, TeamSettingsSchema } from './team-settings';
import {
  SaveSavedReplyInputSchema,
  SavedReplyIdInputSchema,
  SavedReplySchema,
} from './saved-replies';
import {
  CrisisInputSchema,
  CrisisSchema,
  PostStatementInputSchema,
  StatementResultSchema,
  ReportDrillInputSchema,
  ReportInputSchema,
  ReportSchema,
} from './report';
import { ComplaintsInputSchema, ComplaintsSchema } from './report-tone';
import type { Agent, Role } from './model';
import { safeText } from './text';

/** Query-string friendly: every field optional, numbers coerced, so HTTP and IPC share one schema. */
export const ListConversationsInputSchema = z
  .object({
    platform: PlatformSchema.optional(),
    accountId: z.string().min(1).max(200).optional(),
    status: StatusFilterSchema.optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'expected an ISO 639 language code such as "fr"')
      .optional(),
    priority: PrioritySchema.optional(),
    /** `mine` (the caller's), `unassigned`, or an agent id. */
    assignee: z.string().min(1).max(200).optional(),
    /** Conversations carrying this tag. */
    tag: TagNameSchema.optional(),
    /** `outside`: the conversations the brand answered with another app than this inbox. */
    answered: z.enum(['outside']).optional(),
    /** The tone of the customer's latest post. */
    sentiment: SentimentSchema.optional(),
    /** Full text over author and excerpt. */
    q: safeText().max(200).optional(),
    sort: z.enum(['newest', 'oldest', 'priority', 'reach']).default('newest'),
    /** Opaque cursor from a previous page's nextCursor. */
    cursor: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ListConversationsInput = z.input<typeof ListConversationsInputSchema>;

export const ConversationPageSchema = z.object({
  items: z.array(ConversationSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().nonnegative(),
  /** The total is a floor: more conversations match than were counted (a very broad search). */
  totalAtLeast: z.boolean().optional(),
});
export type ConversationPage = z.infer<typeof ConversationPageSchema>;

export const GetConversationInputSchema = z.object({ id: z.string().min(1).max(300) }).strict();
export type GetConversationInput = z.infer<typeof GetConversationInputSchema>;

/** A reply stored in the outbox: it leaves once, and its post appears when the platform has it. */
export const ReplyReceiptSchema = z.object({
  key: z.string(),
  conversationId: z.string(),
  replyTo: z.string(),
  kind: z.enum(['public', 'private']),
  state: z.enum(['pending', 'sending', 'sent', 'failed', 'discarded']),
  createdAt: IsoDateSchema,
});
export type ReplyReceipt = z.infer<typeof ReplyReceiptSchema>;

/** A reply the platform refused, with its text and the reason, until it is retried or discarded. */
export const UnsentReplySchema = ReplyReceiptSchema.extend({
  text: z.string(),
  agentId: z.string(),
  error: z.string().nullable(),
});
export type UnsentReply = z.infer<typeof UnsentReplySchema>;

export const ReplyKeyInputSchema = z.object({ key: z.string().min(1).max(100) }).strict();

/** Whether a customer's post can still be answered privately, and until when. */
export const PrivateReplyWindowSchema = z.object({
  postId: z.string(),
  allowed: z.boolean(),
  /** Facebook: the end of the 7 days after the comment; X: null (no window). */
  until: IsoDateSchema.nullable(),
  reason: z.enum(['already-sent', 'expired']).nullable(),
});
export type PrivateReplyWindow = z.infer<typeof PrivateReplyWindowSchema>;

export const ConversationDetailSchema = z.object({
  conversation: ConversationSchema,
  /** Every post, oldest first. */
  posts: z.array(PostSchema),
  /** What people and rules did on it (the audit trail's entries about it), oldest first. */
  actions: z.array(AuditEntrySchema).default([]),
  /** The team's internal notes, oldest first. */
  notes: z.array(NoteSchema).default([]),
  /** Replies the platform refused, to retry or discard. */
  unsent: z.array(UnsentReplySchema).default([]),
  /** For each customer post, whether a private reply is still possible. */
  privateReplies: z.array(PrivateReplyWindowSchema).default([]),
});
export type ConversationDetail = z.infer<typeof ConversationDetailSchema>;

export const EmptyInputSchema = z.object({}).strict();

export const AccountListSchema = z.array(AccountSchema);

export const StartConnectInputSchema = z.object({ platform: PlatformSchema }).strict();

const FlowIdSchema = z.string().uuid('expected the flowId a connect call returned');

export const ConnectStartSchema = z.object({
  flowId: FlowIdSchema,
  platform: PlatformSchema,
  /** The platform's sign-in page, to open in the user's browser. */
  authorizeUrl: z.string().url(),
  /** True when the host already opened it (the desktop app opens the system browser). */
  opened: z.boolean(),
});
export type ConnectStart = z.infer<typeof ConnectStartSchema>;

export const FlowInputSchema = z.object({ flowId: FlowIdSchema }).strict();

export const ConnectResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('connected'), accounts: z.array(AccountSchema) }),
  /** Facebook: the Pages the user manages, to choose which ones to connect. */
  z.object({
    status: z.literal('choose-pages'),
    flowId: FlowIdSchema,
    pages: z.array(z.object({ id: z.string(), name: z.string(), connected: z.boolean() })),
  }),
]);
export type ConnectResult = z.infer<typeof ConnectResultSchema>;

export const ConnectPagesInputSchema = z
  .object({
    flowId: FlowIdSchema,
    pageIds: uniqueIds(z.string().regex(/^[0-9]{1,30}$/, 'expected a Facebook Page id'), 'Page')
      .min(1, 'choose at least one Page')
      .max(100),
  })
  .strict();

export const DisconnectInputSchema = z
  .object({
    accountId: z.string().min(1).max(200),
    /** Also delete the account's conversations and posts from the store. */
    deleteHistory: z.boolean().default(false),
  })
  .strict();

export const DoneSchema = z.object({ done: z.literal(true) });

export const CreateAgentInputSchema = z
  .object({
    /** NFC, visible; the team refuses a name that reads like another agent's (see names.ts). */
    name: nameSchema({ what: 'agent', max: 80 }),
    role: RoleSchema.default('agent'),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'expected ISO 639 codes such as "fr"'))
      .max(20)
      .default([]),
  })
  .strict();

/** A new agent and their personal token: shown this once, only its hash is kept. */
export const NewAgentSchema = z.object({ agent: AgentSchema, token: z.string() });

const AgentIdSchema = z.string().min(1).max(200);

export const UpdateAgentInputSchema = z
  .object({
    id: AgentIdSchema,
    name: CreateAgentInputSchema.shape.name.optional(),
    role: RoleSchema.optional(),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'expected ISO 639 codes such as "fr"'))
      .max(20)
      .optional(),
  })
  .strict()
  .refine(
    (c) => c.name !== undefined || c.role !== undefined || c.languages !== undefined,
    'say what to change: name, role or languages',
  );

export const AgentIdInputSchema = z.object({ id: AgentIdSchema }).strict();

export const RemovedAgentSchema = z.object({
  agent: AgentSchema,
  /** Their conversations not done yet, back in the queue for someone else. */
  unassigned: z.number().int().nonnegative(),
});

export const ConnectHubInputSchema = z
  .object({
    url: z.url({
      protocol: /^https?$/,
      error: 'expected the hub address, e.g. https://inbox.example.com',
    }),
    token: z.string().trim().min(10, 'paste the whole personal token').max(200),
  })
  .strict();

/** A browser signing in at the hub with a personal token (`POST /api/session`). */
export const SignInInputSchema = z.object({ token: z.string().trim().min(1).max(200) }).strict();

/**
 * A triage change. `version` is the conversation's version the change was made on: if someone
 * changed it since, the change is refused with a conflict that carries the fresh conversation.
 */
export const UpdateConversationInputSchema = z
  .object({
    id: z.string().min(1).max(300),
    version: z.number().int().positive(),
    status: ConversationStatusSchema.optional(),
    /** An agent id, or null to unassign. */
    assignee: z.string().min(1).max(200).nullable().optional(),
    priority: PrioritySchema.optional(),
    addTags: z.array(TagNameSchema).max(20).optional(),
    removeTags: z.array(TagNameSchema).max(20).optional(),
    /**
     * Facebook: with a change to spam, also hide the customer's public comments on the Page (out of
     * spam, show them again).
     */
    hideOnPlatform: z.boolean().optional(),
  })
  .strict()
  .refine(
    (c) =>
      c.status !== undefined ||
      c.assignee !== undefined ||
      c.priority !== undefined ||
      (c.addTags?.length ?? 0) > 0 ||
      (c.removeTags?.length ?? 0) > 0,
    'say what to change: status, assignee, priority or tags',
  );

/**
 * One change per conversation, each on its own version; at most 500 at once. The same conversation
 * twice is refused: the second change would be made on a version the first one already moved on.
 */
export const UpdateConversationsInputSchema = z
  .object({
    changes: uniqueBy(UpdateConversationInputSchema, (c) => c.id, 'conversation')
      .min(1)
      .max(500),
  })
  .strict();

export const HidePostInputSchema = z
  .object({
    postId: z.string().min(1).max(300),
    /** False shows it again. */
    hidden: z.boolean().default(true),
  })
  .strict();

export const SendReplyInputSchema = z
  .object({
    conversationId: z.string().min(1).max(300),
    /** Our id of the post answered. */
    replyTo: z.string().min(1).max(300),
    /** Public reply on the thread, or private (X direct message, Facebook private reply). */
    kind: z.enum(['public', 'private']).default('public'),
    text: safeText()
      .trim()
      .min(1, 'write a reply first')
      .max(8000, 'a reply is at most 8,000 characters'),
    /** Reply on a conversation assigned to someone else, taking it over (recorded on the reply). */
    takeOver: z.boolean().default(false),
    /** Send a public reply the team already sent several times today, after the warning. */
    confirmRepeat: z.boolean().default(false),
    /**
     * The reply was drafted in the agent's language and `text` is its translation: the draft and
     * the languages go with the reply into its record and its audit entries.
     */
    translation: ReplyTranslationSchema.optional(),
  })
  .strict();

export const AddNoteInputSchema = z
  .object({
    conversationId: z.string().min(1).max(300),
    text: safeText()
      .trim()
      .min(1, 'write the note first')
      .max(4000, 'a note is at most 4,000 characters'),
  })
  .strict();

export const ReportPresenceInputSchema = z
  .object({
    /** The conversation looked at or replied to; null when none is open. */
    conversationId: z.string().min(1).max(300).nullable(),
    activity: ActivitySchema,
  })
  .strict()
  .refine(
    (p) => p.activity === 'idle' || p.conversationId != null,
    'say which conversation is viewed or replied to',
  );

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
 * Who may make each call. Hosts check it before the call runs (the hub for every request; the
 * desktop app's own user is the manager of a solo inbox), so the UI hiding a button is never the
 * only guard.
 */
export const requiredRole: Record<ApiMethodName, Role> = {
  listConversations: 'agent',
  getConversation: 'agent',
  listAccounts: 'agent',
  startConnect: 'manager',
  finishConnect: 'manager',
  connectPages: 'manager',
  cancelConnect: 'manager',
  disconnectAccount: 'manager',
  sendReply: 'agent',
  updateConversation: 'agent',
  hidePost: 'agent',
  translatePost: 'agent',
  translateDraft: 'agent',
  getTranslationSettings: 'manager',
  saveTranslationSettings: 'manager',
  whoAmI: 'agent',
  listAgents: 'agent',
  createAgent: 'manager',
  updateAgent: 'manager',
  renewAgentToken: 'manager',
  removeAgent: 'manager',
  connectHub: 'agent',
  leaveHub: 'agent',
  getReport: 'manager',
  drillReport: 'manager',
  getCrisis: 'manager',
  getComplaints: 'manager',
  verifyAudit: 'manager',
  postStatement: 'manager',
  getTeamSettings: 'agent',
  saveTeamSettings: 'manager',
  listRules: 'agent',
  saveRule: 'manager',
  deleteRule: 'manager',
  moveRule: 'manager',
  previewRule: 'manager',
  listSavedReplies: 'agent',
  saveSavedReply: 'manager',
  deleteSavedReply: 'manager',
  retryReply: 'agent',
  discardReply: 'agent',
  listTags: 'agent',
  saveTag: 'manager',
  renameTag: 'manager',
  deleteTag: 'manager',
  listViews: 'agent',
  saveView: 'agent',
  deleteView: 'agent',
  updateConversations: 'agent',
  addNote: 'agent',
  reportPresence: 'agent',
  listPresence: 'agent',
};

export function mayCall(agent: Pick<Agent, 'role'>, method: ApiMethodName): boolean {
  return requiredRole[method] === 'agent' || agent.role === 'manager';
}

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

/**
 * How the hub exposes each call over HTTP. Every response body is an Envelope (see errors.ts);
 * GET inputs come from the query string (and path parameters), other methods from a JSON body.
 */
export const httpRoutes: Record<ApiMethodName, { method: 'GET' | 'POST'; path: string }> = {
  listConversations: { method: 'GET', path: '/api/conversations' },
  getConversation: { method: 'GET', path: '/api/conversations/:id' },
  listAccounts: { method: 'GET', path: '/api/accounts' },
  startConnect: { method: 'POST', path: '/api/accounts/connect' },
  finishConnect: { method: 'POST', path: '/api/accounts/connect/finish' },
  connectPages: { method: 'POST', path: '/api/accounts/connect/pages' },
  cancelConnect: { method: 'POST', path: '/api/accounts/connect/cancel' },
  disconnectAccount: { method: 'POST', path: '/api/accounts/disconnect' },
  sendReply: { method: 'POST', path: '/api/replies' },
  updateConversation: { method: 'POST', path: '/api/conversations/update' },
  hidePost: { method: 'POST', path: '/api/posts/hide' },
  translatePost: { method: 'POST', path: '/api/posts/translate' },
  translateDraft: { method: 'POST', path: '/api/replies/translate' },
  getTranslationSettings: { method: 'GET', path: '/api/translation/settings' },
  saveTranslationSettings: { method: 'POST', path: '/api/translation/settings' },
  whoAmI: { method: 'GET', path: '/api/session' },
  listAgents: { method: 'GET', path: '/api/agents' },
  createAgent: { method: 'POST', path: '/api/agents' },
  updateAgent: { method: 'POST', path: '/api/agents/update' },
  renewAgentToken: { method: 'POST', path: '/api/agents/renew-token' },
  removeAgent: { method: 'POST', path: '/api/agents/remove' },
  connectHub: { method: 'POST', path: '/api/hub/connect' },
  leaveHub: { method: 'POST', path: '/api/hub/leave' },
  getReport: { method: 'GET', path: '/api/reports' },
  drillReport: { method: 'POST', path: '/api/reports/drill' },
  getCrisis: { method: 'GET', path: '/api/reports/crisis' },
  getComplaints: { method: 'GET', path: '/api/reports/complaints' },
  verifyAudit: { method: 'GET', path: '/api/audit/verify' },
  postStatement: { method: 'POST', path: '/api/statements' },
  getTeamSettings: { method: 'GET', path: '/api/team/settings' },
  saveTeamSettings: { method: 'POST', path: '/api/team/settings' },
  listRules: { method: 'GET', path: '/api/rules' },
  saveRule: { method: 'POST', path: '/api/rules' },
  deleteRule: { method: 'POST', path: '/api/rules/delete' },
  moveRule: { method: 'POST', path: '/api/rules/move' },
  previewRule: { method: 'POST', path: '/api/rules/preview' },
  listSavedReplies: { method: 'GET', path: '/api/saved-replies' },
  saveSavedReply: { method: 'POST', path: '/api/saved-replies' },
  deleteSavedReply: { method: 'POST', path: '/api/saved-replies/delete' },
  retryReply: { method: 'POST', path: '/api/replies/retry' },
  discardReply: { method: 'POST', path: '/api/replies/discard' },
  listTags: { method: 'GET', path: '/api/tags' },
  saveTag: { method: 'POST', path: '/api/tags' },
  renameTag: { method: 'POST', path: '/api/tags/rename' },
  deleteTag: { method: 'POST', path: '/api/tags/delete' },
  listViews: { method: 'GET', path: '/api/views' },
  saveView: { method: 'POST', path: '/api/views' },
  deleteView: { method: 'POST', path: '/api/views/delete' },
  updateConversations: { method: 'POST', path: '/api/conversations/update-many' },
  addNote: { method: 'POST', path: '/api/notes' },
  reportPresence: { method: 'POST', path: '/api/presence' },
  listPresence: { method: 'GET', path: '/api/presence' },
};

/** The hub's WebSocket endpoint: each message is one JSON InboxEvent. */
export const EVENTS_PATH = '/api/events';

/**
 * How the hub closes an event connection whose agent is no longer signed in: 4001 when the token
 * was renewed or the agent removed while connected, 1008 with this reason when it never was.
 * Reconnecting cannot help then; the client goes back to its sign-in screen.
 */
export const EVENTS_SIGNED_OUT = {
  code: 4001,
  unsignedCode: 1008,
  unsignedReason: 'sign in first',
};

/** HTTP status for each error code, used by the hub and understood by clients. */
export const httpStatusOf = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  misdirected: 421,
  idempotency_mismatch: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  storage_unavailable: 503,
  storage_full: 507,
  translation_quota_exceeded: 429,
  translation_key_refused: 502,
  translation_too_long: 413,
  translation_timeout: 504,
  translation_unavailable: 503,
} as const;
