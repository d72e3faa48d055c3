import { z } from 'zod';
import {
  AccountSchema,
  ConversationSchema,
  ConversationStatusSchema,
  PlatformSchema,
  PostSchema,
  PrioritySchema,
} from './model';
import type { InboxEvent } from './events';

/** Query-string friendly: every field optional, numbers coerced, so HTTP and IPC share one schema. */
export const ListConversationsInputSchema = z
  .object({
    platform: PlatformSchema.optional(),
    accountId: z.string().min(1).max(200).optional(),
    status: ConversationStatusSchema.optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'expected an ISO 639 language code such as "fr"')
      .optional(),
    priority: PrioritySchema.optional(),
    /** Full text over author and excerpt. */
    q: z.string().max(200).optional(),
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
});
export type ConversationPage = z.infer<typeof ConversationPageSchema>;

export const GetConversationInputSchema = z.object({ id: z.string().min(1).max(300) }).strict();
export type GetConversationInput = z.infer<typeof GetConversationInputSchema>;

export const ConversationDetailSchema = z.object({
  conversation: ConversationSchema,
  /** Every post, oldest first. */
  posts: z.array(PostSchema),
});
export type ConversationDetail = z.infer<typeof ConversationDetailSchema>;

export const EmptyInputSchema = z.object({}).strict();

export const AccountListSchema = z.array(AccountSchema);

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
} as const;

export type ApiMethodName = keyof typeof apiMethods;
export type ApiInput<M extends ApiMethodName> = z.input<(typeof apiMethods)[M]['input']>;
export type ApiOutput<M extends ApiMethodName> = z.infer<(typeof apiMethods)[M]['output']>;

/** Channel used to push InboxEvents from main to the renderer. */
export const EVENTS_CHANNEL = 'events:push';

export type Unsubscribe = () => void;

/**
 * Everything the UI can ask of the inbox. Implemented once by the core's InboxService; exposed as
 * `window.inbox` in Electron and over HTTP + WebSocket by the hub.
 */
export type InboxApi = {
  [M in ApiMethodName]: (input: ApiInput<M>) => Promise<ApiOutput<M>>;
} & {
  onEvent(listener: (event: InboxEvent) => void): Unsubscribe;
};

/**
 * How the hub exposes each call over HTTP. Every response body is an Envelope (see errors.ts);
 * GET inputs come from the query string (and path parameters), other methods from a JSON body.
 */
export const httpRoutes: Record<ApiMethodName, { method: 'GET' | 'POST'; path: string }> = {
  listConversations: { method: 'GET', path: '/api/conversations' },
  getConversation: { method: 'GET', path: '/api/conversations/:id' },
  listAccounts: { method: 'GET', path: '/api/accounts' },
};

/** The hub's WebSocket endpoint: each message is one JSON InboxEvent. */
export const EVENTS_PATH = '/api/events';

/** HTTP status for each error code, used by the hub and understood by clients. */
export const httpStatusOf = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
