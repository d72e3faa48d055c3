/** Names that always reach this machine only: a page elsewhere cannot make them point here. */
export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'] as const;

/** Binding to these listens on every interface: they name no host a client would use. */
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** A host name as compared: lower case, without IPv6 brackets or a trailing dot. */
export function normalizeHostName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

/** Whether an address to bind is this machine's loopback only. */
export function isLoopback(host: string): boolean {
  const name = normalizeHostName(host);
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/**
 * The names the hub answers for: the loopback names, the address it binds (unless it binds every
 * interface) and the names the operator gave (`--allowed-hosts`), the ones clients use to reach it.
 */
export function allowedHostNames(bindHost: string, extra: readonly string[] = []): Set<string> {
  const names = new Set<string>(LOOPBACK_NAMES);
  const bound = normalizeHostName(bindHost);
  if (!WILDCARDS.has(bound)) names.add(bound);
  for (const name of extra) names.add(normalizeHostName(name));
  return names;
}

/**
 * The host a request's Host header names (without its port), or null when it has none or it is
 * malformed. A page served from another name (DNS rebinding) sends that name and is refused.
 */
export function hostNameOf(header: string | undefined): string | null {
  if (header == null || header.length === 0 || header.length > 300) return null;
  const match = /^(\[[0-9a-f:.]+\]|[\w.-]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  return match ? normalizeHostName(match[1]!) : null;
}
