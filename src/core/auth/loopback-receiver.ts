import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const PAGE = (title: string, text: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font:16px system-ui,sans-serif;margin:4rem auto;max-width:32rem;color:#1f2937}h1{font-size:1.3rem}</style>
</head><body><h1>${title}</h1><p>${text}</p></body></html>`;

export interface LoopbackReceiver {
  /** `http://127.0.0.1:<port>/callback`: the redirect URI to give the platform. */
  redirectUri: string;
  /** The callback's query, once a request with the right `state` arrives. */
  result: Promise<URLSearchParams>;
  close(): void;
}

export class CallbackTimeoutError extends Error {
  override readonly name = 'CallbackTimeoutError';
}

/**
 * A one-shot HTTP listener on 127.0.0.1 with a random port, where the platform's authorize page sends
 * the browser back (RFC 8252 §7.3). Requests without the expected `state` are refused and the
 * listener keeps waiting; the first matching one resolves `result` and closes it.
 */
export async function startLoopbackReceiver(options: {
  state: string;
  timeoutMs: number;
  /** Said in the browser tab once the callback arrived. */
  appName?: string;
}): Promise<LoopbackReceiver> {
  let settle!: { resolve: (q: URLSearchParams) => void; reject: (e: Error) => void };
  const result = new Promise<URLSearchParams>((resolve, reject) => {
    settle = { resolve, reject };
  });
  result.catch(() => undefined); // the caller may never wait for it (a cancelled flow)
  const app = options.appName ?? 'Social Inbox';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, title: string, text: string) => {
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
      res.end(PAGE(title, text));
    };
    if (req.method !== 'GET' || url.pathname !== '/callback') {
      send(404, 'Not found', 'This address only receives sign-in answers.');
      return;
    }
    if (url.searchParams.get('state') !== options.state) {
      send(
        400,
        'Sign-in not recognised',
        `This answer does not belong to the sign-in ${app} started. Start again from ${app}.`,
      );
      return;
    }
    if (url.searchParams.has('error')) {
      send(
        200,
        'Not connected',
        `The account was not connected. You can close this tab and return to ${app}.`,
      );
    } else {
      send(200, 'Connected', `You can close this tab and return to ${app}.`);
    }
    settle.resolve(url.searchParams);
    clearTimeout(timer);
    // Stop listening once this answer has reached the browser.
    res.once('finish', () => {
      server.close();
      server.closeIdleConnections();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const timer = setTimeout(() => {
    settle.reject(new CallbackTimeoutError('No answer came back from the sign-in page in time'));
    close();
  }, options.timeoutMs);
  timer.unref();
  function close(): void {
    clearTimeout(timer);
    settle.reject(new CallbackTimeoutError('The sign-in was cancelled'));
    server.close();
    server.closeAllConnections();
  }
  const { port } = server.address() as AddressInfo;
  return { redirectUri: `http://127.0.0.1:${port}/callback`, result, close };
}
