import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxService } from '../core/service';
import { tempDir } from '../core/test/fixtures';
import { createHubServer } from './server';

let service: InboxService;
let server: FastifyInstance;
let base: string;
let cleanup: () => Promise<void>;
let token = '';
const lines: string[] = [];

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  service = await InboxService.open({ dataDir: temp.dir });
  token = (await service.createAgent({ name: 'Camille', role: 'manager' })).token;
  // The service as it is, but for one call that fails inside (a bug, not a refusal).
  const api = new Proxy(service, {
    get(target, key) {
      if (key === 'listTags')
        return async () => {
          throw new Error('the tag table is gone');
        };
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  const log = new PassThrough();
  log.setEncoding('utf8');
  log.on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
  server = await createHubServer({
    api,
    authenticate: (t) => service.authenticate(t),
    logger: true,
    logStream: log,
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await server.close();
  await service.close();
  await cleanup();
});

const get = (path: string) =>
  fetch(base + path, { headers: { authorization: `Bearer ${token}` } }).then(async (r) => {
    await r.text();
    return r.status;
  });

describe("the hub's log", () => {
  it('has no line for a request that went well, and one for a request that failed', async () => {
    expect(await get('/api/conversations?q=refund')).toBe(200);
    expect(await get('/api/health')).toBe(200);
    expect(lines.filter((l) => l.includes('"req"'))).toEqual([]);

    expect(await get('/api/tags')).toBe(500);
    const failed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(failed).toContainEqual(
      expect.objectContaining({
        msg: 'request failed',
        statusCode: 500,
        req: expect.objectContaining({ method: 'GET', url: '/api/tags' }) as unknown,
      }),
    );
    // Never a header: the token stays out of the log.
    expect(lines.join('\n')).not.toContain(token);
  });
});
