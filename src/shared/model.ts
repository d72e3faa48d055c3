import { z } from 'zod';

/** The platforms the inbox gathers from. */
export const PlatformSchema = z.enum(['x', 'facebook']);
export type Platform = z.infer<typeof PlatformSchema>;

export const ConversationStatusSchema = z.enum(['new', 'open', 'pending', 'done', 'spam']);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

/** The statuses of the conversations still to handle: everything neither done nor spam. */
export const ACTIVE_STATUSES = ['new', 'open', 'pending'] as const satisfies ConversationStatus[];

/** A list's status filter: one status, or `active` for every conversation still to handle. */
export const StatusFilterSchema = z.union([ConversationStatusSchema, z.literal('active')]);
export type StatusFilter = z.infer<typeof StatusFilterSchema>;

/** The statuses a status filter lets through. */
export function statusesOf(filter: StatusFilter): readonly ConversationStatus[] {
  return filter === 'active' ? ACTIVE_STATUSES : [filter];
}

/** A language as the inbox names it: an ISO 639 code (`fr`, `nl`, `ast`), in lower case. */
export const LanguageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'expected an ISO 639 code such as "fr"');

export const PrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type Priority = z.infer<typeof PrioritySchema>;

export const AccountStateSchema = z.enum([
  'connected',
  'syncing',
  'rate-limited',
  'expired',
  'revoked',
  'error',
]);
export type AccountState = z.infer<typeof AccountStateSchema>;

/**
 * Why an account is held, when the platform said more than its state: a 24-hour posting cap, the
 * app's monthly usage cap, or access the app lacks (the user connects the account again and grants it).
 */
export const AccountIssueSchema = z.enum(['daily-cap', 'usage-cap', 'permissions']);
export type AccountIssue = z.infer<typeof AccountIssueSchema>;

/** ISO-8601 timestamp with offset, as stored and sent everywhere. */
export const IsoDateSchema = z.iso.datetime({ offset: true });

