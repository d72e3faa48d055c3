import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarSecretService } from './keytar-secret-service';

const dir = mkdtempSync(join(tmpdir(), 'keytar-bus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('KeytarSecretService', () => {
  it('rejects, without crashing the process, when there is no bus at the address', async () => {
    const legacy = new KeytarSecretService(`unix:path=${join(dir, 'no-bus')}`);
    await expect(legacy.read('Social Inbox', 'x:1')).rejects.toThrow(/ENOENT/);
    await expect(legacy.remove('Social Inbox', 'x:1')).rejects.toThrow(/ENOENT/);
  });

  it('rejects when the socket closes before the bus answers', async () => {
    const path = join(dir, 'closing-bus');
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const legacy = new KeytarSecretService(`unix:path=${path}`);
      await expect(legacy.read('Social Inbox', 'x:1')).rejects.toThrow();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
