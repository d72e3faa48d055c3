import { join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { Conversation } from '../../shared';
import { JsonlFile } from './jsonl-file';

interface Snapshot {
  conversations: Conversation[];
}

/**
 * Conversations live in memory; on disk they are a snapshot (`conversations.json`, rewritten rarely)
 * plus a journal of upserts (`conversations.jsonl`, appended per change). Opening replays the journal
 * over the snapshot; compaction folds the journal into a new snapshot once it grows.
 */
export class ConversationStore {
  private readonly byId = new Map<string, Conversation>();
  private journalLength = 0;
  private compacting: Promise<void> | null = null;

  private constructor(
    private readonly snapshot: Low<Snapshot>,
    private readonly journal: JsonlFile<Conversation>,
    private readonly compactAfter: number,
  ) {}

  static async open(dataDir: string, options: { compactAfter?: number } = {}) {
    const snapshot = new Low<Snapshot>(
      new DataFile<Snapshot>(join(dataDir, 'conversations.json'), {
        parse: (text) => JSON.parse(text) as Snapshot,
        stringify: (data) => JSON.stringify(data),
      }),
      { conversations: [] },
    );
    await snapshot.read();
    const { file, records } = await JsonlFile.open<Conversation>(
      join(dataDir, 'conversations.jsonl'),
    );
    const store = new ConversationStore(snapshot, file, options.compactAfter ?? 20_000);
    for (const c of snapshot.data.conversations) store.byId.set(c.id, c);
    for (const c of records) store.byId.set(c.id, c);
    store.journalLength = records.length;
    snapshot.data = { conversations: [] };
    return store;
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
  async put(conversations: Conversation[]): Promise<void> {
    if (conversations.length === 0) return;
    for (const c of conversations) this.byId.set(c.id, c);
    this.journalLength += conversations.length;
    await this.journal.append(...conversations);
    if (this.journalLength >= Math.max(this.compactAfter, this.byId.size / 2)) {
      await this.compact();
    }
  }

  /** Writes every conversation to a new snapshot (atomic rename), then empties the journal. */
  compact(): Promise<void> {
    this.compacting ??= (async () => {
      await this.journal.flush();
      const before = this.journalLength;
      this.snapshot.data = { conversations: [...this.byId.values()] };
      await this.snapshot.write();
      this.snapshot.data = { conversations: [] };
      // Appends that raced the snapshot are in memory and in it: the journal can go.
      await this.journal.clear();
      this.journalLength = Math.max(0, this.journalLength - before);
    })().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  async close(): Promise<void> {
    await this.compacting;
    await this.journal.close();
  }
}
