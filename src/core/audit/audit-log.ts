import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditEntrySchema } from '../../shared';
import type { AuditCheck, AuditEntry, AuditFact } from '../../shared';
import { writeFileAtomic } from '../store/durable-write';
import { storageAt } from '../store/file-system';
import type { Storage, StorageOptions } from '../store/file-system';
import { JsonlFile } from '../store/jsonl-file';
import { holdAll, takeBack, targetsOf } from '../store/staged-write';
import type { Holdable, StagedWrite } from '../store/staged-write';
import { UnfinishedChange } from '../store/unfinished-change';
import { dateOf, systemClock } from '../time/clock';
import type { Clock } from '../time/clock';
import { ChainChecker, chainEntry, wellFormedFact } from './audit-chain';
import type { AuditHead } from './audit-chain';

export const AUDIT_FILE = 'audit.jsonl';
export const AUDIT_HEAD_FILE = 'audit-head.json';

/** Reads the recorded end of the chain; null when there is none (a new trail). */
export async function readHead(dataDir: string): Promise<AuditHead | null> {
  try {
    const head = JSON.parse(await readFile(join(dataDir, AUDIT_HEAD_FILE), 'utf8')) as AuditHead;
    return typeof head.seq === 'number' && typeof head.hash === 'string' ? head : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Checks the audit trail of a data folder, as `npm run verify` does: the file is read in chunks and
 * checked line by line, so memory stays flat however long the trail is.
 */
export async function verifyAudit(
  dataDir: string,
  clock: Clock = systemClock,
): Promise<AuditCheck> {
  const checker = new ChainChecker(await readHead(dataDir));
  let rest = '';
  try {
    const stream = createReadStream(join(dataDir, AUDIT_FILE), { encoding: 'utf8' });
    try {
      for await (const chunk of stream as AsyncIterable<string>) {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        if (lines.some((line) => !checker.feed(line))) break;
      }
    } finally {
      stream.destroy();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  // A final line without its newline (`rest`) is a write a crash interrupted: not part of the trail.
  return checker.finish(dateOf(clock));
}

/** What a change records: its facts, or a function giving them once its writes are prepared. */
export type Facts = readonly AuditFact[] | (() => readonly AuditFact[]);

/**
 * The append-only, hash-chained record of every action (see AuditEntrySchema), and the one way a
 * change and its audit entries become durable together (`commit`). The end of the chain is also kept
 * in `audit-head.json`, so entries removed from the end are detected.
 *
 * Opening reads the file once to find where the chain ends. A trail that no longer checks out
 * (someone edited it) still opens, so the inbox keeps working; `verify()` says where it broke.
 */
export class AuditLog {
  private queue: Promise<void> = Promise.resolve();
  private headWrite: Promise<void> = Promise.resolve();
  private headDirty = false;
  private entries: AuditEntry[] | null = null;
  private readonly unfinished: UnfinishedChange;

  private constructor(
    private readonly storage: Storage,
    private readonly file: JsonlFile<AuditEntry>,
    /** The last entry of a finished change: on disk, with what it records. */
    private head: AuditHead | null,
  ) {
    this.unfinished = new UnfinishedChange(storage);
  }

  static async open(
    dataDir: string,
    clock: Clock = systemClock,
    options: StorageOptions = {},
  ): Promise<AuditLog> {
    const storage = storageAt(dataDir, { ...options, clock });
    const { file, lines } = await JsonlFile.openLines<AuditEntry>(join(dataDir, AUDIT_FILE), {
      ...options,
      clock,
      folder: dataDir,
    });
    let head: AuditHead | null = null;
    const last = lines.at(-1);
    if (last != null) {
      try {
        const entry = AuditEntrySchema.parse(JSON.parse(last));
        head = { seq: entry.seq, hash: entry.hash };
      } catch {
        // The last line was tampered with: go on from its position; verify() names it.
        head = { seq: lines.length, hash: '0'.repeat(64) };
      }
    }
    return new AuditLog(storage, file, head);
  }

  /** Records an action on its own; resolves with its entry once it is on disk. */
  async record(fact: AuditFact): Promise<AuditEntry> {
    const [entry] = await this.commit([fact]);
    return entry!;
  }

  /**
   * Makes a change durable with its audit entries, as one: either both are on disk and in memory,
   * or neither (the call fails, with a storage error when the disk refused).
   *
   * The order: the files are held (nobody else writes them meanwhile) and the change is prepared;
   * the entries are sealed (an entry that cannot be hashed stops the change before any write); when
   * more than one file is written, their marks go to `unfinished-change.json`; then the audit entries
   * are appended, then the change is written, then the marks are removed. If anything fails on the
   * way, every file is put back to its mark (appends cut off, the workspace's old text written back)
   * before the call fails; if the process dies on the way, the next start does it from the marks.
   * Only then does memory show the change. Changes are committed one at a time, in call order.
   *
   * Why take back rather than re-apply: a change that did not finish was never acknowledged (the
   * call failed, or the process died before answering), so going back to before it is what the
   * caller was told; the marks (file lengths, the workspace's old text) are all that is needed, for
   * every store alike, and truncating needs no free space. Entries of an unfinished change are the
   * trail's last lines and the head file never names them, so cutting them off leaves the chain
   * intact.
   */
  commit(facts: Facts, ...writes: StagedWrite[]): Promise<AuditEntry[]> {
    const run = this.queue.then(() => this.commitNow(facts, writes));
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async commitNow(facts: Facts, writes: StagedWrite[]): Promise<AuditEntry[]> {
    const recording = typeof facts === 'function' || facts.length > 0;
    const targets: Holdable[] = [...(recording ? [this.file] : []), ...targetsOf(writes)];
    const holds = await holdAll(targets).catch((err: unknown) => {
      for (const w of writes) w.abandon?.();
      throw err;
    });
    try {
      let entries: AuditEntry[];
      let across: boolean;
      try {
        for (const w of writes) w.prepare?.();
        entries = this.seal(typeof facts === 'function' ? facts() : facts);
        across = holds.length > 1;
        if (across) await this.unfinished.begin(holds.map((h) => h.mark));
      } catch (err) {
        for (const w of writes) w.abandon?.();
        throw err;
      }
      try {
        if (entries.length > 0) await this.file.appendHeld(...entries);
        for (const w of writes) await w.write();
        if (across) await this.unfinished.end();
      } catch (err) {
        await takeBack(holds, targets, across ? () => this.unfinished.end() : undefined);
        for (const w of writes) w.abandon?.();
        throw err;
      }
      const last = entries.at(-1);
      if (last != null) {
        this.head = { seq: last.seq, hash: last.hash };
        this.entries?.push(...entries);
        this.saveHead();
      }
      for (const w of writes) w.apply();
      return entries;
    } finally {
      for (const hold of holds) hold.release();
    }
  }

  /** Every entry, oldest first (read from disk the first time). Lines that do not parse are left out. */
  async all(): Promise<readonly AuditEntry[]> {
    if (this.entries == null) {
      await this.flush();
      const lines = await JsonlFile.readLines(this.file.path, { fs: this.storage.fs });
      const head = this.head?.seq ?? 0;
      const entries: AuditEntry[] = [];
      for (const line of lines) {
        try {
          const entry = AuditEntrySchema.parse(JSON.parse(line));
          // Entries of a change that was not finished (and not yet cut off) are not history.
          if (entry.seq <= head) entries.push(entry);
        } catch {
          // Broken lines are verify()'s business; reports read what can be read.
        }
      }
      // Appends made while reading are already in the file's lines or will be pushed after.
      this.entries ??= entries;
    }
    return this.entries;
  }

  /** The entries about one conversation, oldest first. */
  async ofConversation(conversationId: string): Promise<AuditEntry[]> {
    return (await this.all()).filter((e) => e.conversationId === conversationId);
  }

  async verify(): Promise<AuditCheck> {
    await this.flush();
    return verifyAudit(this.storage.folder, this.storage.clock);
  }

  async flush(): Promise<void> {
    await this.queue;
    await this.file.flush();
    await this.headWrite;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.file.close();
  }

  /** The entries that follow the head, sealed (hashed); nothing is written. */
  private seal(facts: readonly AuditFact[]): AuditEntry[] {
    const at = dateOf(this.storage.clock);
    let head = this.head;
    return facts.map((fact) => {
      const entry = chainEntry(head, wellFormedFact(fact), at);
      head = { seq: entry.seq, hash: entry.hash };
      return entry;
    });
  }

  /**
   * Writes the head after the entries it names are durable; writes in a row are coalesced. A head
   * the disk refuses stays as it was (it names an earlier entry, which verify accepts) until the
   * next one is written.
   */
  private saveHead(): void {
    if (this.headDirty) return;
    this.headDirty = true;
    this.headWrite = this.headWrite.then(async () => {
      this.headDirty = false;
      const head = this.head;
      if (head == null) return;
      const path = join(this.storage.folder, AUDIT_HEAD_FILE);
      await writeFileAtomic(this.storage, path, JSON.stringify(head)).catch(() => undefined);
    });
  }
}
