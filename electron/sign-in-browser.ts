import type { InboxClient } from '../src/shared';

/**
 * Whether a sign-in page may be handed to the system browser: the platforms' pages over https, or
 * the emulator's over http on this machine (demo mode). Anything else is left for the user to see.
 */
export function isSignInUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'https:') return true;
  return (
    parsed.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(parsed.hostname)
  );
}

/**
 * The inbox with sign-ins opened in the user's own browser (never in an app window): when a connect
 * starts, main opens the platform's page and tells the UI it did (`opened: true`).
 */
export function withSystemBrowserSignIn(
  api: InboxClient,
  openExternal: (url: string) => Promise<void>,
): InboxClient {
  return new Proxy(api, {
    get(target, property, receiver) {
      if (property !== 'startConnect') {
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      const startConnect: InboxClient['startConnect'] = async (input, callOptions) => {
        const started = await target.startConnect(input, callOptions);
        if (!isSignInUrl(started.authorizeUrl)) return started;
        await openExternal(started.authorizeUrl);
        return { ...started, opened: true };
      };
      return startConnect;
    },
  });
}