export const SyncStatusSchema = z.object({
  state: AccountStateSchema,
  /** When state is rate-limited: when the platform's window resets. */
  until: IsoDateSchema.nullable(),
  lastSyncAt: IsoDateSchema.nullable(),
  /** Human-readable explanation of the last error, never containing a secret. */
  message: z.string().nullable(),
  /** What the platform said is holding the account (absent or null: nothing beyond `state`). */
  reason: AccountIssueSchema.nullable().optional(),
  fetched: z.number().int().nonnegative(),
  /**
   * A permission the platform refused for want of (e.g. `pages_manage_posts`): the account must be
   * connected again with it granted. Empty when the platform did not name it; cleared on reconnect.
   */
  permission: z.string().nullable().optional(),
  /**
   * The Graph API version the inbox is configured with and when Meta stops serving it, once that is
   * near (30 days) or past by the service's clock; null otherwise. Facebook accounts only.
   */
  apiVersion: z.object({ version: z.string(), ends: IsoDateSchema }).nullable().optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/**
 * Posts a platform no longer serves and sync could not fetch: X serves only an account's 800 most
 * recent mentions and its recent search reaches 7 days back, so a flood of mentions beyond both (or
 * with search refused) leaves a stretch unread. How many is estimated from the rate around it.
 */
export const SyncGapSchema = z.object({
  /** `${accountId}:${stream}:${the last post id read before the gap}`. */
  id: z.string(),
  accountId: z.string(),
  stream: z.string(),
  /** Posts after this instant (the last one read before the gap) may be missing... */
  since: IsoDateSchema,
  /** ...up to this one (the first one read after it). */
  until: IsoDateSchema,
  /** About how many may be missing. */
  missing: z.number().int().nonnegative(),
  /** `beyond-search`: older than the platform's search reaches; `search-refused`: search said no. */
  reason: z.enum(['beyond-search', 'search-refused']),
  recordedAt: IsoDateSchema,
});
export type SyncGap = z.infer<typeof SyncGapSchema>;

export const AccountSchema = z.object({
  id: z.string(),
  platform: PlatformSchema,
  externalId: z.string(),
  handle: z.string(),
  name: z.string(),
  /** Key of the credential in the OS keychain; the secret itself never lives here. */
  credentialRef: z.string(),
  /**
   * When the connection stops working unless the user connects the account again (a Page token's
   * data access, for one); null when no end is known. The UI warns ahead of it.
   */
  expiresAt: IsoDateSchema.nullable().default(null),
  sync: SyncStatusSchema,
  /**
   * Stretches of posts sync could not fetch (newest first, a few at most), from the store: told with
   * the account, never kept in its settings.
   */
  gaps: z.array(SyncGapSchema).optional(),
});
export type Account = z.infer<typeof AccountSchema>;

export const AuthorSchema = z.object({
  id: z.string(),
  handle: z.string().nullable(),
  name: z.string(),
  followers: z.number().int().nonnegative().nullable(),
  verified: z.boolean(),
  avatarUrl: z.string().nullable(),
});
export type Author = z.infer<typeof AuthorSchema>;

/** The app that published a post, when the platform says so (X `source`, Graph `application`). */
export const SourceAppSchema = z.object({
  name: z.string(),
  id: z.string().nullable(),
  link: z.string().nullable(),
});
export type SourceApp = z.infer<typeof SourceAppSchema>;

export const DirectionSchema = z.enum(['inbound', 'outbound']);
export type Direction = z.infer<typeof DirectionSchema>;

/** The tone of a customer's post, read from its words (the six languages the inbox scores). */
export const SentimentSchema = z.enum(['negative', 'neutral', 'positive']);
export type Sentiment = z.infer<typeof SentimentSchema>;

export const PostSchema = z.object({
  /** Our id: `${platform}:${externalId}`, unique across the workspace. */
  id: z.string(),
  platform: PlatformSchema,
  externalId: z.string(),
  accountId: z.string(),
  conversationId: z.string(),
  author: AuthorSchema,
  text: z.string(),
  /** ISO 639-1 code, or null when unknown. */
  language: z.string().nullable(),
  /**
   * A customer's post's tone, scored when it arrives; null for the brand's posts and for a language
   * the inbox does not score (absent: stored before tones were scored).
   */
  sentiment: SentimentSchema.nullable().optional(),
  createdAt: IsoDateSchema,
  permalink: z.string().nullable(),
  sourceApp: SourceAppSchema.nullable(),
  direction: DirectionSchema,
  /** A private reply (X direct message, Facebook private reply), not visible on the public thread. */
  private: z.boolean(),
  /** Agent id, for replies sent from this inbox. */
  sentBy: z.string().nullable(),
  /** The client a reply was sent from (`desktop:<host>`, `browser`, `hub:<host>`), for replies sent here. */
  client: z.string().nullable(),
  /** A brand reply made with another app than this inbox. */
  outside: z.boolean(),
  /** Our id of the post this one answers, if any. */
  inReplyTo: z.string().nullable(),
  /** Our id of the post this one quotes (an X quote post), if any. */
  quotes: z.string().optional(),
  /** Our id of the Page post a Facebook comment sits under (absent: not known, or not a comment). */
  underPost: z.string().optional(),
  /** Addresses of what the post carries beside its text (a Facebook comment's photo or link). */
  media: z.array(z.string()).optional(),
  /** A Facebook comment hidden from the public (only its author and their friends still see it). */
  hidden: z.boolean().default(false),
  /** A Facebook comment its author or the Page removed on Facebook (kept here with its text). */
  removed: z.boolean().optional(),
});
export type Post = z.infer<typeof PostSchema>;

/** The public statement that answered a conversation (the first, when several did). */
export const StatementAnswerSchema = z.object({
  /** Our id of the statement's post: `${platform}:${externalId}`. */
  postId: z.string(),
  permalink: z.string(),
  /** The agent who published it. */
  by: z.string(),
  at: IsoDateSchema,
});
export type StatementAnswer = z.infer<typeof StatementAnswerSchema>;

export const ConversationSchema = z.object({
  id: z.string(),
  platform: PlatformSchema,
  accountId: z.string(),
  rootPostId: z.string(),
  status: ConversationStatusSchema,
  assignee: z.string().nullable(),
  tags: z.array(z.string()),
  language: z.string().nullable(),
  priority: PrioritySchema,
  /** The customer who opened the conversation. */
  author: AuthorSchema,
  /** The latest inbound text, shortened for the list. */
  excerpt: z.string(),
  /** The tone of the latest inbound post (null: not scored; absent: stored before tones were). */
  sentiment: SentimentSchema.nullable().optional(),
  postCount: z.number().int().positive(),
  /** Largest follower count among the conversation's customers. */
  reach: z.number().int().nonnegative(),
  /** Milliseconds from the first inbound post to the first brand reply, or null if unanswered. */
  firstResponseMs: z.number().int().nonnegative().nullable(),
  /** The public statement that answered it, if one did (absent: none). */
  statement: StatementAnswerSchema.nullable().optional(),
  /** The brand answered it with another app than this inbox (absent: not). */
  answeredOutside: z.boolean().optional(),
  version: z.number().int().positive(),
  createdAt: IsoDateSchema,
  lastPostAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const RoleSchema = z.enum(['agent', 'manager']);
export type Role = z.infer<typeof RoleSchema>;

export const AgentSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** ISO 639-1 codes of the languages the agent answers in. */
  languages: z.array(z.string()),
  /** When a manager removed the agent: they sign in no more, and history still names them. */
  removedAt: IsoDateSchema.nullable().optional(),
});
export type Agent = z.infer<typeof AgentSchema>;

/** An internal note on a conversation: seen by the team only, never sent to a platform. */
export const NoteSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** The agent who wrote it. */
  author: z.string(),
  text: z.string().max(4000),
  /** Agent ids mentioned with `@Name`, as the inbox read them from the text. */
  mentions: z.array(z.string()),
  createdAt: IsoDateSchema,
});
export type Note = z.infer<typeof NoteSchema>;

/** What an agent is doing right now: looking at a conversation, typing a reply to it, or neither. */
export const ActivitySchema = z.enum(['viewing', 'replying', 'idle']);
export type Activity = z.infer<typeof ActivitySchema>;

/** One agent's presence, as the hub keeps it in memory (never stored). */
export const PresenceSchema = z.object({
  agentId: z.string(),
  conversationId: z.string().nullable(),
  activity: ActivitySchema,
  /** When the agent last reported it. */
  at: IsoDateSchema,
});
export type Presence = z.infer<typeof PresenceSchema>;
