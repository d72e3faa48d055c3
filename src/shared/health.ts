import { z } from 'zod';

/** The paths a load balancer or an operator asks a hub about itself (no sign-in needed). */
export const HEALTH_PATH = '/api/health';
export const READY_PATH = '/api/ready';

/** The hub's store as `/api/health` tells it: never a password, a token or a full URL. */
export const DatabaseHealthSchema = z
  .object({
    kind: z.enum(['sqlite', 'postgres']),
    /** `host:port/name` of a database, the file's name for the embedded store. */
    name: z.string(),
    /** Whether the store answered a query just now. */
    reachable: z.boolean(),
    /** The schema version it is at (its newest migration), null when it did not answer. */
    schema: z.number().int().nullable(),
    /** The schema version this hub writes. */
    expectedSchema: z.number().int(),
    /** Why it did not answer (the message names the database, never its password). */
    error: z.string().optional(),
  })
  .strict();

/** Which replica syncs an account: the holder of its live lease (null: nobody holds it now). */
export const SyncLeaderSchema = z
  .object({
    accountId: z.string(),
    holder: z.string().nullable(),
    thisReplica: z.boolean(),
  })
  .strict();

export const HubHealthSchema = z
  .object({
    /** This process among the replicas (host name, process id and a random part). */
    replica: z.string(),
    ready: z.boolean(),
    draining: z.boolean(),
    database: DatabaseHealthSchema,
    sync: z.array(SyncLeaderSchema),
  })
  .strict();
export type HubHealth = z.infer<typeof HubHealthSchema>;

/** `/api/ready`: 200 with this when the hub takes work, 503 (`unavailable`) with it otherwise. */
export const HubReadySchema = z
  .object({
    ready: z.boolean(),
    /** Why not: `opening` (the store is not open yet) or `draining` (shutting down). */
    reason: z.enum(['opening', 'draining']).nullable(),
  })
  .strict();
export type HubReady = z.infer<typeof HubReadySchema>;
