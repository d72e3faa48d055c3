import type { InboxApi } from '../../shared/api';
import { ErrorBodySchema, InboxError } from '../../shared/errors';
import type { Agent } from '../../shared/model';
import { AgentSchema } from '../../shared/model';

/** How the UI signs in: a browser at the hub does, with a personal token; the desktop app need not. */
export interface SessionClient {
  /** Whether this UI signs in at all (false in the desktop app, whose user owns the inbox). */
  readonly signsIn: boolean;
  signIn(token: string): Promise<Agent>;
  signOut(): Promise<void>;
}

/** The hub's sign-in endpoint: it answers with the agent and keeps the token in an HttpOnly cookie. */
export function hubSession(
  origin: string,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): SessionClient {
  const url = `${origin.replace(/\/+$/, '')}/api/session`;
  return {
    signsIn: true,
    async signIn(token) {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ token: token.trim() }),
        credentials: 'same-origin',
      }).catch(() => {
        throw new InboxError('unavailable', 'The inbox service cannot be reached.');
      });
      const body = (await response.json().catch(() => null)) as {
        ok?: boolean;
        result?: unknown;
        error?: unknown;
      } | null;
      if (body?.ok) return AgentSchema.parse(body.result);
      const error = ErrorBodySchema.safeParse(body?.error);
      throw error.success
        ? InboxError.fromBody(error.data)
        : new InboxError('unavailable', `Sign-in failed (HTTP ${response.status}).`);
    },
    async signOut() {
      await fetchImpl(url, { method: 'DELETE', credentials: 'same-origin' }).catch(() => undefined);
    },
  };
}

/** The desktop app: its user is the inbox's own manager; there is nothing to sign in to. */
export const desktopSession: SessionClient = {
  signsIn: false,
  signIn: () => Promise.reject(new InboxError('bad_request', 'The desktop app does not sign in')),
  signOut: async () => undefined,
};

/**
 * A token handed over in the address (`#token=…`, the demo's sign-in links): read once and removed
 * from the address bar and history, so it is not left on screen or bookmarked.
 */
export function takeTokenFromAddress(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState'>,
): string | null {
  const match = /^#token=([^&]+)$/.exec(location.hash);
  if (!match) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return decodeURIComponent(match[1]!);
}

/** Who is signed in: the agent, or null when the hub says nobody is. Other failures are thrown. */
export async function currentAgent(api: Pick<InboxApi, 'whoAmI'>): Promise<Agent | null> {
  try {
    return await api.whoAmI({});
  } catch (err) {
    if (err instanceof InboxError && err.code === 'unauthorized') return null;
    throw err;
  }
}
