import { pathToFileURL } from 'node:url';

/** Where the app's one page lives, and how to recognise its URLs. */
export interface AppPage {
  /** What the window loads. */
  readonly url: string;
  /** The electron-vite dev server's origin, or null for the built page. */
  readonly devOrigin: string | null;
  /** True for the app page itself (any query or fragment), or any URL of the dev server. */
  isAppUrl(url: string): boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The built page (`out/renderer/index.html`, loaded from file://), or, in development, the
 * electron-vite dev server given by ELECTRON_RENDERER_URL. A dev server URL is honoured only when
 * it is plain http on the loopback interface, so a stray variable cannot point the window, and the
 * API it carries, at a remote site.
 */
export function resolveAppPage(options: {
  indexFile: string;
  devServerUrl?: string | null;
}): AppPage {
  const dev = options.devServerUrl ? parse(options.devServerUrl) : null;
  if (options.devServerUrl && !dev) {
    throw new Error(`Invalid dev server URL: ${options.devServerUrl}`);
  }
  if (dev) {
    if (dev.protocol !== 'http:' || !LOOPBACK_HOSTS.has(dev.hostname)) {
      throw new Error(`The dev server must be http on the loopback interface, not ${dev.origin}`);
    }
    const origin = dev.origin;
    return {
      url: dev.href,
      devOrigin: origin,
      isAppUrl: (url) => parse(url)?.origin === origin,
    };
  }
  const page = pathToFileURL(options.indexFile);
  return {
    url: page.href,
    devOrigin: null,
    isAppUrl: (url) => {
      const candidate = parse(url);
      return (
        candidate != null &&
        candidate.protocol === 'file:' &&
        candidate.host === page.host &&
        candidate.pathname === page.pathname
      );
    },
  };
}

/**
 * The window's content security policy: the app's own scripts and styles only, no remote content,
 * no frames, no plugins. The dev server adds its hot-reload socket.
 */
export function contentSecurityPolicy(page: AppPage): string {
  const connect = ["'self'"];
  if (page.devOrigin) connect.push(page.devOrigin.replace(/^http/, 'ws'));
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers the app's own pages are served with; other responses are left as they are. */
export function withSecurityHeaders(
  page: AppPage,
  url: string,
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> | undefined {
  if (!page.isAppUrl(url)) return headers;
  const kept = Object.fromEntries(
    Object.entries(headers ?? {}).filter(
      ([name]) => !/^(content-security-policy|x-content-type-options)$/i.test(name),
    ),
  );
  return {
    ...kept,
    'Content-Security-Policy': [contentSecurityPolicy(page)],
    'X-Content-Type-Options': ['nosniff'],
  };
}

/**
 * The URL to hand to the OS browser for a link the page tried to open, or null to drop it: only
 * https, and never with credentials in it.
 */
export function externalLink(url: string): string | null {
  const target = parse(url);
  if (!target || target.protocol !== 'https:' || !target.hostname) return null;
  if (target.username || target.password) return null;
  return target.href;
}
