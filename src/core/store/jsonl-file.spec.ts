import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test/fixtures';
import { JsonlFile } from './jsonl-file';

describe('JsonlFile', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('appends records and reads them back in order after reopening', async () => {
    const path = join(dir, 'nested', 'log.jsonl');
    const { file, records } = await JsonlFile.open<{ n: number }>(path);
    expect(records).toEqual([]);
    await Promise.all(Array.from({ length: 500 }, (_, n) => file.append({ n })));
    await file.close();
    const reopened = await JsonlFile.open<{ n: number }>(path);
    expect(reopened.records.map((r) => r.n)).toEqual(Array.from({ length: 500 }, (_, n) => n));
    await reopened.file.close();
  });

  it('cuts off a line torn by a crash so later appends stay readable', async () => {
    const path = join(dir, 'log.jsonl');
    const first = await JsonlFile.open<{ n: number }>(path);
    await first.file.append({ n: 1 });
    await first.file.close();
    await appendFile(path, '{"n": 2, "tor');
    const second = await JsonlFile.open<{ n: number }>(path);
    expect(second.records).toEqual([{ n: 1 }]);
    await second.file.append({ n: 3 });
    await second.file.close();
    expect(await readFile(path, 'utf8')).toBe('{"n":1}\n{"n":3}\n');
  });

  it('clear empties the file and refuses appends once closed', async () => {
    const path = join(dir, 'log.jsonl');
    const { file } = await JsonlFile.open<{ n: number }>(path);
    await file.append({ n: 1 });
    await file.clear();
    await file.append({ n: 2 });
    await file.close();
    expect(await readFile(path, 'utf8')).toBe('{"n":2}\n');
    await expect(file.append({ n: 3 })).rejects.toThrow(/closed/);
  });
});
