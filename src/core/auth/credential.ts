import { z } from 'zod';
import type { SecretStore } from '../secrets/secret-store';

/**
 * What one keychain entry holds for an account: the access token and, for X, the refresh token
 * and when the access token ends. One entry, so a refresh replaces both tokens in one write.
 */
export const CredentialSchema = z.object({
  v: z.literal(1),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).nullable(),
  /** When the access token stops working; null when the platform gave no end. */
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  scopes: z.array(z.string()),
});
export type Credential = z.infer<typeof CredentialSchema>;

export function encodeCredential(credential: Credential): string {
  return JSON.stringify(CredentialSchema.parse(credential));
}

/**
 * The credential under `ref`, or null when there is none. An entry that is not a credential record
 * is an access token stored as such (a token pasted in by hand, or written by an older version).
 */
export async function readCredential(
  secrets: SecretStore,
  ref: string,
): Promise<Credential | null> {
  return decodeCredential(await secrets.get(ref));
}

/** A keychain entry's text as a credential (see `readCredential`). */
export function decodeCredential(raw: string | null): Credential | null {
  if (raw == null || raw === '') return null;
  if (raw.startsWith('{')) {
    try {
      return CredentialSchema.parse(JSON.parse(raw));
    } catch {
      // Not ours: treat it as a bare token below.
    }
  }
  return { v: 1, accessToken: raw, refreshToken: null, expiresAt: null, scopes: [] };
}

export function credentialFrom(
  tokens: {
    accessToken: string;
    refreshToken?: string | null;
    expiresIn?: number | null;
    scope?: string[] | string;
  },
  now: number,
): Credential {
  const scopes = Array.isArray(tokens.scope)
    ? tokens.scope
    : (tokens.scope ?? '').split(/[ ,]+/).filter(Boolean);
  return {
    v: 1,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? null,
    expiresAt:
      tokens.expiresIn != null && tokens.expiresIn > 0
        ? new Date(now + tokens.expiresIn * 1000).toISOString()
        : null,
    scopes,
  };
}
