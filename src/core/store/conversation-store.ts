import { join } from 'node:path';
import type { Conversation } from '../../shared';
import { writeFileAtomic } from './durable-write';
import { isMissing, storageAt } from './file-system';
import type { Storage, StorageOptions } from './file-system';
import { JsonlFile } from './jsonl-file';
import { perform } from './staged-write';
import type { StagedWrite } from './staged-write';

interface Snapshot {
  conversations: Conversation[];
}

/** Journal record of a conversation folded into another one. */
interface Removal {
  id: string;
  removed: true;
}
type JournalRecord = Conversation | Removal;

/** Told of every change once it is durable (the list index follows the store this way). */
export interface ConversationObserver {
  changed(next: Conversation, previous: Conversation | undefined): void;
  removed(previous: Conversation): void;
}

export const SNAPSHOT_FILE = 'conversations.json';
export const JOURNAL_FILE = 'conversations.jsonl';

/**
 * Conversations live in memory; on disk they are a snapshot (`conversations.json`, rewritten rarely)
 * plus a journal of upserts (`conversations.jsonl`, appended per change). Opening replays the journal
 * over the snapshot; compaction folds the journal into a new snapshot once it grows. A change shows
 * in memory (and in the observer) only once its journal line is durable.
 */
export class ConversationStore {
  private readonly byId = new Map<string, Conversation>();
  private journalLength = 0;
  private compacting: Promise<void> | null = null;
  /** After a failed compaction, the next waits until the journal grew this long. */
  private compactAt = 0;
  private observer: ConversationObserver | null = null;

  private constructor(
    private readonly storage: Storage,
    private readonly journal: JsonlFile<JournalRecord>,
    private readonly compactAfter: number,
  ) {}

  static async open(
    dataDir: string,
    options: { compactAfter?: number } & StorageOptions = {},
  ): Promise<ConversationStore> {
    const storage = storageAt(dataDir, options);
    let snapshot: Snapshot = { conversations: [] };
    try {
      snapshot = JSON.parse(await storage.fs.readFile(join(dataDir, SNAPSHOT_FILE))) as Snapshot;
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
    const { file, records } = await JsonlFile.open<JournalRecord>(join(dataDir, JOURNAL_FILE), {
      ...options,
      folder: dataDir,
    });
    const store = new ConversationStore(storage, file, options.compactAfter ?? 20_000);
    for (const c of snapshot.conversations) store.byId.set(c.id, c);
    for (const r of records) {
      if ('removed' in r) store.byId.delete(r.id);
      else store.byId.set(r.id, r);
    }
    store.journalLength = records.length;
    return store;
  }

  /** Follows every durable change (one observer: the service's list index). */
  observe(observer: ConversationObserver): void {
    this.observer = observer;
  }

  get(id: string): Conversation | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<Conversation> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }

  /** Stores new states of conversations; resolves when they are durable. */
  put(conversations: Conversation[]): Promise<void> {
    return conversations.length === 0 ? Promise.resolve() : perform(this.putting(conversations));
  }

  /** Removes conversations (folded into others); resolves when durable. */
  remove(ids: string[]): Promise<void> {
    return perform(this.removing(ids));
  }

  /** New states of conversations, to make durable with others (their audit entries). */
  putting(conversations: readonly Conversation[]): StagedWrite {
    const records = [...conversations];
    return {
      targets: records.length > 0 ? [this.journal] : [],
      write: () => (records.length > 0 ? this.journal.appendHeld(...records) : Promise.resolve()),
      apply: () => {
        for (const c of records) {
          const previous = this.byId.get(c.id);
          this.byId.set(c.id, c);
          this.observer?.changed(c, previous);
        }
        this.journalLength += records.length;
        this.compactSoon();
      },
    };
  }

  /** Conversations to remove, to make durable with others. */
  removing(ids: readonly string[]): StagedWrite {
    const present = [...new Set(ids)].filter((id) => this.byId.has(id));
    const records = present.map((id): Removal => ({ id, removed: true }));
    return {
      targets: records.length > 0 ? [this.journal] : [],
      write: () => (records.length > 0 ? this.journal.appendHeld(...records) : Promise.resolve()),
      apply: () => {
        for (const id of present) {
          const previous = this.byId.get(id);
          if (previous == null) continue;
          this.byId.delete(id);
          this.observer?.removed(previous);
        }
        this.journalLength += records.length;
      },
    };
  }

  /**
   * Writes every conversation to a new snapshot (atomic rename), then empties the journal, the
   * journal held throughout so no change slips in between.
   */
  compact(): Promise<void> {
    this.compacting ??= (async () => {
      const hold = await this.journal.hold();
      try {
        const snapshot: Snapshot = { conversations: [...this.byId.values()] };
        await writeFileAtomic(
          this.storage,
          join(this.storage.folder, SNAPSHOT_FILE),
          JSON.stringify(snapshot),
        );
        await this.journal.clearHeld();
        this.journalLength = 0;
      } finally {
        hold.release();
      }
    })().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  async close(): Promise<void> {
    await this.compacting?.catch(() => undefined);
    await this.journal.close();
  }

  /**
   * Compacts once the journal is long (after the change that made it so is durable); a compaction
   * the disk refuses is tried again once the journal has grown as much again.
   */
  private compactSoon(): void {
    const due = Math.max(this.compactAfter, this.byId.size / 2, this.compactAt);
    if (this.journalLength < due || this.compacting) return;
    this.compact().catch((err: unknown) => {
      this.compactAt = this.journalLength + this.compactAfter;
      console.warn(`Conversations were not compacted: ${(err as Error).message}`);
    });
  }
}
