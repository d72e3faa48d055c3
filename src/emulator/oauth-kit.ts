import type { EmuRequest, EmuResponse } from './http-kit';

/** Pieces both platforms' OAuth flows share: redirect URIs, form bodies, redirects. */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Whether an authorisation server may send the browser to `uri`: an exact match of one the app
 * registered, or a loopback `http:` URI on any port. Native apps listen on a port the system picks,
 * so RFC 8252 §7.3 has servers accept any port on the loopback address. A fragment is never allowed
 * (RFC 6749 §3.1.2).
 */
export function isAcceptedRedirect(uri: string, registered: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.hash !== '' || uri.includes('#')) return false;
  if (registered.includes(uri)) return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && url.username === '';
}

/** `uri` with parameters added to its query, in the order given (absent values left out). */
export function withQuery(
  uri: string,
  params: Array<[string, string | null | undefined]>,
  fragment = '',
): string {
  const url = new URL(uri);
  for (const [name, value] of params) if (value != null) url.searchParams.append(name, value);
  return `${url.href}${fragment}`;
}

export function redirectTo(location: string): EmuResponse {
  return {
    status: 302,
    headers: { location, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: '',
  };
}

/**
 * A request's parameters as an OAuth endpoint reads them: the query, then a form-encoded body over
 * it. A JSON body is not read: both platforms' token endpoints take forms.
 */
export function formParams(req: EmuRequest): URLSearchParams {
  const params = new URLSearchParams(req.query);
  const type = String(req.headers['content-type'] ?? '');
  if (req.body !== '' && type.includes('application/x-www-form-urlencoded'))
    for (const [name, value] of new URLSearchParams(req.body)) params.set(name, value);
  return params;
}

/** The id and secret of a Basic `Authorization` header, form-decoded as RFC 6749 §2.3.1 asks. */
export function basicCredentials(req: EmuRequest): { id: string; secret: string } | null {
  const value = req.headers.authorization;
  if (typeof value !== 'string') return null;
  const match = /^basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(value);
  if (!match) return null;
  const text = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  try {
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { id: decode(text.slice(0, colon)), secret: decode(text.slice(colon + 1)) };
  } catch {
    return null;
  }
}
