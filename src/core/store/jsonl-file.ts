import { open, readFile, rename, truncate } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PRIVATE_FILE_MODE, makePrivateDir } from './private-files';

/**
 * An append-only JSON-lines file with one writer. Appends made in the same tick are written together
 * and synced once; each append resolves when its line is durable. A line torn by a crash is cut off
 * when the file is opened, so the next append never glues onto garbage.
 */
export class JsonlFile<T> {
  private handle: FileHandle | null = null;
  private pending: string[] = [];
  private waiters: { resolve: () => void; reject: (err: unknown) => void }[] = [];
  private writing: Promise<void> = Promise.resolve();
  private scheduled = false;

  private constructor(readonly path: string) {}

  /** Opens the file (creating it and its folder) and returns it with every whole record it holds. */
  static async open<T>(path: string): Promise<{ file: JsonlFile<T>; records: T[] }> {
    await makePrivateDir(dirname(path));
    const records = await JsonlFile.readRecords<T>(path);
    const file = new JsonlFile<T>(path);
    file.handle = await open(path, 'a', PRIVATE_FILE_MODE);
    return { file, records };
  }

  /**
   * Opens the file for appending without parsing it (its lines are checked by the caller) and
   * returns its whole lines; a torn final line is cut off first.
   */
  static async openLines<T>(path: string): Promise<{ file: JsonlFile<T>; lines: string[] }> {
    await makePrivateDir(dirname(path));
    const lines = await JsonlFile.readLines(path);
    const file = new JsonlFile<T>(path);
    file.handle = await open(path, 'a', PRIVATE_FILE_MODE);
    return { file, lines };
  }

  /** Reads whole records; cuts a torn final line off the file. */
  static async readRecords<T>(path: string): Promise<T[]> {
    return (await JsonlFile.readLines(path)).map((line) => JSON.parse(line) as T);
  }

  /** The file's whole, non-empty lines; cuts a torn final line (a crash mid-write) off the file. */
  static async readLines(path: string): Promise<string[]> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const end = text.lastIndexOf('\n') + 1;
    if (end < text.length) await truncate(path, Buffer.byteLength(text.slice(0, end)));
    return text
      .slice(0, end)
      .split('\n')
      .filter((line) => line.length > 0);
  }

  append(...records: T[]): Promise<void> {
    if (this.handle == null) return Promise.reject(new Error(`${this.path} is closed`));
    for (const record of records) this.pending.push(JSON.stringify(record) + '\n');
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.writing = this.writing.then(() => this.writeBatch());
      });
    }
    return done;
  }

  /** Resolves once everything appended so far is durable. */
  async flush(): Promise<void> {
    if (this.pending.length > 0) await this.append();
    await this.writing;
  }

  /**
   * Replaces the whole file with these records (forgetting some history): written to a temporary
   * file, synced, then renamed over the old one, so a crash leaves one or the other whole.
   */
  async rewrite(records: T[]): Promise<void> {
    await this.flush();
    const temp = `${this.path}.tmp`;
    const out = await open(temp, 'w', PRIVATE_FILE_MODE);
    try {
      await out.chmod(PRIVATE_FILE_MODE);
      await out.write(records.map((r) => JSON.stringify(r) + '\n').join(''));
      await out.datasync();
    } finally {
      await out.close();
    }
    await this.handle?.close();
    await rename(temp, this.path);
    this.handle = await open(this.path, 'a', PRIVATE_FILE_MODE);
  }

  /** Empties the file (after its content was folded into a snapshot). */
  async clear(): Promise<void> {
    await this.flush();
    await this.handle?.truncate(0);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle?.close();
    this.handle = null;
  }

  private async writeBatch(): Promise<void> {
    const lines = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    if (waiters.length === 0) return;
    try {
      if (lines.length > 0 && this.handle != null) {
        await this.handle.write(lines.join(''));
        await this.handle.datasync();
      }
      for (const w of waiters) w.resolve();
    } catch (err) {
      for (const w of waiters) w.reject(err);
    }
  }
}
