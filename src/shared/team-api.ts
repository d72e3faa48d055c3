import { z } from 'zod';
import { AgentSchema, LanguageCodeSchema, RoleSchema } from './model';
import { nameSchema } from './names';

// The team: agents, their personal tokens, and joining a hub.

export const CreateAgentInputSchema = z
  .object({
    /** NFC, visible; the team refuses a name that reads like another agent's (see names.ts). */
    name: nameSchema({ what: 'agent', max: 80 }),
    role: RoleSchema.default('agent'),
    languages: z.array(LanguageCodeSchema).max(20).default([]),
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
    languages: z.array(LanguageCodeSchema).max(20).optional(),
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
