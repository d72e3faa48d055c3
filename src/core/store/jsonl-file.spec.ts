import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InboxError } from '../../shared';
import { FaultyFileSystem } from '../test/faulty-file-system';
import { tempDir } from '../test/fixtures';
import { ManualClock } from '../time/clock';
import { JsonlFile } from './jsonl-file';

describe('JsonlFile', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(async () => {
    vi.restoreAllMocks();
    await cleanup();
  });

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

  it('cuts off a line torn by a crash, keeps it aside, and later appends stay readable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const path = join(dir, 'log.jsonl');
    const first = await JsonlFile.open<{ n: number }>(path);
    await first.file.append({ n: 1 });
    await first.file.close();
    await appendFile(path, '{"n": 2, "tor');
    const second = await JsonlFile.open<{ n: number }>(path, {
      clock: new ManualClock('2026-11-20T10:00:00.000Z'),
    });
    expect(second.records).toEqual([{ n: 1 }]);
    await second.file.append({ n: 3 });
    await second.file.close();
    expect(await readFile(path, 'utf8')).toBe('{"n":1}\n{"n":3}\n');
    const side = join(dir, 'log.jsonl.corrupt-2026-11-20T10-00-00-000Z');
    expect(await readFile(side, 'utf8')).toBe('{"n": 2, "tor\n');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/log\.jsonl: line 2 \(cut short\)/));
  });

  it('opens a file with a torn line in the middle with the rest of its records', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const path = join(dir, 'log.jsonl');
    await writeFile(path, '{"n":1}\n{"n":2,"x\n{"n":3}\n\n{"n":4}\n');
    const { file, records } = await JsonlFile.open<{ n: number }>(path);
    expect(records).toEqual([{ n: 1 }, { n: 3 }, { n: 4 }]);
    await file.append({ n: 5 });
    await file.close();
    expect(await readFile(path, 'utf8')).toBe('{"n":1}\n{"n":3}\n{"n":4}\n{"n":5}\n');
    const [side] = (await readdir(dir)).filter((name) => name.startsWith('log.jsonl.corrupt-'));
    expect(await readFile(join(dir, side!), 'utf8')).toBe('{"n":2,"x\n');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/line 2 \(not valid JSON\)/));
    // Opening again finds nothing more to set aside.
    warn.mockClear();
    expect((await JsonlFile.open<{ n: number }>(path)).records).toHaveLength(4);
    expect(warn).not.toHaveBeenCalled();
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

describe('JsonlFile on a failing disk', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let fs: FaultyFileSystem;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    fs = new FaultyFileSystem();
  });
  afterEach(() => cleanup());

  it('fails an append on a full disk with a storage_full error naming the folder, then works again', async () => {
    const path = join(dir, 'log.jsonl');
    const { file } = await JsonlFile.open<{ n: number }>(path, { fs });
    await file.append({ n: 1 });
    fs.fail({ code: 'ENOSPC', ops: ['write'] });
    const failure = await file.append({ n: 2 }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(InboxError);
    expect(failure).toMatchObject({ code: 'storage_full', details: { errno: 'ENOSPC' } });
    expect((failure as Error).message).toContain(dir);
    fs.clear();
    await file.append({ n: 3 });
    await file.close();
    expect(await readFile(path, 'utf8')).toBe('{"n":1}\n{"n":3}\n');
  });

  it('detects short writes: the part written is cut off and the append fails', async () => {
    const path = join(dir, 'log.jsonl');
    const { file } = await JsonlFile.open<{ text: string }>(path, { fs });
    await file.append({ text: 'first' });
    fs.fail({ code: 'ENOSPC', ops: ['write'], partial: true });
    await expect(file.append({ text: 'x'.repeat(200) })).rejects.toMatchObject({
      code: 'storage_full',
    });
    expect(fs.injected.filter((i) => i.code === 'short').length).toBeGreaterThan(0);
    expect(await readFile(path, 'utf8')).toBe('{"text":"first"}\n');
    fs.clear();
    await file.append({ text: 'second' });
    await file.close();
    expect(await readFile(path, 'utf8')).toBe('{"text":"first"}\n{"text":"second"}\n');
  });

  it('a failed sync is cut back too; an unwritable folder gives storage_unavailable', async () => {
    const path = join(dir, 'log.jsonl');
    const { file } = await JsonlFile.open<{ n: number }>(path, { fs });
    fs.fail({ code: 'EIO', ops: ['datasync'], times: 1 });
    await expect(file.append({ n: 1 })).rejects.toMatchObject({ code: 'storage_unavailable' });
    expect(await readFile(path, 'utf8')).toBe('');
    fs.fail({ code: 'EROFS', ops: ['write'] });
    await expect(file.append({ n: 2 })).rejects.toThrow(/cannot be written \(EROFS/);
    fs.clear();
    await file.append({ n: 3 });
    await file.close();
    expect(await readFile(path, 'utf8')).toBe('{"n":3}\n');
  });

  it('when even the cut fails, the next append makes it first', async () => {
    const path = join(dir, 'log.jsonl');
    const { file } = await JsonlFile.open<{ text: string }>(path, { fs });
    fs.fail({ code: 'EIO', ops: ['write', 'truncate'], partial: true });
    await expect(file.append({ text: 'y'.repeat(100) })).rejects.toMatchObject({
      code: 'storage_unavailable',
    });
    // Half a line is left on disk.
    expect((await readFile(path, 'utf8')).length).toBeGreaterThan(0);
    fs.fail({ code: 'EIO', ops: ['truncate'] });
    await expect(file.append({ text: 'z' })).rejects.toMatchObject({ code: 'storage_unavailable' });
    fs.clear();
    await file.append({ text: 'ok' });
    await file.close();
    expect(await readFile(path, 'utf8')).toBe('{"text":"ok"}\n');
  });
});
