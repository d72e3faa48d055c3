import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';

/** A request as the emulator's handlers see it: the path split below a platform prefix. */
export interface EmuRequest {
  method: string;
  /** The full request URL, made absolute with the Host the client used. */
  url: URL;
  /** Path segments below the platform prefix (`/x` or `/graph`), decoded. */
  segments: string[];
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  /** Raw request body ('' for GET). */
  body: string;
}

/** A response to write: an object body is sent as JSON, a string as is. */
export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A route: a method and a pattern of segments, `:name` capturing one (`2/users/:id/mentions`). */
export interface RouteLike {
  method: string;
  pattern: string;
}

const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

/** Reads a request body up to 1 MiB. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Splits a path into decoded segments, dropping empty ones; null when a segment cannot be decoded. */
export function splitPath(pathname: string): string[] | null {
  try {
    return pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

/** Matches segments against a route pattern, returning the captured `:params`. */
export function matchPattern(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern.split('/');
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = segments[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return params;
}

/** The first route whose method and pattern fit, with its params; `pathMatched` tells 405 from 404. */
export function findRoute<R extends RouteLike>(
  routes: readonly R[],
  method: string,
  segments: string[],
): { route: R; params: Record<string, string> } | { route: null; pathMatched: boolean } {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return { route: null, pathMatched };
}

/** Writes a response; objects become JSON, `content-type` defaults to JSON. */
export function writeResponse(res: ServerResponse, response: EmuResponse): void {
  const body =
    typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? null);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    ...response.headers,
    'content-length': String(Buffer.byteLength(body)),
  };
  res.writeHead(response.status, headers);
  res.end(body);
}

/** The bearer token of an `Authorization` header, or null. */
export function bearerToken(headers: IncomingHttpHeaders, schemes = ['bearer']): string | null {
  const value = headers.authorization;
  if (typeof value !== 'string') return null;
  const match = /^(\S+)\s+(\S+)\s*$/.exec(value);
  if (!match || !schemes.includes(match[1]!.toLowerCase())) return null;
  return match[2]!;
}

/** Listens on the port and host, with a clear error when the port is taken. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE')
        reject(
          Object.assign(new Error(`Port ${port} on ${host} is already in use`), { code: err.code }),
        );
      else reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
