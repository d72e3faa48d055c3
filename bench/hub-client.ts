import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';

/** The hub's HTTP API as the UI calls it: JSON envelopes, a personal token, kept-alive connections. */
export class HubClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });

  constructor(private readonly base: string) {}

  get<T>(token: string, path: string, options: { timeoutMs?: number } = {}) {
    return this.call<T>(token, 'GET', path, undefined, options);
  }

  /** A write, with an Idempotency-Key as the UI sends one with each (unless `keyed` is false). */
  post<T>(
    token: string,
    path: string,
    body: unknown,
    options: { conflictOk?: boolean; keyed?: boolean } = {},
  ) {
    return this.call<T>(token, 'POST', path, body, options);
  }

  /**
   * One call, timed until its whole body is read (not parsed); a failure throws. Made with
   * node:http on kept-alive connections rather than fetch, whose web streams cost the bench
   * process several times the CPU per call: with 20 agents on two cores, that CPU was the hub's.
   */
  private call<T>(
    token: string,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    options: { timeoutMs?: number; conflictOk?: boolean; keyed?: boolean },
  ): Promise<{ ms: number; hubMs: number; status: number; bytes: number; result: T }> {
    const start = performance.now();
    const payload = body === undefined ? null : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        this.base + path,
        {
          method,
          agent: this.agent,
          timeout: options.timeoutMs ?? 60_000,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(payload == null
              ? {}
              : {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                }),
            ...(payload != null && options.keyed !== false
              ? { 'idempotency-key': randomUUID() }
              : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const ms = performance.now() - start;
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            let envelope: { ok: boolean; result?: T; error?: { message: string } };
            try {
              envelope = JSON.parse(text) as typeof envelope;
            } catch {
              reject(new Error(`${method} ${path}: ${status} ${text.slice(0, 200)}`));
              return;
            }
            if (!envelope.ok && !(options.conflictOk && status === 409)) {
              reject(new Error(`${method} ${path}: ${status} ${envelope.error?.message}`));
              return;
            }
            const timing = String(response.headers['server-timing'] ?? '');
            const hubMs = Number(/app;dur=([\d.]+)/.exec(timing)?.[1]);
            resolve({ ms, hubMs, status, bytes: text.length, result: envelope.result as T });
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`${method} ${path}: timed out`)));
      request.on('error', reject);
      request.end(payload ?? undefined);
    });
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }
}
