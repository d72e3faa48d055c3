import { basename, dirname } from 'node:path';
import { writeAll, writeFileAtomic } from './durable-write';
import { storageAt } from './file-system';
import type { Storage, StorageOptions, WritableFile } from './file-system';
import { readJsonl } from './jsonl-read';
import { queueHold } from './staged-write';
import type { Hold, Holdable } from './staged-write';
import { storageError } from './storage-error';

export interface JsonlFileOptions extends StorageOptions {
  /** The data folder its errors name (default: the file's folder). */
  folder?: string;
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * An append-only JSON-lines file with one writer. Appends made in the same tick are written together
 * and synced once; each append resolves when its line is durable. The file knows where its last whole
 * line ends: a write that fails (a full disk, a short write, a failed sync) is cut back to there, so
 * the next append never glues onto half a line, and the writes after it go on normally; if even the
 * cut fails, the next write makes it first. A line torn by a crash, or unreadable, is set aside when
 * the file is opened (see readJsonl).
 */
export class JsonlFile<T> implements Holdable {
  private handle: WritableFile | null = null;
  /** Bytes of whole lines on disk: where the next append goes. */
  private size = 0;
  private repair: (() => Promise<void>) | null = null;
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  /** Every write runs on this chain, one after the other; it never rejects. */
  private chain: Promise<void> = Promise.resolve();
  private scheduled = false;
  private held = false;

  private constructor(
    readonly path: string,
    private readonly storage: Storage,
  ) {}

  /** Opens the file (creating it and its folder) and returns it with every readable record. */
  static async open<T>(
    path: string,
    options: JsonlFileOptions = {},
  ): Promise<{ file: JsonlFile<T>; records: T[] }> {
    const { file, lines } = await JsonlFile.openChecking<T>(path, options, 'all');
    return { file, records: lines.map((line) => JSON.parse(line) as T) };
  }

  /**
   * Opens the file for appending without judging its lines (the caller checks them: the audit
   * trail keeps a broken line where it is, for verify to name); only a torn last line is set aside.
   */
  static async openLines<T>(
    path: string,
    options: JsonlFileOptions = {},
  ): Promise<{ file: JsonlFile<T>; lines: string[] }> {
    return JsonlFile.openChecking<T>(path, options, 'tail');
  }

  /** The file's readable lines as they are now, without repairing anything (a re-read). */
  static async readLines(path: string, options: JsonlFileOptions = {}): Promise<string[]> {
    const storage = storageAt(options.folder ?? dirname(path), options);
    return (await readJsonl(storage, path, { check: 'all', repair: false })).lines;
  }

  private static async openChecking<T>(
    path: string,
    options: JsonlFileOptions,
    check: 'all' | 'tail',
  ): Promise<{ file: JsonlFile<T>; lines: string[] }> {
    const storage = storageAt(options.folder ?? dirname(path), options);
    const file = new JsonlFile<T>(path, storage);
    try {
      await storage.fs.mkdir(dirname(path));
      const content = await readJsonl(storage, path, { check, repair: true });
      file.handle = await storage.fs.open(path, 'a');
      file.size = content.size;
      const cutTo = content.cutTo;
      if (cutTo != null) file.repairBefore(() => file.cutBack(cutTo));
      return { file, lines: content.lines };
    } catch (err) {
      throw storageError(err, storage.folder, basename(path));
    }
  }

  append(...records: T[]): Promise<void> {
    if (this.handle == null) return Promise.reject(new Error(`${this.path} is closed`));
    let lines: string[];
    try {
      lines = records.map((record) => JSON.stringify(record) + '\n');
    } catch (err) {
      return Promise.reject(err as Error);
    }
    this.pending.push(...lines);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.chain = this.chain.then(() => this.writeBatch());
      });
    }
    return done;
  }

  /** Holds the file for a change (see Holdable); its writes then go through `appendHeld`. */
  hold(): Promise<Hold> {
    const { hold, chain } = queueHold(this.chain, async (release): Promise<Hold> => {
      await this.runRepair();
      this.held = true;
      const mark = { path: this.path, size: this.size };
      let done = false;
      return {
        mark,
        undo: () => this.cutBack(mark.size),
        release: () => {
          if (done) return;
          done = true;
          this.held = false;
          release();
        },
      };
    });
    this.chain = chain;
    return hold;
  }

  repairBefore(repair: () => Promise<void>): void {
    this.repair = repair;
  }

  /** Appends records while the file is held; resolves once they are durable. */
  appendHeld(...records: T[]): Promise<void> {
    if (!this.held) return Promise.reject(new Error(`${this.path} is not held`));
    return this.writeText(records.map((record) => JSON.stringify(record) + '\n').join(''));
  }

  /** Empties the file while it is held (its content was folded into a snapshot). */
  async clearHeld(): Promise<void> {
    if (!this.held) throw new Error(`${this.path} is not held`);
    await this.cutBack(0);
  }

  /** Resolves once everything appended so far is durable. */
  async flush(): Promise<void> {
    if (this.pending.length > 0) await this.append();
    await this.chain;
  }

  /**
   * Replaces the whole file with these records (forgetting some history): written to a temporary
   * file, synced, then renamed over the old one, so a crash leaves one or the other whole.
   */
  rewrite(records: T[]): Promise<void> {
    return this.exclusive(async () => {
      await this.runRepair();
      const text = records.map((r) => JSON.stringify(r) + '\n').join('');
      await writeFileAtomic(this.storage, this.path, text);
      await this.handle?.close();
      this.handle = null;
      this.handle = await this.storage.fs.open(this.path, 'a');
      this.size = Buffer.byteLength(text);
    });
  }

  /** Empties the file (after its content was folded into a snapshot). */
  clear(): Promise<void> {
    return this.exclusive(async () => {
      await this.runRepair();
      await this.cutBack(0);
    });
  }

  async close(): Promise<void> {
    await this.flush().catch(() => undefined);
    await this.handle?.close();
    this.handle = null;
  }

  private exclusive<R>(run: () => Promise<R>): Promise<R> {
    const result = this.chain.then(run);
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async writeBatch(): Promise<void> {
    const text = this.pending.join('');
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    if (waiters.length === 0) return;
    try {
      if (text.length > 0) {
        await this.runRepair();
        await this.writeText(text);
      }
      for (const w of waiters) w.resolve();
    } catch (err) {
      for (const w of waiters) w.reject(err);
    }
  }

  /** Writes whole lines and syncs them; on failure the file is cut back to its last whole line. */
  private async writeText(text: string): Promise<void> {
    const handle = this.handle;
    if (handle == null) throw new Error(`${this.path} is closed`);
    const buffer = Buffer.from(text);
    const before = this.size;
    try {
      await writeAll(handle, buffer, this.path);
      await handle.datasync();
      this.size = before + buffer.length;
    } catch (err) {
      await this.cutBack(before).catch(() => this.repairBefore(() => this.cutBack(before)));
      throw storageError(err, this.storage.folder, basename(this.path));
    }
  }

  /** Cuts the file back to a length (dropping a partial or taken-back write). */
  private async cutBack(size: number): Promise<void> {
    if (this.handle == null) throw new Error(`${this.path} is closed`);
    await this.handle.truncate(size);
    this.size = size;
  }

  private async runRepair(): Promise<void> {
    const repair = this.repair;
    if (repair == null) return;
    try {
      await repair();
    } catch (err) {
      throw storageError(err, this.storage.folder, basename(this.path));
    }
    if (this.repair === repair) this.repair = null;
  }
}
