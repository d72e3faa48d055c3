import { readFile } from 'node:fs/promises';
import type { HubConfig } from './config';
import { allowedHostNames, isLoopback } from './host-check';

type NetworkConfig = Pick<HubConfig, 'host' | 'tlsCert' | 'tlsKey' | 'allowedHosts'>;

/** The certificate and key to serve HTTPS with, read from their files; null for plain HTTP. */
export async function loadTls(
  config: NetworkConfig,
): Promise<{ key: Buffer; cert: Buffer } | null> {
  if (config.tlsCert == null || config.tlsKey == null) return null;
  const read = async (path: string, what: string) => {
    try {
      return await readFile(path);
    } catch (err) {
      throw new Error(
        `cannot read the TLS ${what} ${path}: ${(err as NodeJS.ErrnoException).code}`,
      );
    }
  };
  return { cert: await read(config.tlsCert, 'certificate'), key: await read(config.tlsKey, 'key') };
}

/**
 * The address to print for the hub: its scheme, and a loopback name when it binds every interface
 * (0.0.0.0 is no address a browser should be sent to, and the hub does not answer for it).
 */
export function hubUrl(config: NetworkConfig, port: number): string {
  const scheme = config.tlsCert ? 'https' : 'http';
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host === '::' ? '::1' : config.host;
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * What the operator must hear when the hub is reachable from the network: plain HTTP there carries
 * tokens, cookies and conversations in clear; and which host names it answers for.
 */
export function networkNotices(config: NetworkConfig): string[] {
  if (isLoopback(config.host)) return [];
  const notices: string[] = [];
  if (config.tlsCert == null)
    notices.push(
      `WARNING: the hub listens on ${config.host} over plain HTTP: personal tokens, session ` +
        'cookies, notes and conversations cross the network unencrypted, and cookies are not ' +
        'marked Secure. Serve it with --tls-cert and --tls-key (HTTPS and WSS), or keep it on ' +
        '127.0.0.1.',
    );
  const names = [...allowedHostNames(config.host, config.allowedHosts)].join(', ');
  notices.push(
    `The hub answers requests addressed to: ${names} (others get 421; add the names clients use ` +
      'with --allowed-hosts).',
  );
  return notices;
}
