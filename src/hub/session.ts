import type { IncomingHttpHeaders } from 'node:http';

/** Where a browser signs in (POST, with its token) and out (DELETE); GET says who is signed in. */
export const SESSION_PATH = '/api/session';
const COOKIE = 'inbox_session';
const MAX_AGE_S = 30 * 86_400;

/**
 * The personal token of a request: `Authorization: Bearer …` (the desktop app, tools) or the
 * session cookie a browser got when it signed in.
 */
export function tokenOf(headers: IncomingHttpHeaders): string | null {
  const auth = headers.authorization;
  if (auth?.toLowerCase().startsWith('bearer ')) return auth.slice(7).trim() || null;
  for (const part of (headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(value.join('=')) || null;
  }
  return null;
}

/** The cookie that keeps a browser signed in, or (with null) signs it out. Never readable by scripts. */
export function sessionCookie(token: string | null, secure: boolean): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];
  return token == null
    ? [`${COOKIE}=`, 'Max-Age=0', ...attributes].join('; ')
    : [`${COOKIE}=${encodeURIComponent(token)}`, `Max-Age=${MAX_AGE_S}`, ...attributes].join('; ');
}

/** The client a call comes from, for provenance: the desktop app says which; otherwise a browser. */
export function clientOf(headers: IncomingHttpHeaders): string {
  const said = headers['x-inbox-client'];
  return typeof said === 'string' && /^desktop:[\w.-]{1,100}$/.test(said) ? said : 'browser';
}
