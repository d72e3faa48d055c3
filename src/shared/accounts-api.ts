import { z } from 'zod';
import { AccountSchema, PlatformSchema } from './model';
import { uniqueIds } from './unique-ids';

// Platform accounts: connecting through the platforms' sign-in, choosing Pages, disconnecting.

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
