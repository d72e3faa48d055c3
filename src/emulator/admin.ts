import { z } from 'zod';
import type { EmuRequest, EmuResponse } from './http-kit';
import type { FaultPlan } from './faults';
import type { WriteJournal } from './journal';
import type { GrantSummary, OAuthPlatform } from './oauth-grants';

/** What the admin endpoints act on. */
export interface AdminTargets {
  faults: FaultPlan;
  journal: WriteJournal;
  revokeToken(token: string): boolean;
  revokeGrants(platform: OAuthPlatform, userId: string): number;
  grants(): GrantSummary[];
  /** A new mention of the brand's X account, now; answers the tweet's id. */
  arriveOnX(input: z.infer<typeof XArrivalSchema>): { id: string; author_id: string };
}

/** A mention arriving during a test: its text must mention the brand (`@handle`). */
export const XArrivalSchema = z
  .object({
    platform: z.literal('x'),
    text: z.string().min(1).max(1000),
    author: z
      .object({
        username: z.string().regex(/^[A-Za-z0-9_]{1,15}$/),
        name: z.string().min(1).max(50),
        followers: z.number().int().nonnegative().default(0),
      })
      .strict(),
    /** BCP47 code as X serves it; `und` when not given. */
    lang: z.string().min(2).max(8).default('und'),
  })
  .strict();

const FaultSchema = z
  .object({
    platform: z.enum(['x', 'graph', 'deepl', 'libretranslate', 'any']),
    kind: z.enum([
      'error',
      'timeout',
      'reset',
      'throttle',
      'empty-page',
      'rate-limited',
      'daily-cap',
      'usage-capped',
      'client-forbidden',
      'dm-forbidden',
    ]),
    status: z.number().int().min(400).max(599).optional(),
    /** A throttle's Graph code. */
    code: z.union([z.literal(4), z.literal(17), z.literal(32), z.literal(80001)]).optional(),
    /** A throttle's `estimated_time_to_regain_access`, in minutes. */
    regainMinutes: z.number().int().min(0).optional(),
    /** Matched as text against the path below `/x` or `/graph`. */
    path: z.string().optional(),
    /** How many requests fail; omit for one, -1 for every one until cleared. */
    times: z.number().int().min(-1).optional(),
    /** `after`: the request is carried out, then its answer is lost. */
    when: z.enum(['before', 'after']).optional(),
    /** How many matching requests go through before the fault plays. */
    skip: z.number().int().min(0).optional(),
  })
  .strict();

const json = (status: number, body: unknown): EmuResponse => ({ status, headers: {}, body });

/**
 * Test controls under `/__emulator/`, for tests that drive the emulator from another process:
 * - `POST /__emulator/faults` with a fault (`{platform, kind, status?, path?, times?, when?,
 *   skip?}`) arms it,
 *   `DELETE /__emulator/faults` clears them all;
 * - `POST /__emulator/revoke` with `{token}` revokes a token;
 * - `POST /__emulator/revoke-grants` with `{platform, user_id}` ends a user's OAuth grants, as
 *   when they remove the app in the platform's settings;
 * - `GET /__emulator/grants` lists the OAuth grants (no token values);
 * - `GET /__emulator/writes` lists every write received (the journal);
 * - `POST /__emulator/arrivals` with `{platform: "x", text, author: {username, name, followers},
 *   lang?}` posts a new tweet now by that user (created if new): a mention when its text names the
 *   brand's `@handle`, served by the mentions timeline from the next poll like any other.
 */
export function adminAnswer(request: EmuRequest, targets: AdminTargets): EmuResponse {
  const [, what] = request.segments;
  const body = (): unknown => {
    try {
      return JSON.parse(request.body || '{}');
    } catch {
      return null;
    }
  };
  if (what === 'faults' && request.method === 'POST') {
    const parsed = FaultSchema.safeParse(body());
    if (!parsed.success) return json(400, { error: 'invalid fault', issues: parsed.error.issues });
    const { times, ...fault } = parsed.data;
    targets.faults.add({
      ...fault,
      ...(times !== undefined ? { times: times < 0 ? Infinity : times } : {}),
    });
    return json(201, { armed: parsed.data });
  }
  if (what === 'faults' && request.method === 'DELETE') {
    targets.faults.clear();
    return json(200, { cleared: true });
  }
  if (what === 'revoke' && request.method === 'POST') {
    const parsed = z.object({ token: z.string().min(1) }).safeParse(body());
    if (!parsed.success) return json(400, { error: 'expected {"token": "..."}' });
    return json(200, { revoked: targets.revokeToken(parsed.data.token) });
  }
  if (what === 'revoke-grants' && request.method === 'POST') {
    const parsed = z
      .object({ platform: z.enum(['x', 'facebook']), user_id: z.string().min(1) })
      .safeParse(body());
    if (!parsed.success)
      return json(400, { error: 'expected {"platform": "x" | "facebook", "user_id": "..."}' });
    return json(200, {
      revoked: targets.revokeGrants(parsed.data.platform, parsed.data.user_id),
    });
  }
  if (what === 'grants' && request.method === 'GET') return json(200, { grants: targets.grants() });
  if (what === 'arrivals' && request.method === 'POST') {
    const parsed = XArrivalSchema.safeParse(body());
    if (!parsed.success)
      return json(400, { error: 'invalid arrival', issues: parsed.error.issues });
    return json(201, { data: targets.arriveOnX(parsed.data) });
  }
  if (what === 'writes' && request.method === 'GET')
    return json(200, { writes: targets.journal.list() });
  return json(404, { error: `No admin endpoint ${request.method} ${request.url.pathname}` });
}
